/**
 * Skip data for long main posting lists, built lazily on the read path (postings.ts's layout is
 * not changed): every SKIP_BLOCK postings of a term, the doc number the block's first gap counts
 * from, the block's first doc, and where the block's bytes and positions start. A reader that
 * wants a few docs of a long list (proximity's top 100, a rare pivot's docs) jumps to the block
 * that can hold each doc instead of decoding the list from its start.
 *
 * Built once per term on first use (one decode of the list) and cached per index; a merge
 * replaces the index's main arrays, which drops the whole cache (main bytes never change in
 * between: new postings go to the tail, removals are tombstones).
 */
import type { PostingIndex } from './postings.ts';

/** Postings per block. */
export const SKIP_BLOCK = 16;
/** Lists shorter than this many bytes (≈ 2–3 per posting) are decoded whole: a few µs. */
export const SKIP_MIN_BYTES = 1024;
/**
 * Bound on one index's cached skip data (16 bytes per block, ≈ 0.4 B per posting): past it the
 * cache starts over, so a long-running process that meets every long term stays bounded. The
 * server's warm-up builds it for every long list (71k index: 9.0 MB stems, 8.2 MB exact forms).
 */
export const SKIP_CACHE_BYTES = 16 << 20;

export interface Skips {
  blocks: number;
  /** First doc of each block (ascending). */
  first: Int32Array;
  /** Doc the block's first gap is counted from (the previous block's last doc; −1 for block 0). */
  base: Int32Array;
  /** Byte offset of the block in mainData. */
  at: Int32Array;
  /** Byte offset of the block's first positions in mainPos (0 for an index without positions). */
  posAt: Int32Array;
}

interface Cache {
  data: Uint8Array;
  pos: Uint8Array;
  byTerm: Map<number, Skips>;
  bytes: number;
  /** Terms asked for once through skipsOnReuse and not built yet. */
  seen: Set<number>;
}

/** Bound on the terms remembered as asked for once. */
const SEEN_LIMIT = 4096;

const caches = new WeakMap<PostingIndex, Cache>();

/** Skip data of main term `id`, or null when its main list is short (or absent). */
export function skipsOf(ix: PostingIndex, id: number): Skips | null {
  return skipsFor(ix, id, false);
}

/**
 * Skip data of main term `id` when it is built already or the term was asked for before, else
 * null: building costs one decode of the whole list, which a term met once in a varied query
 * stream would pay for nothing (the scorer decodes such a list whole instead).
 */
export function skipsOnReuse(ix: PostingIndex, id: number): Skips | null {
  return skipsFor(ix, id, true);
}

function skipsFor(ix: PostingIndex, id: number, onReuse: boolean): Skips | null {
  if (id < 0 || id >= ix.mainTerms) return null;
  const start = ix.mainOff[id]!;
  const end = ix.mainOff[id + 1]!;
  if (end - start < SKIP_MIN_BYTES) return null;
  let c = caches.get(ix);
  if (!c || c.data !== ix.mainData || c.pos !== ix.mainPos) {
    c = { data: ix.mainData, pos: ix.mainPos, byTerm: new Map(), bytes: 0, seen: new Set() };
    caches.set(ix, c);
  }
  let s = c.byTerm.get(id);
  if (s === undefined) {
    if (onReuse && !c.seen.has(id)) {
      if (c.seen.size >= SEEN_LIMIT) c.seen.clear();
      c.seen.add(id);
      return null;
    }
    c.seen.delete(id);
    s = buildSkips(ix, id);
    if (c.bytes > SKIP_CACHE_BYTES) {
      c.byTerm.clear();
      c.bytes = 0;
    }
    c.byTerm.set(id, s);
    c.bytes += 16 * s.first.length;
  }
  return s;
}

function buildSkips(ix: PostingIndex, id: number): Skips {
  const data = ix.mainData;
  const pos = ix.mainPos;
  const withPos = ix.withPositions;
  const end = ix.mainOff[id + 1]!;
  const cap = Math.ceil((end - ix.mainOff[id]!) / 2 / SKIP_BLOCK) + 1; // ≥ 2 bytes per posting
  const first = new Int32Array(cap);
  const base = new Int32Array(cap);
  const at = new Int32Array(cap);
  const posAt = new Int32Array(cap);
  let blocks = 0;
  let i = ix.mainOff[id]!;
  let pi = withPos ? ix.mainPosOff[id]! : 0;
  let doc = -1;
  let k = 0;
  while (i < end) {
    const blockStart = k % SKIP_BLOCK === 0;
    if (blockStart) {
      base[blocks] = doc;
      at[blocks] = i;
      posAt[blocks] = pi;
    }
    let b = data[i++]!;
    let v = b & 0x7f;
    for (let sh = 7; b & 0x80; sh += 7) {
      b = data[i++]!;
      v |= (b & 0x7f) << sh;
    }
    doc += v;
    if (blockStart) first[blocks++] = doc;
    b = data[i++]!;
    let t = b & 0x7f;
    for (let sh = 7; b & 0x80; sh += 7) {
      b = data[i++]!;
      t |= (b & 0x7f) << sh;
    }
    if (t & 1) while (data[i++]! & 0x80);
    if (withPos) {
      b = pos[pi++]!;
      let n = b & 0x7f;
      for (let sh = 7; b & 0x80; sh += 7) {
        b = pos[pi++]!;
        n |= (b & 0x7f) << sh;
      }
      while (n > 0) if ((pos[pi++]! & 0x80) === 0) n--;
    }
    k++;
  }
  return { blocks, first, base, at, posAt };
}

/** The last block whose first doc is ≤ `doc`, searching from block `from` on (−1: before every block). */
export function blockOf(s: Skips, doc: number, from: number): number {
  const first = s.first;
  if (from < 0) from = 0;
  if (from >= s.blocks || first[from]! > doc) return from - 1;
  let lo = from;
  let hi = s.blocks - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (first[mid]! <= doc) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
