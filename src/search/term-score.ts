/**
 * BM25F of one term over its main postings in one loop: the varints are decoded and each posting
 * scored at once, without the round trip through posting-decode.ts's buffers (for a 13k-posting
 * list that round trip was a fifth of the term's cost). Only for unrestricted fields (all of
 * them weighted) and a term with no tail postings; accumulate() in evaluate.ts handles the rest
 * with decodePostings. The arithmetic is accumulate()'s inlined wtf(), operation for operation,
 * so the scores are bit-identical; docs are visited in the same (ascending) order.
 */
import { FieldBits, type PostingIndex } from './postings.ts';
import type { Skips } from './posting-skips.ts';

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

/**
 * scoreMainPostings restricted to the docs `targets[0..nTargets)` (ascending): instead of decoding
 * the whole list, each target's posting is looked up through the term's skip data (jump to the
 * block that can hold it, decode forward from there), so a 14k-posting list probed at a rare
 * pivot's 300 docs reads a few thousand postings. The arithmetic per posting is
 * scoreMainPostings's, and docs are visited in the same ascending order, so scores and the order
 * of `fresh` are identical to scoreMainPostings with `allow` = the targets.
 */
export function scoreMainPostingsAt(ix: PostingIndex, id: number, skips: Skips, targets: Int32Array, nTargets: number, dead: Uint8Array, s: TermScoring, score: Float64Array, fresh: Int32Array, onlyTouched: boolean): number {
  const { c, k1, wT, wB, wM, wL, normT, normB } = s;
  const data = ix.mainData;
  const end = ix.mainOff[id + 1]!;
  const first = skips.first;
  const blocks = skips.blocks;
  let i = ix.mainOff[id]!;
  let doc = -1; // the last posting decoded, with its tf·2 + hasBits and field word
  let t = 0;
  let bits = 0;
  let block = 0;
  let added = 0;
  for (let k = 0; k < nTargets; k++) {
    const want = targets[k]!;
    if (doc < want) {
      // The last block whose first doc is ≤ want (blocks only move forward): gallop, then bisect.
      if (block < blocks - 1 && first[block + 1]! <= want) {
        let lo = block + 1;
        let step = 1;
        while (lo + step < blocks && first[lo + step]! <= want) {
          lo += step;
          step <<= 1;
        }
        let hi = Math.min(blocks - 1, lo + step - 1);
        while (lo < hi) {
          const mid = (lo + hi + 1) >> 1;
          if (first[mid]! <= want) lo = mid;
          else hi = mid - 1;
        }
        block = lo;
      }
      if (first[block]! > want) continue; // before the list's first doc
      if (skips.at[block]! > i) {
        i = skips.at[block]!;
        doc = skips.base[block]!;
      }
      while (doc < want && i < end) {
        let b = data[i++]!;
        let v = b & 0x7f;
        for (let sh = 7; b & 0x80; sh += 7) {
          b = data[i++]!;
          v |= (b & 0x7f) << sh;
        }
        doc += v;
        b = data[i++]!;
        t = b & 0x7f;
        for (let sh = 7; b & 0x80; sh += 7) {
          b = data[i++]!;
          t |= (b & 0x7f) << sh;
        }
        bits = 0;
        if (t & 1) {
          b = data[i++]!;
          bits = b & 0x7f;
          for (let sh = 7; b & 0x80; sh += 7) {
            b = data[i++]!;
            bits |= (b & 0x7f) << sh;
          }
        }
      }
    }
    if (doc !== want) {
      if (i >= end && doc < want) break; // past the list's last posting
      continue;
    }
    const d = doc;
    if (dead[d] !== 0) continue;
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
