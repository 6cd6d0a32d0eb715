/**
 * BM25F of one term over its main postings, scored only at a compact candidate list: ascending
 * live docs cand[0..n), the score of cand[k] kept in acc[k] (evaluate.ts compactGroup). Scoring a
 * required word of a multi-word query into a dense score array by doc number cost a cache miss or
 * two per posting (the 570 KB score arrays of three words, the norms, the restriction mask); here
 * the candidates and their scores are a few KB walked in order, and the list is decoded only up to
 * the last candidate.
 *
 * The arithmetic per posting is term-score.ts's (accumulate's inlined wtf()), operation for
 * operation, and each candidate's additions come in the same order, so acc[k] is bit-identical to
 * what scoreMainPostings / scoreMainPostingsAt write to score[cand[k]] with the candidates as the
 * restriction. Only for unrestricted fields and a term with no tail postings.
 */
import { FieldBits, type PostingIndex } from './postings.ts';
import type { Skips } from './posting-skips.ts';
import type { TermScoring } from './term-score.ts';

// Module-local copies (an imported binding can cost a getter call per access under tsx).
const TITLE_MASK = FieldBits.titleMask;
const LEAD_BIT = FieldBits.lead;
const META_MASK = FieldBits.metaMask;

/**
 * Adds the term's score at each candidate its list holds, decoding the list from its start (a
 * merge of two ascending sequences). `onlyTouched`: only candidates whose acc is nonzero already
 * (an exact form after its stem).
 */
export function scoreCompactMerge(ix: PostingIndex, id: number, cand: Int32Array, n: number, s: TermScoring, acc: Float64Array, onlyTouched: boolean): void {
  if (n === 0) return;
  const { c, k1, wT, wB, wM, wL, normT, normB } = s;
  const data = ix.mainData;
  const end = ix.mainOff[id + 1]!;
  let i = ix.mainOff[id]!;
  let doc = -1;
  let k = 0;
  let next = cand[0]!;
  while (i < end) {
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
    if (doc < next) continue;
    while (next < doc) {
      if (++k === n) return;
      next = cand[k]!;
    }
    if (next !== doc) continue;
    if (onlyTouched && acc[k] === 0) continue;
    const d = doc;
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
    acc[k] += (c * w) / (k1 + w) + 1e-9;
  }
}

/**
 * As scoreCompactMerge, but each wanted candidate's posting is looked up through the term's skip
 * data (term-score.ts scoreMainPostingsAt): the candidates slots[0..nSlots) (ascending), or all of
 * cand[0..nSlots) when `slots` is null.
 */
export function scoreCompactAt(ix: PostingIndex, id: number, skips: Skips, cand: Int32Array, slots: Int32Array | null, nSlots: number, s: TermScoring, acc: Float64Array, onlyTouched: boolean): void {
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
  for (let j = 0; j < nSlots; j++) {
    const k = slots === null ? j : slots[j]!;
    const want = cand[k]!;
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
    if (onlyTouched && acc[k] === 0) continue;
    const d = doc;
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
    acc[k] += (c * w) / (k1 + w) + 1e-9;
  }
}
