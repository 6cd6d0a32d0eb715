/**
 * The one analysis pipeline used at index time AND query time:
 *   tokenize (offsets in the original) → normalize → stopword flag → light stem.
 * A bounded two-generation cache (surface-cache.ts) maps each surface form to its (exact, term,
 * stop) triple, looked up in place in the text: news vocabulary is Zipfian, so most tokens are
 * cache hits that cost a hash over their code units and no substring.
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
import { forEachSpan } from './tokenize.ts';
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
   * Entries per cache generation (default 300,000; up to twice that are held). The 71k corpus has
   * 430k distinct surfaces: at 100,000 the generations thrashed (second pass slower than the first).
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

interface Entry extends Analyzed {
  readonly surface: string;
  exactId: number;
  termId: number;
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

  function compute(surface: string): Entry {
    const exact = numberExact(surface, normOpts) ?? normalizeExact(surface);
    const stop = stopwords.has(exact);
    let term = exact;
    if (stemOpts !== false && exact.length > 2 && isArabicWord(exact)) {
      const input = unfoldTa ? normalizeUnfolded(surface) : exact;
      term = lightStem(input, stemOptsResolved);
      if (unfoldTa) term = normalizeExact(term);
    }
    return { surface, exact, term, stop, exactId: -1, termId: -1 };
  }

  const cache = new SurfaceCache<Entry>(options.cacheSize ?? 300_000, compute);

  function analyzeWord(surface: string): Analyzed {
    return cache.getString(surface);
  }

  function analyze(text: string): Token[] {
    const out: Token[] = [];
    let position = 0;
    const hot = cache.hot;
    forEachSpan(text, (start, end, hash) => {
      const j = cache.hotSlot(text, start, end, hash);
      const exact = hot[j + 1] as string;
      if (exact === '') return; // only invisible characters
      out.push({
        text: hot[j] as string, start, end, term: hot[j + 2] as string, exact, position: position++, stop: hot[j + 3] as boolean,
      });
    });
    return out;
  }

  const vocabulary = new Vocabulary(options.vocabularyLimit);
  const hot = cache.hot;
  const hotKeys = cache.hotKeys;

  /** Gives the entry at hot index j its vocabulary ids; returns the exact id (NO_TOKEN for ''). */
  function assignIds(j: number): number {
    const exact = hot[j + 1] as string;
    const exactId = exact === '' ? NO_TOKEN : vocabulary.intern(exact);
    const termId = exact === '' ? NO_TOKEN : vocabulary.intern(hot[j + 2] as string);
    cache.setIds(j, exactId, termId);
    return exactId;
  }

  function analyzeIds(text: string, out: WordIds): void {
    forEachSpan(text, (start, end, hash) => {
      const j = cache.hotSlot(text, start, end, hash);
      const k = cache.idsAt(j);
      let exactId = hotKeys[k]!;
      if (exactId === -1) exactId = assignIds(j);
      if (exactId === NO_TOKEN) return;
      out.push(exactId, hotKeys[k + 1]!);
    });
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
