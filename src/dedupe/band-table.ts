/**
 * LSH bucket table without per-entry objects: open addressing over (Uint32 key → Int32 head slot),
 * with a per-(slot, band) `next` link kept by the caller. Keys of emptied buckets stay with head −1
 * and are reused; `rebuild` drops them. Key 0 marks a free cell, so keys are forced non-zero.
 * A cell is two int32s side by side, [2i] its key (as int32) and [2i + 1] its head, so a probe and
 * the head it reads or writes share one cache line: with keys and heads in two arrays every
 * insertion was two cache misses (a 71k build inserts 1.5M bands into a 16 MB table).
 * Snapshots keep keys and heads as two arrays (`cells`, `restore`); the cells are the same.
 */
export class BandTable {
  /** Interleaved cells: key, head. */
  private cellData: Int32Array;
  /** Cell count (a power of two). */
  private cap: number;
  private used = 0;

  constructor(capacity = 1024) {
    let cap = 1024;
    while (cap * 3 < capacity * 4) cap *= 2;
    this.cap = cap;
    this.cellData = BandTable.emptyCells(cap);
  }

  private static emptyCells(cap: number): Int32Array {
    const t = new Int32Array(2 * cap);
    for (let i = 1; i < t.length; i += 2) t[i] = -1;
    return t;
  }

  /** Key as stored: non-zero, as int32. */
  private static nz(key: number): number {
    return key === 0 ? 1 : key | 0;
  }

  /** Cell of `k` (an nz key): the one holding it, or the free cell where it goes. */
  private find(k: number): number {
    const t = this.cellData;
    const mask = this.cap - 1;
    let i = (Math.imul(k, 0x9e3779b1) >>> 0) & mask;
    while (t[2 * i] !== 0 && t[2 * i] !== k) i = (i + 1) & mask;
    return i;
  }

  /**
   * Reads the first cell of each key's probe sequence and returns a value only so the reads are
   * not optimized away: a tight loop starts their cache misses together, where the probes' loops
   * wait on one at a time (NearDuplicateIndex.candidates, before its walk and the insertion).
   */
  touch(keys: Uint32Array, n: number): number {
    const t = this.cellData;
    const mask = this.cap - 1;
    let x = 0;
    for (let b = 0; b < n; b++) x ^= t[2 * ((Math.imul(BandTable.nz(keys[b]!), 0x9e3779b1) >>> 0) & mask)]!;
    return x;
  }

  head(key: number): number {
    const k = BandTable.nz(key);
    const i = this.find(k);
    return this.cellData[2 * i] === k ? this.cellData[2 * i + 1]! : -1;
  }

  setHead(key: number, slot: number): void {
    this.push(key, slot);
  }

  /** Makes `slot` the head of key's bucket and returns the previous head (−1: none): head + setHead in one probe. */
  push(key: number, slot: number): number {
    const k = BandTable.nz(key);
    let i = this.find(k);
    let prev = -1;
    if (this.cellData[2 * i] === 0) {
      if ((this.used + 1) * 4 > this.cap * 3) {
        this.grow();
        i = this.find(k);
      }
      this.cellData[2 * i] = k;
      this.used++;
    } else prev = this.cellData[2 * i + 1]!;
    this.cellData[2 * i + 1] = slot;
    return prev;
  }

  private grow(): void {
    const old = this.cellData;
    const oldCap = this.cap;
    this.cap = oldCap * 2;
    this.cellData = BandTable.emptyCells(this.cap);
    this.used = 0;
    const t = this.cellData;
    for (let i = 0; i < oldCap; i++) {
      const k = old[2 * i]!;
      const h = old[2 * i + 1]!;
      if (k === 0 || h === -1) continue; // drop emptied buckets
      const j = this.find(k);
      t[2 * j] = k;
      t[2 * j + 1] = h;
      this.used++;
    }
  }

  /** The cells as two arrays, for snapshots (restore takes them back instead of re-inserting every band). */
  cells(): { keys: Uint32Array; heads: Int32Array } {
    const cap = this.cap;
    const t = this.cellData;
    const keys = new Uint32Array(cap);
    const heads = new Int32Array(cap);
    for (let i = 0; i < cap; i++) {
      keys[i] = t[2 * i]!;
      heads[i] = t[2 * i + 1]!;
    }
    return { keys, heads };
  }

  /** A table from saved cells (copied into the table's own layout); throws when they cannot be a table. */
  static restore(keys: Uint32Array, heads: Int32Array, slots: number): BandTable {
    const cap = keys.length;
    if (cap < 1024 || (cap & (cap - 1)) !== 0 || heads.length !== cap) throw new Error('band table: bad capacity');
    const t = new BandTable();
    let used = 0;
    for (let i = 0; i < cap; i++) {
      if (keys[i] !== 0) used++;
      else if (heads[i] !== -1) throw new Error('band table: head without a key');
      if (heads[i]! < -1 || heads[i]! >= slots) throw new Error('band table: head out of range');
    }
    if (used * 4 > cap * 3) throw new Error('band table: too full');
    const cells = new Int32Array(2 * cap);
    for (let i = 0; i < cap; i++) {
      cells[2 * i] = keys[i]! | 0;
      cells[2 * i + 1] = heads[i]!;
    }
    t.cellData = cells;
    t.cap = cap;
    t.used = used;
    return t;
  }

  /** Bytes held (for the memory figure in the bench). */
  get bytes(): number {
    return this.cellData.byteLength;
  }
}
