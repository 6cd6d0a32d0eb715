/**
 * Term → id dictionary as an open-addressing hash table in one Int32Array (linear probing, load
 * ≤ ½). A JS Map costs ~100 bytes per entry; this costs ~8 plus the `terms` array, which the
 * index keeps anyway. Ids are dense and never reused.
 */
export class TermDict {
  readonly terms: string[] = [];
  private table: Int32Array<ArrayBufferLike> = new Int32Array(1024).fill(-1);
  private mask = 1023;

  get size(): number {
    return this.terms.length;
  }

  /** FNV-1a over UTF-16 code units. */
  private static hash(s: string): number {
    let h = 0x811c9dc5;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    return h >>> 0;
  }

  /** Id of `term`, or −1. */
  get(term: string): number {
    const t = this.table;
    for (let i = TermDict.hash(term) & this.mask; ; i = (i + 1) & this.mask) {
      const id = t[i]!;
      if (id === -1) return -1;
      if (this.terms[id] === term) return id;
    }
  }

  /** Id of `term`, adding it when new. */
  intern(term: string): number {
    const t = this.table;
    let i = TermDict.hash(term) & this.mask;
    for (; ; i = (i + 1) & this.mask) {
      const id = t[i]!;
      if (id === -1) break;
      if (this.terms[id] === term) return id;
    }
    const id = this.terms.length;
    this.terms.push(term);
    t[i] = id;
    if (this.terms.length * 2 > this.table.length) this.grow();
    return id;
  }

  /** The hash table, for snapshots (TermDict.restore takes it back instead of re-hashing every term). */
  get hashTable(): Int32Array<ArrayBufferLike> {
    return this.table;
  }

  /**
   * A dictionary of `terms` (ids = positions) with a saved hash table. The table is checked on a
   * sample of terms and rebuilt when it does not answer them (another build's hash function), so
   * a stale table can cost time but never wrong ids.
   */
  static restore(terms: readonly string[], table: Int32Array): TermDict {
    const d = new TermDict();
    for (const t of terms) d.terms.push(t);
    const size = table.length;
    if (size >= 1024 && (size & (size - 1)) === 0 && terms.length * 2 <= size && table.every((id) => id >= -1 && id < terms.length)) {
      d.table = table;
      d.mask = size - 1;
      const step = Math.max(1, Math.floor(terms.length / 512));
      let ok = true;
      for (let id = 0; id < terms.length && ok; id += step) ok = d.get(terms[id]!) === id;
      if (ok) return d;
    }
    d.table = new Int32Array(1024).fill(-1);
    d.mask = 1023;
    d.rehash();
    return d;
  }

  /** Sizes the table for the current terms and hashes them all into it. */
  private rehash(): void {
    let size = this.table.length;
    while (this.terms.length * 2 > size) size *= 2;
    this.table = new Int32Array(size).fill(-1);
    this.mask = size - 1;
    for (let id = 0; id < this.terms.length; id++) {
      let i = TermDict.hash(this.terms[id]!) & this.mask;
      while (this.table[i] !== -1) i = (i + 1) & this.mask;
      this.table[i] = id;
    }
  }

  private grow(): void {
    this.table = new Int32Array(this.table.length * 2);
    this.rehash();
  }
}
