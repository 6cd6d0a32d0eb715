/**
 * The decoding loop of one term's MAIN postings (postings.ts layout), shared by the read path's
 * bulk decode (posting-decode.ts) and the decoded-list cache (decoded-lists.ts).
 */
import type { PostingIndex } from './postings.ts';

/**
 * Decodes the main postings of term `id` (< ix.mainTerms) into docs/tfs/bits/refs from index 0
 * and returns how many were kept: all of them, or with `dead` only live docs (dead[doc] === 0)
 * and with `allow` only allowed ones (allow[doc] === 1). refs[k] is where the posting's positions
 * start in mainPos when `withPos`, else −1 (positions are stepped over without being read).
 * The arrays must hold (mainOff[id + 1] − mainOff[id]) / 2 entries (a posting takes ≥ 2 bytes).
 */
export function decodeMainPostings(
  ix: PostingIndex,
  id: number,
  withPos: boolean,
  dead: Uint8Array | null,
  allow: Uint8Array | null,
  docs: Int32Array,
  tfs: Int32Array,
  bitsOut: Int32Array,
  refs: Int32Array,
): number {
  const data = ix.mainData;
  const end = ix.mainOff[id + 1]!;
  const pos = ix.mainPos;
  let pi = withPos ? ix.mainPosOff[id]! : 0;
  let i = ix.mainOff[id]!;
  let doc = -1;
  let n = 0;
  while (i < end) {
    // Varints: doc gap, then tf·2 + hasBits, then the field word when present.
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
    let at = -1;
    if (withPos) {
      // Positions: a varint count, then that many varints; skipping one = finding its last byte.
      at = pi;
      b = pos[pi++]!;
      let c = b & 0x7f;
      for (let sh = 7; b & 0x80; sh += 7) {
        b = pos[pi++]!;
        c |= (b & 0x7f) << sh;
      }
      while (c > 0) if ((pos[pi++]! & 0x80) === 0) c--;
    }
    if ((dead === null || dead[doc] === 0) && (allow === null || allow[doc] === 1)) {
      docs[n] = doc;
      tfs[n] = t >>> 1;
      bitsOut[n] = bits;
      refs[n] = at;
      n++;
    }
  }
  return n;
}
