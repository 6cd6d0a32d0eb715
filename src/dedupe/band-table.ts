/**
 * LSH bucket table without per-entry objects: open addressing over (Uint32 key → Int32 head slot),
 * with a per-(slot, band) `next` link kept by the caller. Keys of emptied buckets stay with head −1
 * and are reused; `rebuild` drops them. Key 0 marks a free cell, so keys are forced non-zero.
 */
export class BandTable {
  private keys: Uint32Array;
  private heads: Int32Array;
  private used = 0;

  constructor(capacity = 1024) {
    let cap = 1024;
    while (cap * 3 < capacity * 4) cap *= 2;
    this.keys = new Uint32Array(cap);
    this.heads = new Int32Array(cap).fill(-1);
  }

  private static nz(key: number): number {
    return key === 0 ? 1 : key >>> 0;
  }

  private find(key: number): number {
    const mask = this.keys.length - 1;
    let i = Math.imul(key, 0x9e3779b1) >>> 0 & mask;
    while (this.keys[i] !== 0 && this.keys[i] !== key) i = (i + 1) & mask;
    return i;
  }

  head(key: number): number {
    const k = BandTable.nz(key);
    const i = this.find(k);
    return this.keys[i] === k ? this.heads[i]! : -1;
  }

  setHead(key: number, slot: number): void {
    this.push(key, slot);
  }

  /** Makes `slot` the head of key's bucket and returns the previous head (−1: none): head + setHead in one probe. */
  push(key: number, slot: number): number {
    const k = BandTable.nz(key);
    let i = this.find(k);
    let prev = -1;
    if (this.keys[i] === 0) {
      if ((this.used + 1) * 4 > this.keys.length * 3) {
        this.grow();
        i = this.find(k);
      }
      this.keys[i] = k;
      this.used++;
    } else prev = this.heads[i]!;
    this.heads[i] = slot;
    return prev;
  }

  private grow(): void {
    const oldK = this.keys;
    const oldH = this.heads;
    this.keys = new Uint32Array(oldK.length * 2);
    this.heads = new Int32Array(oldK.length * 2).fill(-1);
    this.used = 0;
    for (let i = 0; i < oldK.length; i++) {
      if (oldK[i] === 0 || oldH[i] === -1) continue; // drop emptied buckets
      const j = this.find(oldK[i]!);
      this.keys[j] = oldK[i]!;
      this.heads[j] = oldH[i]!;
      this.used++;
    }
  }

  /** The cells, for snapshots (restore takes them back instead of re-inserting every band). */
  cells(): { keys: Uint32Array; heads: Int32Array } {
    return { keys: this.keys, heads: this.heads };
  }

  /** A table from saved cells (they become its own); throws when they cannot be a table. */
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
    t.keys = keys;
    t.heads = heads;
    t.used = used;
    return t;
  }

  /** Bytes held (for the memory figure in the bench). */
  get bytes(): number {
    return this.keys.byteLength + this.heads.byteLength;
  }
}
