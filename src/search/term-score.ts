/**
 * BM25F of one term over its main postings in one loop: the varints are decoded and each posting
 * scored at once, without the round trip through posting-decode.ts's buffers (for a 13k-posting
 * list that round trip was a fifth of the term's cost). Only for unrestricted fields (all of
 * them weighted) and a term with no tail postings; accumulate() in evaluate.ts handles the rest
 * with decodePostings. The arithmetic is accumulate()'s inlined wtf(), operation for operation,
 * so the scores are bit-identical; docs are visited in the same (ascending) order.
 */
import { FieldBits, type PostingIndex } from './postings.ts';

// Module-local copies (an imported binding can cost a getter call per access under tsx).
const TITLE_MASK = FieldBits.titleMask;
const LEAD_BIT = FieldBits.lead;
const META_MASK = FieldBits.metaMask;

/** What scoring one term needs: the term's constant c = idf·weight·(k1+1), k1, field weights, length norms. */
export interface TermScoring {
  c: number;
  k1: number;
  wT: number;
  wB: number;
  wM: number;
  wL: number;
  normT: Float64Array;
  normB: Float64Array;
}

/**
 * Adds the term's score to `score` for each live main posting (and allowed, when `allow`); docs
 * whose score was 0 are written to `fresh` (from index 0; the count is returned) unless
 * `onlyTouched`, in which case they are not scored at all. `fresh` must hold the list's length.
 */
export function scoreMainPostings(ix: PostingIndex, id: number, dead: Uint8Array, allow: Uint8Array | null, s: TermScoring, score: Float64Array, fresh: Int32Array, onlyTouched: boolean): number {
  const { c, k1, wT, wB, wM, wL, normT, normB } = s;
  const data = ix.mainData;
  const end = ix.mainOff[id + 1]!;
  let i = ix.mainOff[id]!;
  let doc = -1;
  let added = 0;
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
    if (dead[d] !== 0 || (allow !== null && allow[d] !== 1)) continue;
    const tf = t >>> 1;
    let w = 0;
    const ti = bits & TITLE_MASK;
    if (ti) w += (wT * ti) / normT[d]!;
    if (tf) w += (wB * tf) / normB[d]!;
    if (bits & LEAD_BIT) w += wL;
    let m = (bits & META_MASK) >>> 3;
    m = (m & 1) + ((m >>> 1) & 1) + ((m >>> 2) & 1) + ((m >>> 3) & 1) + ((m >>> 4) & 1);
    w += wM * m;
    if (w <= 0) continue;
    const sc = (c * w) / (k1 + w);
    if (score[d] === 0) {
      if (onlyTouched) continue;
      fresh[added++] = d;
    }
    score[d] += sc + 1e-9;
  }
  return added;
}
