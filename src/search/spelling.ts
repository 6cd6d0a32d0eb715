/**
 * "Did you mean": for a query word that is rare or absent in the index, the most frequent
 * vocabulary form within Damerau–Levenshtein distance 1 (words of ≤ 4 letters) or 2 (longer),
 * preferring distance 1 (none when that word is a stopword). Candidates are the exact forms with
 * at least MIN_DF documents, kept as a list rebuilt lazily and ordered by length, each with a
 * 32-bit letter-set mask: a lookup visits only the lengths within its distance, most of those cost
 * a popcount, and the rest a DP that gives up as soon as a row exceeds the bound (71k archive,
 * 600 misspelt headline words: 5.2 → 0.84 ms per word, the same corrections). One bit per letter
 * and the length-aware bound (2d − k for k letters more or fewer) cut 1,500 one-edit typos of
 * frequent words from 0.63 to 0.16–0.20 ms per word, CPU, the same corrections (test/search/
 * spelling.test.ts checks the filters against a brute-force scan).
 */
import { isStopword } from '../analysis/stopwords.ts';
import type { PostingIndex } from './postings.ts';

export const MIN_DF = 3;
/** Longer query words are not corrected. */
const MAX_WORD = 40;

/**
 * The set of a word's letters as 32 bits: each of the 29 letters of normalized Arabic text (hamza
 * seats, ة and ى are folded away) has its own bit; anything else shares bits 29–31. One edit
 * changes the letter set by at most two letters (a substitution removes one and adds one; an
 * insertion or deletion one; a transposition none), and shared bits can only merge differences,
 * so popcount(mask(a) ^ mask(b)) ≤ 2 · distance(a, b): a cheap lower bound. (Bits by code point
 * & 31 put ا/ه, ب/و and ت/ي, the commonest letters, on one bit each: the bound passed ~2× more
 * words to the distance DP.)
 */
const NORMALIZED_LETTERS = 'ءابتثجحخدذرزسشصضطظعغفقكلمنهوي';
const LETTER_BIT = new Int8Array(0x700).fill(-1);
for (let i = 0; i < NORMALIZED_LETTERS.length; i++) LETTER_BIT[NORMALIZED_LETTERS.charCodeAt(i)] = i;
function letterMask(w: string): number {
  let m = 0;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    const b = c < 0x700 ? LETTER_BIT[c]! : -1;
    m |= 1 << (b >= 0 ? b : 29 + (c % 3));
  }
  return m;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
}

export class SpellingVocab {
  private ids: Int32Array = new Int32Array(0);
  /** Per candidate (same order as ids, which are sorted by length): its letterMask. */
  private masks: Int32Array = new Int32Array(0);
  /** Candidates of length L are ids[lengthStart[L] .. lengthStart[L + 1]). */
  private lengthStart: Int32Array = new Int32Array(MAX_WORD + 4);
  private builtAt = -1;
  private row0 = new Int32Array(64);
  private row1 = new Int32Array(64);
  private row2 = new Int32Array(64);

  /** Recent answers (a query's words are looked up by matching and again by "did you mean"). */
  private memo = new Map<string, string | undefined>();
  private memoAt = -1;

  constructor(private readonly ix: PostingIndex) {}

  private refresh(): void {
    const n = this.ix.size;
    if (this.builtAt >= 0 && n - this.builtAt < Math.max(2000, n * 0.05)) return;
    const df = this.ix.df.data;
    const out: number[] = [];
    // A small archive has few repeated words: every word is a candidate there.
    const minDf = n > 50_000 ? MIN_DF : 1;
    const terms = this.ix.terms;
    // Counting sort by length (ids ascending within a length), so a lookup visits only the
    // lengths within its distance.
    const start = new Int32Array(MAX_WORD + 4);
    for (let id = 0; id < n; id++) {
      const len = terms[id]!.length;
      if (df[id]! >= minDf && len <= MAX_WORD + 2) {
        out.push(id);
        start[len + 1]!++;
      }
    }
    for (let L = 1; L < start.length; L++) start[L]! += start[L - 1]!;
    const ids = new Int32Array(out.length);
    const masks = new Int32Array(out.length);
    const next = start.slice();
    for (const id of out) {
      const t = terms[id]!;
      const i = next[t.length]!++;
      ids[i] = id;
      masks[i] = letterMask(t);
    }
    this.ids = ids;
    this.masks = masks;
    this.lengthStart = start;
    this.builtAt = n;
  }

  /** The best correction of `word` (an exact normalized form), or undefined. */
  correct(word: string): string | undefined {
    if (word.length < 3 || word.length > MAX_WORD || /\d/.test(word)) return undefined;
    this.refresh();
    // Answers hold while the vocabulary has not grown (new words can be better corrections).
    if (this.memoAt !== this.ix.size || this.memo.size > 1000) {
      this.memo.clear();
      this.memoAt = this.ix.size;
    }
    if (this.memo.has(word)) return this.memo.get(word);
    let fix = this.compute(word);
    // The closest word is a stopword: no reading. An unknown short word (واس, an agency's name)
    // one letter from إن or كان would otherwise match much of the archive at stopword weight, and
    // a misspelt stopword is better dropped than read as some other content word.
    if (fix !== undefined && isStopword(fix)) fix = undefined;
    this.memo.set(word, fix);
    return fix;
  }

  private compute(word: string): string | undefined {
    const maxD = word.length <= 4 ? 1 : 2;
    const own = this.ix.idOf(word);
    const ownDf = own >= 0 ? this.ix.df.data[own]! : 0;
    // A word found in several articles is a word, not a typo: nothing to scan for.
    if (ownDf >= MIN_DF) return undefined;
    const terms = this.ix.terms;
    const df = this.ix.df.data;
    // A correction must be clearly more common than what was typed.
    const minDf = Math.max(this.builtAt > 50_000 ? 2 : 0, ownDf * 10);
    let best = -1;
    let bestD = maxD + 1;
    let bestDf = 0;
    const ids = this.ids;
    const masks = this.masks;
    const mask = letterMask(word);
    const len = word.length;
    for (let L = Math.max(0, len - maxD); L <= len + maxD; L++) {
      // k letters more or fewer take k insertions or deletions (one mask bit each); the other
      // d − k edits change at most two bits each: popcount ≤ 2d − k.
      const k = L > len ? L - len : len - L;
      const to = this.lengthStart[L + 1]!;
      for (let i = this.lengthStart[L]!; i < to; i++) {
        const pc = popcount(masks[i]! ^ mask);
        if (pc > 2 * maxD - k) continue;
        const id = ids[i]!;
        const f = df[id]!;
        if (f <= minDf || id === own) continue;
        // Only a closer word, or an equally close and more frequent one (on a tie, the lower id:
        // candidates are visited by length, not by id), can win.
        const canTie = f > bestDf || (f === bestDf && id < best);
        const bound = canTie ? Math.min(maxD, bestD) : bestD - 1;
        if (bound < 1 || k > bound || pc > 2 * bound - k) continue;
        const t = terms[id]!;
        const d = this.distance(word, t, bound);
        if (d < 1) continue;
        if (d < bestD || canTie) {
          best = id;
          bestD = d;
          bestDf = f;
        }
      }
    }
    return best >= 0 ? terms[best] : undefined;
  }

  /** Optimal-string-alignment distance if ≤ max, else −1. */
  private distance(a: string, b: string, max: number): number {
    const n = a.length;
    const m = b.length;
    if (m + 1 > this.row0.length) {
      this.row0 = new Int32Array(m + 1);
      this.row1 = new Int32Array(m + 1);
      this.row2 = new Int32Array(m + 1);
    }
    let prev2 = this.row2;
    let prev = this.row0;
    let cur = this.row1;
    for (let j = 0; j <= m; j++) prev[j] = j;
    for (let i = 1; i <= n; i++) {
      cur[0] = i;
      let rowMin = i;
      const ca = a.charCodeAt(i - 1);
      for (let j = 1; j <= m; j++) {
        const cb = b.charCodeAt(j - 1);
        let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (ca === cb ? 0 : 1));
        if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) v = Math.min(v, prev2[j - 2]! + 1);
        cur[j] = v;
        if (v < rowMin) rowMin = v;
      }
      if (rowMin > max) return -1;
      const t = prev2;
      prev2 = prev;
      prev = cur;
      cur = t;
    }
    return prev[m]! <= max ? prev[m]! : -1;
  }
}
