/**
 * The one analysis pipeline used at index time AND query time:
 *   tokenize (offsets in the original) → normalize → stopword flag → light stem.
 * A bounded set-associative cache (surface-cache.ts) maps each surface form to its (exact, term,
 * stop) triple and vocabulary ids, looked up in place in the text: news vocabulary is Zipfian, so
 * most tokens are cache hits that cost a hash over their code units and no substring.
 *
 * `createAnalyzer(options)` builds a pipeline with other normalizer/stemmer settings (used by
 * eval/stemmer-experiment.ts); the module-level `analyze`, `analyzeWord`, `normalizeTerm` use the
 * defaults chosen by measurement (docs/design/analysis.md).
 */
import type { Token } from '../types.ts';
import { normalize, normalizer, type NormalizeOptions } from './normalize.ts';
import { lightStem, type StemOptions } from './stem.ts';
import { STOPWORDS } from './stopwords.ts';
import { SurfaceCache } from './surface-cache.ts';
import { forEachSpan, scanSpans, Spans } from './tokenize.ts';
import { Vocabulary, type WordIds } from './vocabulary.ts';

export interface Analyzed {
  /** Normalized, unstemmed form ('' when the surface had only invisible characters). */
  exact: string;
  /** Indexed term: the stem of an Arabic word, else `exact`. */
  term: string;
  stop: boolean;
}

export interface AnalyzerOptions {
  normalize?: NormalizeOptions;
  /** Stemmer settings, or false for no stemming (term === exact). */
  stem?: StemOptions | false;
  /**
   * Stem the form with ة and آ unfolded (then fold the stem), so the stemmer can tell a ta marbuta
   * from a ت + pronoun (حكومته ≡ حكومة) and آل from the article (آلية ≡ الآلية). Default true;
   * false stems the folded exact form.
   */
  stemUnfoldedTa?: boolean;
  /** Stopword set (normalized forms); default: data/stopwords-ar.txt. */
  stopwords?: ReadonlySet<string>;
  /**
   * Surface forms the cache holds (rounded up to a power of two; default 2^19). The 71k corpus has
   * 430k distinct surfaces: 2^19 recomputes 28k of them once more, 2^17 over 400k.
   */
  cacheSize?: number;
  /** Words per vocabulary epoch (analyzeIds; default VOCABULARY_LIMIT in vocabulary.ts). */
  vocabularyLimit?: number;
}

export interface Analyzer {
  analyze(text: string): Token[];
  /**
   * The index path's analyze: appends each token's vocabulary ids (exact, term) to `out`, in
   * token order, creating no token objects. Same tokens, in the same order, as analyze(text).
   */
  analyzeIds(text: string, out: WordIds): void;
  /**
   * Call before the analyzeIds calls of one unit whose ids are used together (an article):
   * starts a new vocabulary epoch when the vocabulary is full. Returns the epoch of the ids
   * analyzeIds will give until the next call.
   */
  beginIds(): number;
  /** Forgets every id and frees the vocabulary's memory (after a bulk build). */
  releaseIds(): void;
  /** The words behind analyzeIds' ids. */
  readonly vocabulary: Vocabulary;
  analyzeWord(surface: string): Analyzed;
  normalizeTerm(surface: string): string;
}

/** True when s is only Arabic letters U+0621–U+064A (the stemmer's alphabet after normalizing). */
function isArabicWord(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x0621 || c > 0x064a) return false;
  }
  return s.length > 0;
}

/** Digit code units: ASCII, Arabic-Indic U+0660–U+0669, Eastern U+06F0–U+06F9. */
function isDigitUnit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x0660 && c <= 0x0669) || (c >= 0x06f0 && c <= 0x06f9);
}

/**
 * A number written with separators, folded so both spellings match: decimal ٫ U+066B → '.',
 * thousands separators ٬ U+066C and ',' dropped (١٬٢٠٠ ≡ 1,200 ≡ 1200; ٣٫٥ ≡ 3.5).
 * Returns null when the surface is not such a number.
 */
export function numberExact(surface: string, opts?: NormalizeOptions): string | null {
  if (surface.length < 3 || !isDigitUnit(surface.charCodeAt(0))) return null;
  let hasSeparator = false;
  for (let i = 0; i < surface.length; i++) {
    const c = surface.charCodeAt(i);
    if (c === 0x2c || c === 0x2e || c === 0x066b || c === 0x066c) hasSeparator = true;
    else if (!isDigitUnit(c)) return null;
  }
  if (!hasSeparator) return null;
  return normalize(surface.replace(/[,\u066C]/g, '').replace(/\u066B/g, '.'), opts);
}

/** exactId of an entry whose exact form is '' (only invisible characters: not a token). */
const NO_TOKEN = -2;

export function createAnalyzer(options: AnalyzerOptions = {}): Analyzer {
  const normOpts = options.normalize;
  const stemOpts = options.stem;
  const stopwords = options.stopwords ?? STOPWORDS;
  const unfoldTa = (options.stemUnfoldedTa ?? true) && normOpts?.foldTaMarbuta !== false;
  const unfoldedOpts: NormalizeOptions = { ...normOpts, foldTaMarbuta: false, foldAlefMadda: false };
  const normalizeExact = normalizer(normOpts);
  const normalizeUnfolded = normalizer(unfoldedOpts);
  const stemOptsResolved: StemOptions = stemOpts === false ? {} : (stemOpts ?? {});

  function compute(surface: string): Analyzed {
    const exact = numberExact(surface, normOpts) ?? normalizeExact(surface);
    const stop = stopwords.has(exact);
    let term = exact;
    if (stemOpts !== false && exact.length > 2 && isArabicWord(exact)) {
      const input = unfoldTa ? normalizeUnfolded(surface) : exact;
      term = lightStem(input, stemOptsResolved);
      if (unfoldTa) term = normalizeExact(term);
    }
    return { exact, term, stop };
  }

  const cache = new SurfaceCache(options.cacheSize ?? 1 << 19, compute);
  // An entry's surface, exact form and term are strings[3e], [3e + 1], [3e + 2].
  const { strings, stops, lines } = cache;
  const termOffset = cache.termOffset;

  function analyzeWord(surface: string): Analyzed {
    const e = cache.lookupString(surface);
    return { exact: strings[3 * e + 1]!, term: strings[3 * e + 2]!, stop: stops[e] === 1 };
  }

  function analyze(text: string): Token[] {
    const out: Token[] = [];
    let position = 0;
    forEachSpan(text, (start, end, hash) => {
      const e = cache.lookup(text, start, end, hash);
      const exact = strings[3 * e + 1]!;
      if (exact === '') return; // only invisible characters
      out.push({ text: strings[3 * e]!, start, end, term: strings[3 * e + 2]!, exact, position: position++, stop: stops[e] === 1 });
    });
    return out;
  }

  const vocabulary = new Vocabulary(options.vocabularyLimit);
  const spans = new Spans();
  /** touch()'s result, kept so its reads are not dead code. */
  let touched = 0;

  /** Gives entry e its vocabulary ids (in its cache line at k = idsAt(e)); NO_TOKEN for ''. */
  function assignIds(e: number, k: number): void {
    const exact = strings[3 * e + 1]!;
    const term = strings[3 * e + 2]!;
    const exactId = exact === '' ? NO_TOKEN : vocabulary.intern(exact);
    lines[k] = exactId;
    lines[k + termOffset] = term === exact ? exactId : vocabulary.intern(term);
  }

  function analyzeIds(text: string, out: WordIds): void {
    // The whole text is scanned first, then its tokens' cache lines are read in a tight loop
    // (their misses overlap), then the tokens are looked up from lines already in cache.
    scanSpans(text, spans);
    const n = spans.length;
    const { start, end, hash, units } = spans;
    touched ^= cache.touch(hash, start, end, n);
    out.reserve(out.length + n);
    const exactIds = out.exact;
    const termIds = out.term;
    let m = out.length;
    for (let t = 0; t < n; t++) {
      const e = cache.lookupUnits(text, units, start[t]!, end[t]!, hash[t]!);
      const k = cache.idsAt(e);
      if (lines[k] === -1) assignIds(e, k);
      const exactId = lines[k]!;
      if (exactId === NO_TOKEN) continue;
      exactIds[m] = exactId;
      termIds[m++] = lines[k + termOffset]!;
    }
    out.length = m;
  }

  function beginIds(): number {
    if (vocabulary.full) {
      vocabulary.clear();
      cache.clearIds();
    }
    return vocabulary.epoch;
  }

  function releaseIds(): void {
    vocabulary.clear(true);
    cache.clearIds();
  }

  function normalizeTerm(surface: string): string {
    return numberExact(surface, normOpts) ?? normalize(surface, normOpts);
  }

  return { analyze, analyzeIds, beginIds, releaseIds, vocabulary, analyzeWord, normalizeTerm };
}

const DEFAULT = createAnalyzer();

/** Tokens of `text`, each with original offsets, exact (normalized) form and stemmed term. */
export function analyze(text: string): Token[] {
  return DEFAULT.analyze(text);
}

/** analyzeIds of the default pipeline (the index path); ids are DEFAULT_VOCABULARY's. */
export function analyzeIds(text: string, out: WordIds): void {
  DEFAULT.analyzeIds(text, out);
}

/** beginIds of the default pipeline: call before indexing an article; returns the id epoch. */
export function beginIds(): number {
  return DEFAULT.beginIds();
}

/** releaseIds of the default pipeline (SearchEngine.merge: a bulk build is over). */
export function releaseIds(): void {
  DEFAULT.releaseIds();
}

/** The vocabulary behind analyzeIds' ids. */
export const DEFAULT_VOCABULARY: Vocabulary = DEFAULT.vocabulary;

/** Analyzes one surface form (a single word as it appears in text). */
export function analyzeWord(surface: string): Analyzed {
  return DEFAULT.analyzeWord(surface);
}

/** Normalizes a query term that must not be stemmed (prefix `word*`, exact and phrase forms). */
export function normalizeTerm(surface: string): string {
  return DEFAULT.normalizeTerm(surface);
}
