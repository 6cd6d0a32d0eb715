/**
 * A bounded cache from a surface form to its analysis (exact form, term, stopword flag) and the
 * index path's vocabulary ids, looked up by a region of a larger text: the hot path hashes code
 * units in place instead of slicing a substring for a Map key (a Map<string, entry> keyed by the
 * slice measured ~20 % slower).
 *
 * One level, set-associative: WAYS entries per set, one Int32Array line of SET_WIDTH int32s per
 * set holding the ways' tags, vocabulary ids and first code units, so a hit on a word of
 * ≤ INLINE units (96 % of the corpus's tokens) reads one 128-byte line and no heap object. An
 * entry is numbered set × WAYS + way; its strings live in parallel arrays (no object per entry).
 * Replacement within a set is CLOCK: a hit sets the way's reference bit; a miss takes the first
 * way from the set's hand whose bit is clear (clearing the bits it passes), so a word met once
 * leaves before the frequent words of its set. Everything here is bound by memory latency, not
 * instructions (docs/design/analysis.md, "Cache").
 */
import { hashRegion } from './hash.ts';

/** What the cache keeps per surface form (the analyzer's compute() result). */
export interface CacheValue {
  readonly exact: string;
  readonly term: string;
  readonly stop: boolean;
}

/** Entries per set: the 71k corpus's 430k surfaces in 2^19 entries miss 458k times (4-way), 1.64M direct-mapped at 2^17. */
const WAYS = 4;
/** Int32s per set (128 bytes): META, WAYS tags, WAYS exact ids, WAYS term ids, WAYS × UNIT_INTS packed code units. */
const SET_WIDTH = 32;
/** Reference bits (bit w: way w was hit since the hand last passed it) and the hand (bits 4–5). */
const META = 0;
const TAGS = 1;
/** Offset of way 0's exact id; way w's is EXACT_IDS + w and its term id is WAYS further. */
const EXACT_IDS = TAGS + WAYS;
const TERM_IDS = EXACT_IDS + WAYS;
const UNITS = TERM_IDS + WAYS;
/** Int32s of packed code units per way (two units each). */
const UNIT_INTS = 4;
/** Words up to this many code units are compared against the line alone. */
const INLINE = UNIT_INTS * 2;
/**
 * Int32s per entry in `longUnits`: code units INLINE + 1 … LONG of a longer word (its first
 * INLINE are in the line), so a word of up to LONG units (99.8 % of tokens) is compared without
 * reading its string: for the 4 % of tokens over INLINE units, the surface string was two
 * dependent cache misses (strings[3e], then the string), ~0.3 s of a 71k build.
 */
const LONG_INTS = 2;
const LONG = INLINE + 2 * LONG_INTS;

function sameRegion(s: string, text: string, start: number, end: number): boolean {
  const len = end - start;
  if (s.length !== len) return false;
  for (let i = 0; i < len; i++) if (s.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}

/** True when the code units packed at line[j…] equal text[start, end) (end - start ≤ INLINE). */
function samePacked(line: Int32Array, j: number, text: string, start: number, end: number): boolean {
  let i = start;
  for (; i + 1 < end; i += 2) if (line[j++] !== (text.charCodeAt(i) | (text.charCodeAt(i + 1) << 16))) return false;
  return i === end || line[j] === text.charCodeAt(i);
}

/** samePacked over code units in a Uint16Array (a scanned text's Spans.units). */
function samePackedUnits(line: Int32Array, j: number, u: Uint16Array, start: number, end: number): boolean {
  let i = start;
  for (; i + 1 < end; i += 2) if (line[j++] !== (u[i]! | (u[i + 1]! << 16))) return false;
  return i === end || line[j] === u[i];
}

function sameRegionUnits(s: string, u: Uint16Array, start: number, end: number): boolean {
  const len = end - start;
  if (s.length !== len) return false;
  for (let i = 0; i < len; i++) if (s.charCodeAt(i) !== u[start + i]) return false;
  return true;
}

function pack(line: Int32Array, j: number, text: string, start: number, end: number): void {
  let i = start;
  for (; i + 1 < end; i += 2) line[j++] = text.charCodeAt(i) | (text.charCodeAt(i + 1) << 16);
  if (i < end) line[j] = text.charCodeAt(i);
}

export class SurfaceCache {
  /** SET_WIDTH int32s per set (see the constants above); `idsAt` indexes the ids in it. */
  readonly lines: Int32Array;
  /**
   * Per entry e, side by side (one cache line for the three, written together on a miss):
   * [3e] the surface form itself (shared by every token with this spelling), [3e + 1] the
   * normalized, unstemmed form ('' when the surface had only invisible characters), [3e + 2] the
   * indexed term.
   */
  readonly strings: string[];
  /** Per entry, LONG_INTS int32s: code units INLINE + 1 … LONG of a word longer than INLINE, packed as in the line. */
  private readonly longUnits: Int32Array;
  /** Per entry: 1 for a stopword. */
  readonly stops: Uint8Array;
  private readonly setMask: number;
  /**
   * Length bits of a tag (≥ the set bits and ≥ 15): the set already fixes the hash's low bits,
   * and the tag's length keeps a packed compare from matching a prefix of a longer word.
   */
  private readonly lenMask: number;

  /** `limit`: entries held (rounded up to a power of two ≥ WAYS). */
  constructor(
    limit: number,
    private readonly compute: (surface: string) => CacheValue,
  ) {
    let sets = 1;
    while (sets * WAYS < limit) sets *= 2;
    this.setMask = sets - 1;
    this.lenMask = Math.max(sets - 1, 15);
    this.lines = new Int32Array(sets * SET_WIDTH);
    this.strings = new Array<string>(sets * WAYS * 3).fill('');
    this.longUnits = new Int32Array(sets * WAYS * LONG_INTS);
    this.stops = new Uint8Array(sets * WAYS);
    this.clearIds();
  }

  /**
   * The tag of a way: the hash bits above lenMask and the length (capped: longer words are
   * compared in full anyway). Never 0 (an empty way) for a non-empty word; a length-0 region
   * hashes to FNV_OFFSET, whose high bits are set.
   */
  private tagOf(hash: number, len: number): number {
    const m = this.lenMask;
    return (hash & ~m) | (len < m ? len : m);
  }

  /**
   * The ways of line `b` whose tag is `tag`, as bits, computed without branches: which way holds
   * a word is unpredictable, and a branch on it would wait for this line before the next token's
   * probe could start. (d | −d) >>> 31 is 1 when d ≠ 0.
   */
  private waysTagged(b: number, tag: number): number {
    const lines = this.lines;
    let d = lines[b + TAGS]! ^ tag;
    let miss = (d | -d) >>> 31;
    d = lines[b + TAGS + 1]! ^ tag;
    miss |= ((d | -d) >>> 31) << 1;
    d = lines[b + TAGS + 2]! ^ tag;
    miss |= ((d | -d) >>> 31) << 2;
    d = lines[b + TAGS + 3]! ^ tag;
    miss |= ((d | -d) >>> 31) << 3;
    return ~miss & 0xf;
  }

  /** Sets way w's CLOCK reference bit in line b's META word (stored only when it changes). */
  private markUsed(b: number, w: number): void {
    const meta = this.lines[b + META]!;
    if ((meta & (1 << w)) === 0) this.lines[b + META] = meta | (1 << w);
  }

  /**
   * Entry number of text[start, end) when the cache holds it, else −1 (nothing is computed).
   * `hash` is hashRegion(text, start, end).
   */
  find(text: string, start: number, end: number, hash: number): number {
    const set = hash & this.setMask;
    const b = set * SET_WIDTH;
    const lines = this.lines;
    const len = end - start;
    for (let m = this.waysTagged(b, this.tagOf(hash, len)); m !== 0; m &= m - 1) {
      const w = 31 - Math.clz32(m & -m);
      const e = set * WAYS + w;
      const j = b + UNITS + w * UNIT_INTS;
      if (
        len <= INLINE
          ? samePacked(lines, j, text, start, end)
          : len <= LONG
            ? samePacked(lines, j, text, start, start + INLINE) && samePacked(this.longUnits, e * LONG_INTS, text, start + INLINE, end)
            : sameRegion(this.strings[3 * e]!, text, start, end)
      ) {
        this.markUsed(b, w);
        return e;
      }
    }
    return -1;
  }

  /** find for a token of a scanned text, compared against its code units `u` (Spans.units). */
  findUnits(u: Uint16Array, start: number, end: number, hash: number): number {
    const set = hash & this.setMask;
    const b = set * SET_WIDTH;
    const lines = this.lines;
    const len = end - start;
    for (let m = this.waysTagged(b, this.tagOf(hash, len)); m !== 0; m &= m - 1) {
      const w = 31 - Math.clz32(m & -m);
      const e = set * WAYS + w;
      const j = b + UNITS + w * UNIT_INTS;
      if (
        len <= INLINE
          ? samePackedUnits(lines, j, u, start, end)
          : len <= LONG
            ? samePackedUnits(lines, j, u, start, start + INLINE) && samePackedUnits(this.longUnits, e * LONG_INTS, u, start + INLINE, end)
            : sameRegionUnits(this.strings[3 * e]!, u, start, end)
      ) {
        this.markUsed(b, w);
        return e;
      }
    }
    return -1;
  }

  /**
   * Reads the line of each hash's set (returns a value only so the reads are not optimized
   * away): a tight loop over a text's tokens before looking them up starts many of their cache
   * misses at once, where find's longer dependent work per token would wait on one at a time.
   */
  touch(hashes: Int32Array, starts: Int32Array, ends: Int32Array, n: number): number {
    const lines = this.lines;
    const longUnits = this.longUnits;
    const mask = this.setMask;
    let x = 0;
    for (let t = 0; t < n; t++) {
      const set = hashes[t]! & mask;
      const b = set * SET_WIDTH;
      x ^= lines[b + TAGS]! ^ lines[b + 16]! ^ lines[b + SET_WIDTH - 1]!;
      // A longer word's units are in longUnits (its set's ways side by side: one 32-byte run).
      if (ends[t]! - starts[t]! > INLINE) x ^= longUnits[set * WAYS * LONG_INTS]!;
    }
    return x;
  }

  /** Entry number of text[start, end), computed on a miss. Valid until the next lookup. */
  lookup(text: string, start: number, end: number, hash: number): number {
    const e = this.find(text, start, end, hash);
    return e >= 0 ? e : this.insert(text, start, end, hash);
  }

  /** lookup for a token of a scanned text whose code units are `u` (Spans.units of `text`). */
  lookupUnits(text: string, u: Uint16Array, start: number, end: number, hash: number): number {
    const e = this.findUnits(u, start, end, hash);
    return e >= 0 ? e : this.insert(text, start, end, hash);
  }

  /** Computes text[start, end) into the set's CLOCK victim; returns its entry number. */
  private insert(text: string, start: number, end: number, hash: number): number {
    const surface = text.slice(start, end);
    const value = this.compute(surface);
    const set = hash & this.setMask;
    const b = set * SET_WIDTH;
    const lines = this.lines;
    let meta = lines[b + META]!;
    let w = (meta >>> 4) & (WAYS - 1);
    while ((meta & (1 << w)) !== 0) {
      meta &= ~(1 << w);
      w = (w + 1) & (WAYS - 1);
    }
    lines[b + META] = (meta & 0xf) | (((w + 1) & (WAYS - 1)) << 4);
    lines[b + TAGS + w] = this.tagOf(hash, end - start);
    lines[b + EXACT_IDS + w] = -1;
    lines[b + TERM_IDS + w] = -1;
    const e = set * WAYS + w;
    if (end - start <= INLINE) pack(lines, b + UNITS + w * UNIT_INTS, text, start, end);
    else if (end - start <= LONG) {
      pack(lines, b + UNITS + w * UNIT_INTS, text, start, start + INLINE);
      pack(this.longUnits, e * LONG_INTS, text, start + INLINE, end);
    }
    const strings = this.strings;
    strings[3 * e] = surface;
    strings[3 * e + 1] = value.exact;
    strings[3 * e + 2] = value.term;
    this.stops[e] = value.stop ? 1 : 0;
    return e;
  }

  /** Index into `lines` of entry e's exact id (−1 until the index path asks for it); its term id is idsAt(e) + termOffset. */
  idsAt(e: number): number {
    return (e >>> 2) * SET_WIDTH + EXACT_IDS + (e & (WAYS - 1));
  }

  /** Distance in `lines` from an entry's exact id to its term id. */
  readonly termOffset = TERM_IDS - EXACT_IDS;

  /** Forgets every entry's vocabulary ids (the vocabulary started a new epoch). */
  clearIds(): void {
    const lines = this.lines;
    for (let b = 0; b < lines.length; b += SET_WIDTH) lines.fill(-1, b + EXACT_IDS, b + UNITS);
  }

  /** Entry number for a whole string. */
  lookupString(surface: string): number {
    return this.lookup(surface, 0, surface.length, hashRegion(surface, 0, surface.length));
  }
}
