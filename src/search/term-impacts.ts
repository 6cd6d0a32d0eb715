/**
 * Per-term impacts of long main posting lists, kept between queries on the read path: the term's
 * live-or-not main docs and, per posting, BM25F's field-weighted, length-normalized tf
 *   w = wT·tfT/normT[d] + wB·tfB/normB[d] + wL·[lead] + wM·#meta
 * (term-score.ts's arithmetic, operation for operation, so a score computed from a cached w is
 * bit-identical). A query then scores a cached list with one loop of a load, a division and an add
 * per posting instead of decoding three varints and dividing twice (a common word's 13k-posting
 * list: see docs/design/search.md, "fourth pass"). Query-dependent parts (idf, the clause weight,
 * k1's saturation) and dead docs are applied per query, so N and removals need no invalidation.
 *
 * Valid while the main bytes and the length norms are the ones it was built from: a merge replaces
 * mainData, and any write that moves the average lengths makes docNorms build new arrays (both are
 * compared by identity), which drops the whole cache. Postings with w ≤ 0 (never scored) are left
 * out. Only lists of at least IMPACT_MIN_BYTES are kept; the cache holds at most
 * IMPACT_CACHE_BYTES per index, least recently used terms evicted first. A list bigger than the
 * whole bound is scored from the bytes each time.
 */
import { FieldBits, type PostingIndex } from './postings.ts';

/** Lists shorter than this many main bytes (≈ 400 postings) are scored straight from the bytes. */
export const IMPACT_MIN_BYTES = 1024;
/**
 * Bound on one index's cached impacts (12 bytes per cached posting; ≈ 260k postings, the lists of
 * a few dozen common query words). Kept small: with decoded-lists.ts's bound, both caches of both
 * indexes stay within 10 MB, inside the loaded-index memory goal (docs/DESIGN.md).
 */
export const IMPACT_CACHE_BYTES = 3 << 20;

const TITLE_MASK = FieldBits.titleMask;
const LEAD_BIT = FieldBits.lead;
const META_MASK = FieldBits.metaMask;

/** What the weights of a term's postings depend on besides its bytes. */
export interface ImpactWeights {
  wT: number;
  wB: number;
  wM: number;
  wL: number;
  normT: Float64Array;
  normB: Float64Array;
}

export interface Impacts {
  /** Postings kept (those with w > 0), doc numbers ascending. */
  n: number;
  docs: Int32Array;
  w: Float64Array;
}

interface Cache extends ImpactWeights {
  data: Uint8Array;
  /** In use order: the least recently used term first. */
  byTerm: Map<number, Impacts>;
  bytes: number;
  /** Terms asked for once and not kept yet (a list is kept on its second use). */
  seen: Set<number>;
}

/** Bound on the terms remembered as asked for once. */
const SEEN_LIMIT = 4096;

const caches = new WeakMap<PostingIndex, Cache>();

/**
 * The impacts of main term `id` under `s`, kept from the term's second use on; null when the
 * list is short or not kept (the caller scores the bytes directly). The caller checks that the
 * term has no tail postings.
 */
export function impactsOf(ix: PostingIndex, id: number, s: ImpactWeights): Impacts | null {
  const start = ix.mainOff[id]!;
  const end = ix.mainOff[id + 1]!;
  if (end - start < IMPACT_MIN_BYTES) return null;
  let c = caches.get(ix);
  if (!c || c.data !== ix.mainData || c.normT !== s.normT || c.normB !== s.normB || c.wT !== s.wT || c.wB !== s.wB || c.wM !== s.wM || c.wL !== s.wL) {
    c = { data: ix.mainData, normT: s.normT, normB: s.normB, wT: s.wT, wB: s.wB, wM: s.wM, wL: s.wL, byTerm: new Map(), bytes: 0, seen: new Set() };
    caches.set(ix, c);
  }
  let imp = c.byTerm.get(id);
  if (imp !== undefined) {
    c.byTerm.delete(id); // most recently used: to the end of the map's order
    c.byTerm.set(id, imp);
    return imp;
  }
  // Kept from its second use on: a term met once in a varied stream pays no copy.
  if (!c.seen.has(id)) {
    if (c.seen.size >= SEEN_LIMIT) c.seen.clear();
    c.seen.add(id);
    return null;
  }
  c.seen.delete(id);
  // A list unlikely to fit the bound (≈ 4 bytes per posting at most, usually) is not kept.
  if (12 * ((end - start) / 4) > IMPACT_CACHE_BYTES) return null;
  imp = buildImpacts(ix.mainData, start, end, s);
  const size = 12 * imp.n;
  if (size > IMPACT_CACHE_BYTES) return imp;
  for (const [old, o] of c.byTerm) {
    if (c.bytes + size <= IMPACT_CACHE_BYTES) break;
    c.byTerm.delete(old);
    c.bytes -= 12 * o.n;
  }
  c.byTerm.set(id, imp);
  c.bytes += size;
  return imp;
}

function buildImpacts(data: Uint8Array, start: number, end: number, s: ImpactWeights): Impacts {
  const { wT, wB, wM, wL, normT, normB } = s;
  const cap = (end - start) >> 1; // ≥ 2 bytes per posting
  const docs = new Int32Array(cap);
  const ws = new Float64Array(cap);
  let n = 0;
  let i = start;
  let doc = -1;
  while (i < end) {
    // Varints: doc gap, then tf·2 + hasBits, then the field word when present (postings.ts).
    let b = data[i++]!;
    let v = b & 0x7f;
    for (let sh = 7; b & 0x80; sh += 7) {
      b = data[i++]!;
      v |= (b & 0x7f) << sh;
    }
    doc += v;
    b = data[i++]!;
    let t = b & 0x7f;
    for (let sh = 7; b & 0x80; sh += 7) {
      b = data[i++]!;
      t |= (b & 0x7f) << sh;
    }
    let bits = 0;
    if (t & 1) {
      b = data[i++]!;
      bits = b & 0x7f;
      for (let sh = 7; b & 0x80; sh += 7) {
        b = data[i++]!;
        bits |= (b & 0x7f) << sh;
      }
    }
    const d = doc;
    const tf = t >>> 1;
    // term-score.ts's w, operation for operation.
    let w = 0;
    const ti = bits & TITLE_MASK;
    if (ti) w += (wT * ti) / normT[d]!;
    if (tf) w += (wB * tf) / normB[d]!;
    if (bits & LEAD_BIT) w += wL;
    let m = (bits & META_MASK) >>> 3;
    m = (m & 1) + ((m >>> 1) & 1) + ((m >>> 2) & 1) + ((m >>> 3) & 1) + ((m >>> 4) & 1);
    w += wM * m;
    if (w <= 0) continue;
    docs[n] = d;
    ws[n] = w;
    n++;
  }
  return { n, docs: docs.slice(0, n), w: ws.slice(0, n) };
}

/** Empties the index's impacts (benchmarks measure a cold read path with it). */
export function dropImpacts(ix: PostingIndex): void {
  caches.delete(ix);
}
