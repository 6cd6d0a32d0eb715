/**
 * Term → id dictionary as an open-addressing hash table in one Int32Array (linear probing, load
 * ≤ ½). A JS Map costs ~100 bytes per entry; this costs ~8 plus the `terms` array, which the
 * index keeps anyway. Ids are dense and never reused.
 *
 * Each term's hash is kept by id (4 B a term), so a probe compares hashes before strings (a
 * string compare reads two heap objects: the terms array's slot and the string) and growing the
 * table hashes no string again. The index path passes the hash the vocabulary already computed
 * (internHashed: the same FNV-1a), so a new term's string is not read at all. The hashes are
 * dropped after a bulk build (releaseHashes) and recomputed by the next intern.
 */
export class TermDict {
  readonly terms: string[] = [];
  private table: Int32Array<ArrayBufferLike> = new Int32Array(1024).fill(-1);
  private mask = 1023;
  /** FNV-1a of each term by id; null after restore or releaseHashes until the next intern (filled then). */
  private hashes: Uint32Array | null = new Uint32Array(1024);

  get size(): number {
    return this.terms.length;
  }

  /** FNV-1a over UTF-16 code units (the vocabulary's hash: src/analysis/vocabulary.ts). */
  static hash(s: string): number {
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
    return this.internHashed(term, TermDict.hash(term));
  }

  /** intern(term) where `hash` is TermDict.hash(term) (known by the caller). */
  internHashed(term: string, hash: number): number {
    const hashes = this.hashes ?? this.hashAll();
    const t = this.table;
    let i = hash & this.mask;
    for (; ; i = (i + 1) & this.mask) {
      const id = t[i]!;
      if (id === -1) break;
      if (hashes[id] === hash && this.terms[id] === term) return id;
    }
    const id = this.terms.length;
    this.terms.push(term);
    if (id === hashes.length) {
      const next = new Uint32Array(id * 2);
      next.set(hashes);
      this.hashes = next;
    }
    this.hashes![id] = hash;
    t[i] = id;
    if (this.terms.length * 2 > this.table.length) this.grow();
    return id;
  }

  /** Drops the per-term hashes (memory, after a bulk build); the next intern recomputes them. Lookups do not need them. */
  releaseHashes(): void {
    this.hashes = null;
  }

  /** Fills `hashes` for every term (a restored or released dictionary, on its first intern). */
  private hashAll(): Uint32Array {
    const hashes = new Uint32Array(Math.max(1024, this.terms.length * 2));
    for (let id = 0; id < this.terms.length; id++) hashes[id] = TermDict.hash(this.terms[id]!);
    this.hashes = hashes;
    return hashes;
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
    d.hashes = null;
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
    const hashes = this.hashes;
    for (let id = 0; id < this.terms.length; id++) {
      let i = (hashes ? hashes[id]! : TermDict.hash(this.terms[id]!)) & this.mask;
      while (this.table[i] !== -1) i = (i + 1) & this.mask;
      this.table[i] = id;
    }
  }

  private grow(): void {
    this.table = new Int32Array(this.table.length * 2);
    this.rehash();
  }
}
