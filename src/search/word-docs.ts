/**
 * The docs one plain word matches, from its stem lists' doc numbers alone: a group's pivot word
 * (evaluate.ts group) restricts the other clauses with them and is scored last, only on the docs
 * every required clause kept. `أسعار النفط العالمية`: the pivot نفط was scored on its 2,700 docs
 * to keep 778 (a score is a cache miss or two on the dense score and norm arrays); reading its doc
 * numbers costs a fraction of that.
 *
 * A word's docs are the union of its readings' stem lists (the exact-form lists only score docs
 * the stem list touched): the live postings whose field-weighted tf is positive, which with every
 * field weight positive is a posting with a body tf or a title, lead or meta bit (the scorer's
 * `w > 0`). So the set is exactly the docs scoring the word would touch.
 */
import { FieldBits, type PostingIndex } from './postings.ts';
import { decodePostings, PostingBuffer } from './posting-decode.ts';

// Module-local copy (an imported binding can cost a getter call per access under tsx).
const COUNTED_BITS = FieldBits.titleMask | FieldBits.lead | FieldBits.metaMask;

/** Docs: mask[d] = 1 for the ascending docs[0..n); mask is all zero outside them. */
export interface DocSet {
  mask: Uint8Array;
  docs: Int32Array;
  n: number;
}

const BUFFER = new PostingBuffer();

/**
 * The docs of a word whose readings have stem ids `ids` (−1: a reading the index lacks), ascending,
 * into `into` (its mask all zero on entry). Only with every field weight positive (see above).
 */
export function wordDocs(ix: PostingIndex, ids: readonly number[], dead: Uint8Array, into: DocSet): void {
  const mask = into.mask;
  let docs = into.docs;
  let n = 0;
  for (const id of ids) {
    if (id < 0 || ix.df.data[id]! <= 0) continue;
    if (id < ix.mainTerms && ix.tailHead.data[id] === 0) {
      // Main postings only (a loaded or merged index): decoded straight into the set.
      const bound = n + ((ix.mainOff[id + 1]! - ix.mainOff[id]!) >> 1); // ≥ 2 bytes per posting
      if (docs.length < bound) {
        const grown = new Int32Array(Math.max(bound, docs.length * 2));
        grown.set(docs.subarray(0, n));
        docs = into.docs = grown;
      }
      n = mainWordDocs(ix, id, dead, mask, docs, n);
      continue;
    }
    // The read path's own decode (main and tail, the decoded-list cache), then the counted postings.
    const m = decodePostings(ix, id, dead, BUFFER, false, null);
    if (docs.length < n + m) {
      const grown = new Int32Array(Math.max(n + m, docs.length * 2));
      grown.set(docs.subarray(0, n));
      docs = into.docs = grown;
    }
    for (let j = 0; j < m; j++) {
      const d = BUFFER.docs[j]!;
      if (mask[d] === 0 && (BUFFER.tf[j]! !== 0 || (BUFFER.bits[j]! & COUNTED_BITS) !== 0)) {
        mask[d] = 1;
        docs[n++] = d;
      }
    }
  }
  into.n = n;
  // One reading of main postings is ascending already; a union or tail postings are not.
  let sorted = true;
  for (let j = 1; j < n && sorted; j++) if (docs[j - 1]! > docs[j]!) sorted = false;
  if (!sorted) docs.subarray(0, n).sort();
}

/**
 * wordDocs' loop for a term without tail postings: its main postings decoded (postings.ts layout:
 * doc gap, tf·2 + hasBits, field word) and the counted live docs not in `mask` yet appended to
 * docs from index n; returns the new count. The same docs as decodePostings + the filter above,
 * without the round trip through the posting buffers.
 */
function mainWordDocs(ix: PostingIndex, id: number, dead: Uint8Array, mask: Uint8Array, docs: Int32Array, n: number): number {
  const data = ix.mainData;
  const end = ix.mainOff[id + 1]!;
  let i = ix.mainOff[id]!;
  let doc = -1;
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
    if (dead[doc] === 0 && mask[doc] === 0 && (t >>> 1 !== 0 || (bits & COUNTED_BITS) !== 0)) {
      mask[doc] = 1;
      docs[n++] = doc;
    }
  }
  return n;
}
