/**
 * Dense ids for the normalized words (exact forms and stems) that the index path has seen, so the
 * indexer does one array lookup per token instead of hashing and comparing the word's string
 * (analyzeIds in analyzer.ts). Open addressing in one Int32Array, as src/search/term-dict.ts.
 * Only words passed to analyzeIds get ids (never query words). The vocabulary is bounded: once it
 * holds `limit` words, the next article starts a new epoch (clear()): every id is forgotten and
 * words are numbered again as they come. Whoever keeps ids across articles (a PostingIndex's
 * word → term table) keeps the epoch they belong to and drops them when it changes.
 * Within an epoch ids are stable and never reused.
 */
import { FNV_OFFSET, FNV_PRIME } from './hash.ts';

/**
 * Words per epoch. A full 71k build meets 394k distinct words (exact forms and stems); holding
 * them all costs ~30 MB (~75 B a word here and in the two indexes' word tables) while indexing.
 * Each new epoch re-interns every word it meets (vocabulary, both indexes' dictionaries, the
 * cache's ids): 9 epochs at 2^17 cost ~2–3 s CPU of a 71k build, 2 at 2^18 ~0.5–1 s; 2^19 is one
 * epoch for the whole corpus (docs/design/search.md, "Build rate, 30 Nov" and the sixth pass).
 * SearchEngine.merge() frees it, so the heap after a bulk build is the same.
 */
export const VOCABULARY_LIMIT = 1 << 19;

/** Int32s per slot of the vocabulary's probe table (see Vocabulary.table). */
const SLOT = 4;
/** Words of up to this many code units are compared in the probe table. */
const SHORT = 4;

export class Vocabulary {
  readonly words: string[] = [];
  /** Incremented by clear(): ids handed out before belong to an older epoch. */
  epoch = 0;
  /** FNV-1a (hashString in src/dedupe/minhash.ts) of each word, by id. */
  hashes = new Uint32Array(1024);
  /**
   * Every word's code units back to back (word id i at charStart[i] … charStart[i + 1]), so a
   * pass over a document's words reads one dense array instead of scattered string objects.
   */
  chars = new Uint16Array(8192);
  charStart = new Int32Array(1025);
  /**
   * Open addressing, SLOT int32s a slot: [0] the id (−1: empty), [1] its hash, [2, 3] a word of
   * ≤ SHORT code units packed two a int32 (zero-padded; −1 for a longer word), so a probe reads
   * one place and a short word (most stems) is compared there: an id, then its hash by id, then
   * the word's string were up to three cache misses one after the other.
   */
  private table = new Int32Array(1024 * SLOT).fill(-1);
  private mask = 1023;

  constructor(readonly limit = VOCABULARY_LIMIT) {}

  get size(): number {
    return this.words.length;
  }

  get full(): boolean {
    return this.words.length >= this.limit;
  }

  /**
   * Forgets every word (their ids become invalid) and starts the next epoch. Capacity is kept,
   * unless `release` (after a bulk build: give the memory back).
   */
  clear(release = false): void {
    this.words.length = 0;
    if (release) {
      this.hashes = new Uint32Array(1024);
      this.chars = new Uint16Array(8192);
      this.charStart = new Int32Array(1025);
      this.table = new Int32Array(1024 * SLOT).fill(-1);
      this.mask = 1023;
    } else this.table.fill(-1);
    this.charStart[0] = 0;
    this.epoch++;
  }

  /** Id of `word`, adding it when new. */
  intern(word: string): number {
    const len = word.length;
    let h = FNV_OFFSET;
    for (let i = 0; i < len; i++) h = Math.imul(h ^ word.charCodeAt(i), FNV_PRIME);
    // Code unit 0 never occurs in a word (the tokenizer separates on it), so zero padding tells lengths apart.
    const short = len <= SHORT;
    const p01 = short ? word.charCodeAt(0) | (len > 1 ? word.charCodeAt(1) << 16 : 0) : -1;
    const p23 = short ? (len > 2 ? word.charCodeAt(2) : 0) | (len > 3 ? word.charCodeAt(3) << 16 : 0) : -1;
    const t = this.table;
    let i = h & this.mask;
    for (; ; i = (i + 1) & this.mask) {
      const o = i * SLOT;
      const id = t[o]!;
      if (id === -1) break;
      if (t[o + 1] === h && t[o + 2] === p01 && t[o + 3] === p23 && (short || this.words[id] === word)) return id;
    }
    const o = i * SLOT;
    t[o + 1] = h;
    t[o + 2] = p01;
    t[o + 3] = p23;
    h >>>= 0;
    const id = this.words.length;
    this.words.push(word);
    if (id >= this.hashes.length) {
      const next = new Uint32Array(this.hashes.length * 2);
      next.set(this.hashes);
      this.hashes = next;
    }
    this.hashes[id] = h;
    this.addChars(id, word);
    t[o] = id;
    if (this.words.length * 2 > this.mask + 1) this.grow();
    return id;
  }

  private addChars(id: number, word: string): void {
    if (id + 2 > this.charStart.length) {
      const next = new Int32Array(this.charStart.length * 2);
      next.set(this.charStart);
      this.charStart = next;
    }
    const from = this.charStart[id]!;
    if (from + word.length > this.chars.length) {
      const next = new Uint16Array(Math.max(from + word.length, this.chars.length * 2));
      next.set(this.chars);
      this.chars = next;
    }
    for (let i = 0; i < word.length; i++) this.chars[from + i] = word.charCodeAt(i);
    this.charStart[id + 1] = from + word.length;
  }

  private grow(): void {
    const old = this.table;
    const slots = (this.mask + 1) * 2;
    const t = (this.table = new Int32Array(slots * SLOT).fill(-1));
    this.mask = slots - 1;
    for (let o = 0; o < old.length; o += SLOT) {
      if (old[o] === -1) continue;
      let i = old[o + 1]! & this.mask;
      while (t[i * SLOT] !== -1) i = (i + 1) & this.mask;
      // Four stores, not set(subarray): a view object per word was ~20 % of a build's young allocation.
      const n = i * SLOT;
      t[n] = old[o]!;
      t[n + 1] = old[o + 1]!;
      t[n + 2] = old[o + 2]!;
      t[n + 3] = old[o + 3]!;
    }
  }
}

/** Word ids of a text's tokens, in token order (token i has position i); buffers are reused. */
export class WordIds {
  /** Vocabulary id of each token's exact (normalized, unstemmed) form. */
  exact = new Int32Array(1024);
  /** Vocabulary id of each token's term (stem). */
  term = new Int32Array(1024);
  length = 0;

  push(exact: number, term: number): void {
    if (this.length === this.exact.length) this.reserve(this.length + 1);
    this.exact[this.length] = exact;
    this.term[this.length++] = term;
  }

  /** Makes room for `n` tokens in all (the arrays may be replaced; the first `length` are kept). */
  reserve(n: number): void {
    if (n <= this.exact.length) return;
    let size = this.exact.length * 2;
    while (size < n) size *= 2;
    const e = new Int32Array(size);
    e.set(this.exact.subarray(0, this.length));
    this.exact = e;
    const t = new Int32Array(size);
    t.set(this.term.subarray(0, this.length));
    this.term = t;
  }
}
