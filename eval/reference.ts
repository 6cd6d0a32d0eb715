/**
 * The reference our search core is measured against: plain BM25 as Lucene computes it
 * (BM25Similarity, k1 = 0.9, b = 0.4, as Anserini's Arabic runs) over title+body as ONE field,
 * with the analysis chain of Lucene's ArabicAnalyzer (Elasticsearch's `arabic` analyzer):
 *   tokens: runs of \p{L}\p{M}\p{N}   (stand-in for StandardTokenizer; marks stay in the word)
 *   LowerCaseFilter, DecimalDigitFilter (any Unicode Nd digit → 0–9)
 *   ArabicNormalizationFilter  (only: آ أ إ → ا; ى → ي; ة → ه; delete tatweel U+0640 and U+064B–U+0652)
 *   ArabicStemFilter           (light10; rules below)
 * Lucene's default Arabic stopword list (Savoy, BSD) is not shipped in this repo, so the reference
 * keeps stopwords (pass `stopwords` to drop some before normalizing, as Lucene does).
 *
 * Lucene details reproduced on purpose (the point of a reference is to be faithful):
 *  - document length is stored lossily in one byte (SmallFloat.intToByte4) and decoded back;
 *    avgdl is the exact sumTotalTermFreq / docCount;
 *  - idf = ln(1 + (N − df + 0.5) / (df + 0.5)); score = idf · tf / (tf + k1·(1 − b + b·dl/avgdl));
 *  - the query is a BooleanQuery of SHOULD term clauses; a repeated term counts once per repeat;
 *  - ties are broken by index order (lower doc number first).
 * The analyzer is pluggable so the same BM25 can be run with OUR analysis (eval/stemmer-experiment.ts).
 */

// ---------------------------------------------------------------- Lucene's ArabicNormalizer
const LUCENE_NORMALIZE: ReadonlyMap<number, number> = new Map([
  [0x0622, 0x0627], // ALEF_MADDA → ALEF
  [0x0623, 0x0627], // ALEF_HAMZA_ABOVE → ALEF
  [0x0625, 0x0627], // ALEF_HAMZA_BELOW → ALEF
  [0x0649, 0x064a], // DOTLESS_YEH → YEH
  [0x0629, 0x0647], // TEH_MARBUTA → HEH
]);
/** TATWEEL U+0640 and FATHATAN..SUKUN U+064B–U+0652 are deleted. */
function luceneDeletes(c: number): boolean {
  return c === 0x0640 || (c >= 0x064b && c <= 0x0652);
}

export function luceneArabicNormalize(s: string): string {
  let first = 0;
  while (first < s.length && !luceneDeletes(s.charCodeAt(first)) && !LUCENE_NORMALIZE.has(s.charCodeAt(first))) first++;
  if (first === s.length) return s;
  let out = s.slice(0, first);
  for (let i = first; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (luceneDeletes(c)) continue;
    const r = LUCENE_NORMALIZE.get(c);
    out += r === undefined ? s[i] : String.fromCharCode(r);
  }
  return out;
}

// ---------------------------------------------------------------- Lucene's ArabicStemmer (light10)
/** Prefixes in Lucene's order; the first that matches is removed (one only). */
const LIGHT10_PREFIXES = ['ال', 'وال', 'بال', 'كال', 'فال', 'لل', 'و'];
/** Suffixes in Lucene's order; each is tried once and several may go. */
const LIGHT10_SUFFIXES = ['ها', 'ان', 'ات', 'ون', 'ين', 'يه', 'ية', 'ه', 'ة', 'ي'];

/** Lucene's startsWithCheckLength: و needs a word of ≥ 4 letters, others must leave ≥ 2. */
function prefixApplies(w: string, p: string): boolean {
  if (p.length === 1 && w.length < 4) return false;
  if (w.length < p.length + 2) return false;
  return w.startsWith(p);
}

/** Lucene's endsWithCheckLength: every suffix must leave ≥ 2 letters. */
function suffixApplies(w: string, s: string): boolean {
  return w.length >= s.length + 2 && w.endsWith(s);
}

export function light10Stem(word: string): string {
  let w = word;
  for (const p of LIGHT10_PREFIXES) {
    if (prefixApplies(w, p)) {
      w = w.slice(p.length);
      break;
    }
  }
  for (const s of LIGHT10_SUFFIXES) if (suffixApplies(w, s)) w = w.slice(0, -s.length);
  return w;
}

// ---------------------------------------------------------------- the whole chain
const TOKEN = /[\p{L}\p{M}\p{N}]+/gu;
const NON_ASCII_DIGIT = /[^\P{Nd}0-9]/gu;

/** Value (0–9) of a Unicode decimal digit: every Nd block is ten consecutive code points from its zero. */
const digitValue = new Map<number, string>();
function valueOfDigit(cp: number): string {
  let v = digitValue.get(cp);
  if (v === undefined) {
    let zero = cp;
    while (zero > cp - 9 && /\p{Nd}/u.test(String.fromCodePoint(zero - 1))) zero--;
    v = String((cp - zero) % 10);
    digitValue.set(cp, v);
  }
  return v;
}

/** DecimalDigitFilter: any Unicode decimal digit (Nd) → its ASCII value. */
function decimalDigits(s: string): string {
  NON_ASCII_DIGIT.lastIndex = 0;
  if (!NON_ASCII_DIGIT.test(s)) return s;
  return s.replace(NON_ASCII_DIGIT, (d) => valueOfDigit(d.codePointAt(0)!));
}

/** Terms of `text` through Lucene's Arabic chain (optionally dropping `stopwords` before normalizing). */
export function luceneArabicAnalyze(text: string, stopwords?: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const t = decimalDigits(m[0].toLowerCase());
    if (stopwords?.has(t)) continue;
    const n = luceneArabicNormalize(t);
    if (n) out.push(light10Stem(n));
  }
  return out;
}

// ---------------------------------------------------------------- Lucene's one-byte length norm
/** SmallFloat.longToInt4: keeps the 4 most significant bits and the shift. */
function longToInt4(i: number): number {
  const numBits = 32 - Math.clz32(i);
  if (numBits < 4) return i;
  const shift = numBits - 4;
  let encoded = (i >>> shift) & 0x07;
  encoded |= (shift + 1) << 3;
  return encoded;
}
function int4ToLong(i: number): number {
  const bits = i & 0x07;
  const shift = (i >>> 3) - 1;
  return shift === -1 ? bits : (bits | 0x08) * 2 ** shift;
}
const NUM_FREE_VALUES = 255 - longToInt4(0x7fffffff); // 24
/** SmallFloat.intToByte4 (unsigned). */
export function intToByte4(i: number): number {
  return i < NUM_FREE_VALUES ? i : NUM_FREE_VALUES + longToInt4(i - NUM_FREE_VALUES);
}
export function byte4ToInt(b: number): number {
  return b < NUM_FREE_VALUES ? b : NUM_FREE_VALUES + int4ToLong(b - NUM_FREE_VALUES);
}
const LENGTH_TABLE = Float64Array.from({ length: 256 }, (_, b) => byte4ToInt(b));

// ---------------------------------------------------------------- the index
export interface Bm25Options {
  k1?: number;
  b?: number;
}

export interface ScoredId {
  id: string;
  score: number;
}

/** Postings of one term: doc numbers and term frequencies, growing arrays. */
interface Postings {
  docs: number[];
  tfs: number[];
}

export class Bm25Reference {
  readonly k1: number;
  readonly b: number;
  private readonly ids: string[] = [];
  private readonly norms: number[] = [];
  private readonly postings = new Map<string, Postings>();
  private sumTotalTermFreq = 0;

  constructor(
    private readonly analyze: (text: string) => string[] = (t) => luceneArabicAnalyze(t),
    opts: Bm25Options = {},
  ) {
    this.k1 = opts.k1 ?? 0.9;
    this.b = opts.b ?? 0.4;
  }

  get size(): number {
    return this.ids.length;
  }

  /** Indexes one document (title and body joined into one text). Ids are not deduplicated. */
  add(id: string, text: string): void {
    const doc = this.ids.length;
    this.ids.push(id);
    const terms = this.analyze(text);
    this.norms.push(intToByte4(terms.length));
    this.sumTotalTermFreq += terms.length;
    const tf = new Map<string, number>();
    for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
    for (const [t, f] of tf) {
      let p = this.postings.get(t);
      if (!p) this.postings.set(t, (p = { docs: [], tfs: [] }));
      p.docs.push(doc);
      p.tfs.push(f);
    }
  }

  /** Top `k` documents for `query`, best first (ties: earlier added first). */
  search(query: string, k = 10): ScoredId[] {
    const n = this.ids.length;
    if (n === 0 || k <= 0) return [];
    const avgdl = this.sumTotalTermFreq / n;
    // BM25Similarity's per-norm cache: k1 · (1 − b + b · dl / avgdl).
    const normCache = LENGTH_TABLE.map((len) => this.k1 * (1 - this.b + (this.b * len) / avgdl));
    const scores = new Float64Array(n);
    const touched: number[] = [];
    for (const term of this.analyze(query)) {
      const p = this.postings.get(term);
      if (!p) continue;
      const df = p.docs.length;
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      for (let i = 0; i < df; i++) {
        const d = p.docs[i]!;
        const tf = p.tfs[i]!;
        if (scores[d] === 0) touched.push(d);
        scores[d] += (idf * tf) / (tf + normCache[this.norms[d]!]!);
      }
    }
    return topByScore(touched, scores, k).map((d) => ({ id: this.ids[d]!, score: scores[d]! }));
  }
}

/** The k best of `docs` by score (desc), ties by doc number (asc). */
function topByScore(docs: number[], scores: Float64Array, k: number): number[] {
  const cmp = (a: number, b: number) => scores[b]! - scores[a]! || a - b;
  if (docs.length <= k * 4) return docs.sort(cmp).slice(0, k);
  // Threshold pass: keep only candidates that can make the top k, then sort those.
  const sample = Float64Array.from(docs, (d) => scores[d]!).sort();
  const cut = sample[sample.length - k]!;
  return docs.filter((d) => scores[d]! >= cut).sort(cmp).slice(0, k);
}
