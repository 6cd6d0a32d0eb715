/**
 * A bounded cache from a surface form to its analysis, looked up by a region of a larger text, so
 * the hot path hashes code units in place instead of slicing a substring for a Map key (a plain
 * Map<string, entry> keyed by the slice measured ~20 % slower). Open addressing (linear probing)
 * with FNV-1a hashes, behind a direct-mapped first level that holds the frequent words with their
 * tag, vocabulary ids and code units inline, so an index-path hit touches one 32-byte line (the
 * query path's analyze reads a second, `hot`) and no heap object. Everything here
 * is bound by memory latency, not instructions. Two generations: a lookup tries `young`, then
 * `old` (and copies the entry into `young`); when `young` is half full it becomes `old` and a
 * fresh one starts, so frequent words survive and memory stays bounded.
 */
import { hashRegion } from './hash.ts';

export interface CacheEntry {
  /** The surface form itself (shared by every token with this spelling). */
  readonly surface: string;
  readonly exact: string;
  readonly term: string;
  readonly stop: boolean;
  /** Vocabulary ids (vocabulary.ts) of exact and term, −1 until the index path asks for them. */
  exactId: number;
  termId: number;
}

function sameRegion(s: string, text: string, start: number, end: number): boolean {
  const len = end - start;
  if (s.length !== len) return false;
  for (let i = 0; i < len; i++) if (s.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}

/** A hash as stored in a key array: never 0, which marks an empty slot. */
function keyOf(hash: number): number {
  return hash === 0 ? 1 : hash;
}

class Generation<E extends CacheEntry> {
  /** keyOf(hash) per slot, 0 when empty: a probe reads this array only until the key matches. */
  readonly keys: Int32Array;
  readonly entries: (E | undefined)[];
  readonly mask: number;
  size = 0;

  constructor(readonly capacity: number) {
    this.keys = new Int32Array(capacity);
    this.entries = new Array<E | undefined>(capacity).fill(undefined);
    this.mask = capacity - 1;
  }

  find(text: string, start: number, end: number, key: number): E | undefined {
    const keys = this.keys;
    for (let slot = key & this.mask; ; slot = (slot + 1) & this.mask) {
      const k = keys[slot]!;
      if (k === 0) return undefined;
      if (k !== key) continue;
      const e = this.entries[slot]!;
      if (sameRegion(e.surface, text, start, end)) return e;
    }
  }

  insert(e: E, key: number): void {
    let slot = key & this.mask;
    while (this.keys[slot] !== 0) slot = (slot + 1) & this.mask;
    this.entries[slot] = e;
    this.keys[slot] = key;
    this.size++;
  }
}

/**
 * Slots of the direct-mapped first level (top 8k words = 75 % of the 71k corpus's tokens, top
 * 100k = 96 %; 430k distinct). Same process, first 30k articles, warm: 128k slots ~15 % faster
 * than 64k and than 256k; 8k slots collide too often.
 */
const HOT_SLOTS = 1 << 17;
/**
 * Int32s per hot slot (32 bytes, half a cache line): the tag (tagOf), the entry's vocabulary
 * ids (exact, term), then up to HOT_INLINE code units packed two per int32. A hit on a word of
 * ≤ 10 units (almost every token) compares against this line and reads its ids from it: one
 * line per token on the index path, no surface string, no second array for the ids.
 */
const HOT_WIDTH = 8;
/** Offset of the exact id in a hot line (the term id follows). */
const HOT_IDS = 1;
const HOT_INLINE = (HOT_WIDTH - 3) * 2;
/** Length bits of a tag: the slot already fixes the hash's low log2(HOT_SLOTS) bits. */
const LEN_MASK = HOT_SLOTS - 1;

/**
 * The tag of a hot line: the hash bits above the slot's, and the length (capped at LEN_MASK:
 * longer words are compared in full anyway). Same tag and slot = same 32-bit hash and length.
 * An empty line's tag 0 matches no word: a length-0 region hashes to FNV_OFFSET.
 */
function tagOf(hash: number, len: number): number {
  return (hash & ~LEN_MASK) | (len < LEN_MASK ? len : LEN_MASK);
}

/** True when the code units packed at keys[j…] equal text[start, end) (end - start ≤ HOT_INLINE). */
function samePacked(keys: Int32Array, j: number, text: string, start: number, end: number): boolean {
  let i = start;
  for (; i + 1 < end; i += 2) if (keys[j++] !== (text.charCodeAt(i) | (text.charCodeAt(i + 1) << 16))) return false;
  return i === end || keys[j] === text.charCodeAt(i);
}

function pack(keys: Int32Array, j: number, text: string, start: number, end: number): void {
  let i = start;
  for (; i + 1 < end; i += 2) keys[j++] = text.charCodeAt(i) | (text.charCodeAt(i + 1) << 16);
  if (i < end) keys[j] = text.charCodeAt(i);
}

function clearEntryIds(entries: (CacheEntry | undefined)[]): void {
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    if (e !== undefined && e.exactId !== -1) e.exactId = e.termId = -1;
  }
}

export class SurfaceCache<E extends CacheEntry> {
  // First level: direct-mapped, one entry per slot, for the tens of thousands of frequent words.
  /** HOT_WIDTH int32s per slot: tag, exact id, term id, packed code units (see idsAt). */
  readonly hotKeys = new Int32Array(HOT_SLOTS * HOT_WIDTH);
  private readonly hotEntries: (E | undefined)[] = new Array<E | undefined>(HOT_SLOTS).fill(undefined);
  /**
   * The hot entries' fields copied side by side (surface, exact, term, stop per slot), so a hit
   * reads one line here instead of the entry object somewhere in the heap: see hotSlot().
   */
  readonly hot: (string | boolean)[] = new Array<string | boolean>(HOT_SLOTS * 4).fill('');
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

  /**
   * Index j into `hot` of the entry for text[start, end), computed on a miss: hot[j] surface,
   * hot[j + 1] exact, hot[j + 2] term, hot[j + 3] stop. Valid until the next lookup.
   * `hash` is hashRegion(text, start, end).
   */
  hotSlot(text: string, start: number, end: number, hash: number): number {
    const slot = hash & (HOT_SLOTS - 1);
    const b = slot * HOT_WIDTH;
    const keys = this.hotKeys;
    const len = end - start;
    const tag = tagOf(hash, len);
    if (keys[b] === tag) {
      if (len <= HOT_INLINE) {
        if (samePacked(keys, b + HOT_IDS + 2, text, start, end)) return slot * 4;
      } else if (sameRegion(this.hotEntries[slot]!.surface, text, start, end)) return slot * 4;
    }
    const e = this.secondLevel(text, start, end, keyOf(hash));
    this.hotEntries[slot] = e;
    keys[b] = tag;
    keys[b + HOT_IDS] = e.exactId;
    keys[b + HOT_IDS + 1] = e.termId;
    if (len <= HOT_INLINE) pack(keys, b + HOT_IDS + 2, text, start, end);
    const j = slot * 4;
    const hot = this.hot;
    hot[j] = e.surface;
    hot[j + 1] = e.exact;
    hot[j + 2] = e.term;
    hot[j + 3] = e.stop;
    return j;
  }

  /** Index into hotKeys of the exact id of the entry at hotSlot's `j` (the term id follows). */
  idsAt(j: number): number {
    return j * (HOT_WIDTH / 4) + HOT_IDS;
  }

  /** Records vocabulary ids on the entry at hotSlot's `j` (and in its hot line). */
  setIds(j: number, exactId: number, termId: number): void {
    const e = this.hotEntries[j >>> 2]!;
    e.exactId = exactId;
    e.termId = termId;
    const i = this.idsAt(j);
    this.hotKeys[i] = exactId;
    this.hotKeys[i + 1] = termId;
  }

  /** Forgets every entry's vocabulary ids (the vocabulary started a new epoch). */
  clearIds(): void {
    const keys = this.hotKeys;
    for (let i = HOT_IDS; i < keys.length; i += HOT_WIDTH) keys[i] = keys[i + 1] = -1;
    clearEntryIds(this.hotEntries);
    clearEntryIds(this.young.entries);
    if (this.old) clearEntryIds(this.old.entries);
  }

  /** The entry for text[start, end), computed on a miss. `hash` is hashRegion(text, start, end). */
  get(text: string, start: number, end: number, hash: number): E {
    return this.hotEntries[this.hotSlot(text, start, end, hash) >>> 2]!;
  }

  private secondLevel(text: string, start: number, end: number, key: number): E {
    let e = this.young.find(text, start, end, key);
    if (e !== undefined) return e;
    e = this.old?.find(text, start, end, key) ?? this.compute(text.slice(start, end));
    if (this.young.size >= this.maxSize) {
      this.old = this.young;
      this.young = new Generation<E>(this.capacity);
    }
    this.young.insert(e, key);
    return e;
  }

  /** The entry for a whole string. */
  getString(surface: string): E {
    return this.get(surface, 0, surface.length, hashRegion(surface, 0, surface.length));
  }
}
