/**
 * Long main posting lists kept decoded between queries on the read path: per posting its doc,
 * body tf, field word and (in an index with positions) where its positions start. decodePostings
 * copies a cached list's live postings instead of reading its varints again, which for a phrase
 * means not walking every posting's positions just to step over them (`"وزير الخارجية"`: two
 * lists of 5–6k postings with positions; see docs/design/search.md, "fourth pass").
 *
 * Main bytes never change between merges (new postings go to the tail, removals are tombstones
 * checked by the reader), so an entry stays valid until a merge replaces mainData / mainPos, which
 * drops the whole cache. Only lists of at least DECODED_MIN_BYTES are kept; at most
 * DECODED_CACHE_BYTES per index, least recently used terms evicted first.
 */
import { decodeMainPostings } from './main-decode.ts';
import type { PostingIndex } from './postings.ts';

/** Lists shorter than this many main bytes are decoded from the bytes each time (a few µs). */
export const DECODED_MIN_BYTES = 1024;
/**
 * Bound on one index's decoded lists (16 bytes per posting; ≈ 130k postings): both indexes
 * together stay within 4 MB, inside the loaded-index memory goal (docs/DESIGN.md).
 */
export const DECODED_CACHE_BYTES = 2 << 20;

export interface DecodedList {
  /** Every main posting, live or not, doc numbers ascending. */
  n: number;
  docs: Int32Array;
  tf: Int32Array;
  bits: Int32Array;
  /** Byte offset of each posting's positions in mainPos (−1 without positions). */
  posRef: Int32Array;
}

interface Cache {
  data: Uint8Array;
  pos: Uint8Array;
  /** In use order: the least recently used term first. */
  byTerm: Map<number, DecodedList>;
  bytes: number;
  /** Terms asked for once and not kept yet (a list is kept on its second use). */
  seen: Set<number>;
}

/** Bound on the terms remembered as asked for once. */
const SEEN_LIMIT = 4096;

const caches = new WeakMap<PostingIndex, Cache>();

/** The decoded main list of term `id` (< mainTerms), kept from its second use on; null when it is short or not kept. */
export function decodedMainOf(ix: PostingIndex, id: number): DecodedList | null {
  const start = ix.mainOff[id]!;
  const end = ix.mainOff[id + 1]!;
  if (end - start < DECODED_MIN_BYTES) return null;
  let c = caches.get(ix);
  if (!c || c.data !== ix.mainData || c.pos !== ix.mainPos) {
    c = { data: ix.mainData, pos: ix.mainPos, byTerm: new Map(), bytes: 0, seen: new Set() };
    caches.set(ix, c);
  }
  let list = c.byTerm.get(id);
  if (list !== undefined) {
    c.byTerm.delete(id); // most recently used: to the end of the map's order
    c.byTerm.set(id, list);
    return list;
  }
  // Kept from its second use on: a term met once in a varied stream pays no copy.
  if (!c.seen.has(id)) {
    if (c.seen.size >= SEEN_LIMIT) c.seen.clear();
    c.seen.add(id);
    return null;
  }
  c.seen.delete(id);
  // A list unlikely to fit the bound is decoded by the caller from the bytes, as before.
  if (16 * ((end - start) / 4) > DECODED_CACHE_BYTES) return null;
  list = decodeMain(ix, id);
  const size = 16 * list.n;
  if (size > DECODED_CACHE_BYTES) return list;
  for (const [old, o] of c.byTerm) {
    if (c.bytes + size <= DECODED_CACHE_BYTES) break;
    c.byTerm.delete(old);
    c.bytes -= 16 * o.n;
  }
  c.byTerm.set(id, list);
  c.bytes += size;
  return list;
}

function decodeMain(ix: PostingIndex, id: number): DecodedList {
  const cap = (ix.mainOff[id + 1]! - ix.mainOff[id]!) >> 1; // ≥ 2 bytes per posting
  const docs = new Int32Array(cap);
  const tf = new Int32Array(cap);
  const bits = new Int32Array(cap);
  const posRef = new Int32Array(cap);
  // Every posting, live or not (the reader checks liveness when it copies).
  const n = decodeMainPostings(ix, id, ix.withPositions, null, null, docs, tf, bits, posRef);
  return { n, docs: docs.slice(0, n), tf: tf.slice(0, n), bits: bits.slice(0, n), posRef: posRef.slice(0, n) };
}

/** Empties the index's decoded lists (benchmarks measure a cold read path with it). */
export function dropDecoded(ix: PostingIndex): void {
  caches.delete(ix);
}
