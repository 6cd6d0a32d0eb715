/**
 * Read-only bulk decoding of one term's postings (postings.ts layout) into reusable typed arrays,
 * for the scoring loops: one tight loop per term instead of a visitor call per posting.
 * Main postings come first (doc numbers ascending), then tail postings (newest first); only
 * postings of live docs (`dead[doc] === 0`) are kept.
 */
import { TAIL_REC as IMPORTED_TAIL_REC, type PostingIndex } from './postings.ts';
import { blockOf as importedBlockOf, skipsOf, type Skips } from './posting-skips.ts';
import { decodedMainOf as importedDecodedMainOf } from './decoded-lists.ts';
import { decodeMainPostings as importedDecodeMainPostings } from './main-decode.ts';

// Module-local copies: tsx compiles an imported binding to a getter call per access.
const TAIL_REC = IMPORTED_TAIL_REC;
const blockOf = importedBlockOf;
const decodedMainOf = importedDecodedMainOf;
const decodeMainPostings = importedDecodeMainPostings;

/** Decoded postings; `n` entries of docs/tf/bits (and posRef when asked for) are valid. */
export class PostingBuffer {
  n = 0;
  docs = new Int32Array(1024);
  tf = new Int32Array(1024);
  bits = new Int32Array(1024);
  /** Where each posting's positions start (PostingIndex.readPositions), when decoded with positions. */
  posRef = new Int32Array(1024);

  /** Room for `n` postings (contents are not kept). */
  reserve(n: number): void {
    if (n <= this.docs.length) return;
    const cap = Math.max(n, this.docs.length * 2);
    this.docs = new Int32Array(cap);
    this.tf = new Int32Array(cap);
    this.bits = new Int32Array(cap);
    this.posRef = new Int32Array(cap);
  }
}

/**
 * Decodes the live postings of term `id` into `out` (out.n = their count). With `wantPositions`
 * (an index with positions) out.posRef locates each posting's positions; otherwise they are
 * skipped without being read. With `allow`, only docs with `allow[doc] === 1` are kept too.
 */
export function decodePostings(ix: PostingIndex, id: number, dead: Uint8Array, out: PostingBuffer, wantPositions = false, allow: Uint8Array | null = null): number {
  out.n = 0;
  if (id < 0) return 0;
  const withPos = wantPositions && ix.withPositions;
  // Upper bound on the count: a main posting takes at least 2 bytes; the live tail postings kept
  // are at most the term's live document frequency.
  let bound = 0;
  if (id < ix.mainTerms) bound += (ix.mainOff[id + 1]! - ix.mainOff[id]!) >> 1;
  const tailHead = ix.tailHead.data[id]!;
  if (tailHead > 0) bound += Math.max(0, ix.df.data[id]!);
  out.reserve(bound + 1);
  const docs = out.docs;
  const tfs = out.tf;
  const bitsOut = out.bits;
  const refs = out.posRef;
  let n = 0;
  const cached = id < ix.mainTerms ? decodedMainOf(ix, id) : null;
  if (cached !== null) {
    // A long list decoded by an earlier query: copy its live (and allowed) postings.
    const cd = cached.docs;
    const ct = cached.tf;
    const cb = cached.bits;
    const cr = cached.posRef;
    const m = cached.n;
    for (let j = 0; j < m; j++) {
      const doc = cd[j]!;
      if (dead[doc] === 0 && (allow === null || allow[doc] === 1)) {
        docs[n] = doc;
        tfs[n] = ct[j]!;
        bitsOut[n] = cb[j]!;
        refs[n] = withPos ? cr[j]! : -1;
        n++;
      }
    }
  } else if (id < ix.mainTerms) {
    n = decodeMainPostings(ix, id, withPos, dead, allow, docs, tfs, bitsOut, refs);
  }
  if (tailHead > 0) {
    // Tail records (PostingIndex.tailRec): doc, tf | field word << 8, positions start, next + 1.
    const rec = ix.tailRec.data;
    for (let k = tailHead - 1; k >= 0; k = rec[k * TAIL_REC + 3]! - 1) {
      const r = k * TAIL_REC;
      const d = rec[r]!;
      if (dead[d] !== 0 || (allow !== null && allow[d] !== 1)) continue;
      docs[n] = d;
      tfs[n] = rec[r + 1]! & 0xff;
      bitsOut[n] = rec[r + 1]! >>> 8;
      // Tail posRef: −(byte offset + 2) in tailPos (−1 means none), as in PostingIndex.scan.
      refs[n] = withPos ? -(rec[r + 2]! + 2) : -1;
      n++;
    }
  }
  out.n = n;
  return n;
}

/** Growable scratch for one posting's positions. */
export class PositionBuffer {
  n = 0;
  pos = new Int32Array(64);
}

/**
 * Decodes the positions of one posting (posRef from decodePostings or PostingIndex.scan) into
 * `out` (out.n of them, ascending): PostingIndex.readPositions without allocating.
 */
export function readPositionsInto(ix: PostingIndex, posRef: number, out: PositionBuffer): number {
  const bytes = posRef >= 0 ? ix.mainPos : ix.tailPos.data;
  let i = posRef >= 0 ? posRef : -posRef - 2;
  let b = bytes[i++]!;
  let n = b & 0x7f;
  for (let sh = 7; b & 0x80; sh += 7) {
    b = bytes[i++]!;
    n |= (b & 0x7f) << sh;
  }
  if (out.pos.length < n) out.pos = new Int32Array(Math.max(n, out.pos.length * 2));
  const pos = out.pos;
  let x = 0;
  for (let j = 0; j < n; j++) {
    b = bytes[i++]!;
    let v = b & 0x7f;
    for (let sh = 7; b & 0x80; sh += 7) {
      b = bytes[i++]!;
      v |= (b & 0x7f) << sh;
    }
    x += v >>> 0;
    pos[j] = x;
  }
  out.n = n;
  return n;
}

/** doc → slot in the current `locatePositions` call (−1: none); entries are reset after each call. */
let slotOfDoc = new Int32Array(0);
const posScratch = new PostingBuffer();

/**
 * For each term id of `terms` and each doc of `docs`: where that doc's positions of the term
 * are (posRef for PostingIndex.readPositions), −1 when the doc lacks the term. result[t][slot].
 * Long main lists are not decoded whole: the docs are looked up in ascending order through the
 * term's skip data (posting-skips.ts), jumping to the block that can hold each doc.
 */
export function locatePositions(ix: PostingIndex, terms: readonly number[], docs: readonly number[], dead: Uint8Array): Int32Array[] {
  let maxDoc = -1;
  for (const d of docs) if (d > maxDoc) maxDoc = d;
  if (slotOfDoc.length <= maxDoc) slotOfDoc = new Int32Array(Math.max(maxDoc + 1, slotOfDoc.length * 2)).fill(-1);
  const slotOf = slotOfDoc;
  for (let s = 0; s < docs.length; s++) slotOf[docs[s]!] = s;
  const limit = slotOf.length;
  let ascending: Int32Array | null = null;
  const out = terms.map((id) => {
    const r = new Int32Array(docs.length).fill(-1);
    const skips = ix.withPositions ? skipsOf(ix, id) : null;
    if (skips) {
      ascending ??= Int32Array.from(docs).sort();
      locateMainWithSkips(ix, id, skips, ascending, slotOf, dead, r);
      locateTail(ix, id, slotOf, dead, r);
      return r;
    }
    const n = decodePostings(ix, id, dead, posScratch, true);
    const pd = posScratch.docs;
    const pr = posScratch.posRef;
    for (let j = 0; j < n; j++) {
      const d = pd[j]!;
      const s = d < limit ? slotOf[d]! : -1;
      if (s >= 0) r[s] = pr[j]!;
    }
    return r;
  });
  for (const d of docs) slotOf[d] = -1;
  return out;
}

/** posRefs of the `targets` (ascending) in term `id`'s main postings, found through its skip data. */
function locateMainWithSkips(ix: PostingIndex, id: number, skips: Skips, targets: Int32Array, slotOf: Int32Array, dead: Uint8Array, r: Int32Array): void {
  const data = ix.mainData;
  const pos = ix.mainPos;
  const end = ix.mainOff[id + 1]!;
  let i = ix.mainOff[id]!;
  let pi = ix.mainPosOff[id]!;
  let doc = -1; // the last posting read
  let docPos = -1; // where its positions start
  let block = 0;
  for (let t = 0; t < targets.length; t++) {
    const want = targets[t]!;
    if (doc < want) {
      block = blockOf(skips, want, block);
      if (block < 0) {
        block = 0;
        continue; // before the list's first doc
      }
      if (skips.at[block]! > i) {
        i = skips.at[block]!;
        pi = skips.posAt[block]!;
        doc = skips.base[block]!;
      }
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
      let tf = b & 0x7f;
      for (let sh = 7; b & 0x80; sh += 7) {
        b = data[i++]!;
        tf |= (b & 0x7f) << sh;
      }
      if (tf & 1) while (data[i++]! & 0x80);
      docPos = pi;
      b = pos[pi++]!;
      let c = b & 0x7f;
      for (let sh = 7; b & 0x80; sh += 7) {
        b = pos[pi++]!;
        c |= (b & 0x7f) << sh;
      }
      while (c > 0) if ((pos[pi++]! & 0x80) === 0) c--;
    }
    if (doc === want && dead[want] === 0) r[slotOf[want]!] = docPos;
  }
}

/** posRefs of tail postings whose doc has a slot. */
function locateTail(ix: PostingIndex, id: number, slotOf: Int32Array, dead: Uint8Array, r: Int32Array): void {
  const head = ix.tailHead.data[id]!;
  if (head <= 0) return;
  const rec = ix.tailRec.data;
  const limit = slotOf.length;
  for (let k = head - 1; k >= 0; k = rec[k * TAIL_REC + 3]! - 1) {
    const d = rec[k * TAIL_REC]!;
    if (dead[d] !== 0 || d >= limit) continue;
    const s = slotOf[d]!;
    if (s >= 0) r[s] = -(rec[k * TAIL_REC + 2]! + 2);
  }
}
