/**
 * A bounded cache from a surface form to a value, looked up by a region of a larger text, so the
 * hot path hashes code units in place instead of slicing a substring for a Map key. Open
 * addressing (linear probing) with FNV-1a hashes, behind a small direct-mapped first level that
 * holds the hot words (a big table is bound by memory latency: on the shared bench machine a
 * 262k-slot table alone ran at 17 MB/s, with the 8k-slot first level in front ~3× faster). Two generations: a lookup tries `young`, then
 * `old` (and copies the entry into `young`); when `young` is half full it becomes `old` and a
 * fresh one starts, so frequent words survive and memory stays bounded.
 */
import { hashRegion } from './hash.ts';

export interface CacheEntry {
  /** The surface form itself (shared by every token with this spelling). */
  readonly surface: string;
}

function sameRegion(s: string, text: string, start: number, end: number): boolean {
  const len = end - start;
  if (s.length !== len) return false;
  for (let i = 0; i < len; i++) if (s.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}

class Generation<E extends CacheEntry> {
  readonly hashes: Int32Array;
  readonly entries: (E | undefined)[];
  readonly mask: number;
  size = 0;

  constructor(readonly capacity: number) {
    this.hashes = new Int32Array(capacity);
    this.entries = new Array<E | undefined>(capacity).fill(undefined);
    this.mask = capacity - 1;
  }

  find(text: string, start: number, end: number, hash: number): E | undefined {
    const len = end - start;
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const e = this.entries[slot];
      if (e === undefined) return undefined;
      if (this.hashes[slot] !== hash) continue;
      const s = e.surface;
      if (s.length !== len) continue;
      let i = 0;
      while (i < len && s.charCodeAt(i) === text.charCodeAt(start + i)) i++;
      if (i === len) return e;
    }
  }

  insert(e: E, hash: number): void {
    let slot = hash & this.mask;
    while (this.entries[slot] !== undefined) slot = (slot + 1) & this.mask;
    this.entries[slot] = e;
    this.hashes[slot] = hash;
    this.size++;
  }
}


/**
 * Slots of the direct-mapped first level. 64k (768 KB of arrays) measured best on the 71k corpus
 * (430k distinct surfaces, top 8k = 75 % of tokens): 8k slots collide too often, 128k no better.
 */
const HOT_SLOTS = 1 << 16;

export class SurfaceCache<E extends CacheEntry> {
  // First level: direct-mapped, one entry per slot, for the few thousand most frequent words.
  private readonly hotHashes = new Int32Array(HOT_SLOTS);
  private readonly hotEntries: (E | undefined)[] = new Array<E | undefined>(HOT_SLOTS).fill(undefined);
  private young: Generation<E>;
  private old: Generation<E> | null = null;
  private readonly capacity: number;
  private readonly maxSize: number;

  /** `limit`: entries per generation (rounded up to a power of two ≥ 16; up to 2 × limit held). */
  constructor(
    limit: number,
    private readonly compute: (surface: string) => E,
  ) {
    let cap = 16;
    while (cap < limit * 2) cap *= 2;
    this.capacity = cap;
    this.maxSize = cap >>> 1; // load factor ≤ 0.5 keeps probes short
    this.young = new Generation<E>(cap);
  }

  /** The entry for text[start, end), computed on a miss. `hash` is hashRegion(text, start, end). */
  get(text: string, start: number, end: number, hash = hashRegion(text, start, end)): E {
    const hot = hash & (HOT_SLOTS - 1);
    let e = this.hotEntries[hot];
    if (e !== undefined && this.hotHashes[hot] === hash && sameRegion(e.surface, text, start, end)) return e;
    e = this.secondLevel(text, start, end, hash);
    this.hotEntries[hot] = e;
    this.hotHashes[hot] = hash;
    return e;
  }

  private secondLevel(text: string, start: number, end: number, hash: number): E {
    let e = this.young.find(text, start, end, hash);
    if (e !== undefined) return e;
    e = this.old?.find(text, start, end, hash) ?? this.compute(text.slice(start, end));
    if (this.young.size >= this.maxSize) {
      this.old = this.young;
      this.young = new Generation<E>(this.capacity);
    }
    this.young.insert(e, hash);
    return e;
  }

  /** The entry for a whole string. */
  getString(surface: string): E {
    return this.get(surface, 0, surface.length);
  }
}
