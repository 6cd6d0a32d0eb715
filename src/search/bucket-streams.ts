/**
 * A bulk load's unmerged postings, grouped by term range as they are committed: one append-only
 * stream of records (and one of position bytes) per bucket of 2^BUCKET_BITS term ids, in chunks
 * of shared slabs. The final merge then reads each bucket's postings in order (doc order within
 * a term) with the bucket's per-term state and write cursors in cache: what the merge's radix
 * partition of the tail (postings.ts partitionGroup) produced, without the tail records
 * (16 B + a term a posting), their doc-order sizing pass over ~400k terms' state, or the copy.
 * A commit's postings go to a few hundred write streams, whose current lines the caches hold.
 *
 * A record is two Int32s: doc, and the term's place in its bucket | tf (8 bits) · field word
 * (FieldBits, 9 bits) << BUCKET_BITS (the tail's second record word, shifted). A posting's
 * positions (varint count, then delta varints) never straddle two chunks, so readers check for
 * a chunk's end only between postings.
 */

/** Term ids per bucket: 2^10 (a bucket's per-term merge state is 16 KB). */
export const BUCKET_BITS = 10;
export const BUCKET_MASK = (1 << BUCKET_BITS) - 1;
/** Int32s per record chunk (512 postings). */
const REC_CHUNK = 1024;
/** Bytes per position chunk (a posting needing more takes several consecutive chunks). */
const POS_CHUNK = 8192;

export class BucketStreams {
  /** Record chunks, back to back; chunk c is [c · REC_CHUNK, (c + 1) · REC_CHUNK). */
  recs: Int32Array<ArrayBufferLike> = new Int32Array(REC_CHUNK * 8);
  private recChunks = 0;
  /** Per record chunk: the bucket's next chunk + 1 (0: its last). */
  recNext: Int32Array<ArrayBufferLike> = new Int32Array(8);
  /** Position chunks, back to back (chunk c at c · POS_CHUNK); a chunk may span several units. */
  pos: Uint8Array<ArrayBufferLike> = new Uint8Array(0);
  private posUnits = 0;
  /** Per position chunk: the bucket's next chunk + 1 (0: its last), and the bytes it holds. */
  posNext: Int32Array<ArrayBufferLike> = new Int32Array(0);
  posUsed: Int32Array<ArrayBufferLike> = new Int32Array(0);

  /** Per bucket: first record chunk + 1 (0: none), write offset in recs, end of its chunk. */
  recFirst = new Int32Array(64);
  recAt = new Int32Array(64);
  private recEnd = new Int32Array(64);
  /** Per bucket: first position chunk + 1 (0: none), current chunk, write offset in pos, end of its chunk. */
  posFirst = new Int32Array(64);
  private posCur = new Int32Array(64);
  private posAt = new Int32Array(64);
  private posEnd = new Int32Array(64);
  /** Buckets that may hold postings (1 + the highest bucket written). */
  buckets = 0;
  /** Postings held, and the position bytes of them. */
  postings = 0;
  posBytes = 0;

  constructor(readonly withPositions: boolean) {
    if (withPositions) {
      this.pos = new Uint8Array(POS_CHUNK * 8);
      this.posNext = new Int32Array(8);
      this.posUsed = new Int32Array(8);
    }
  }

  /** Bytes of the slabs (reserved or grown). */
  get capacityBytes(): number {
    return this.recs.byteLength + this.pos.byteLength;
  }

  /**
   * Room for `postings` postings and `posBytes` position bytes at once in views of a shared
   * buffer (see PostingIndex.reserveTails), the chunks written so far copied in.
   */
  adopt(recRoom: Int32Array, posRoom: Uint8Array | null): void {
    if (recRoom.length > this.recs.length) {
      recRoom.set(this.recs.subarray(0, this.recChunks * REC_CHUNK));
      this.recs = recRoom;
      if (recRoom.length / REC_CHUNK > this.recNext.length) this.recNext = grownTo(this.recNext, recRoom.length / REC_CHUNK);
    }
    if (posRoom && posRoom.length > this.pos.length) {
      posRoom.set(this.pos.subarray(0, this.posUnits * POS_CHUNK));
      this.pos = posRoom;
      const units = Math.floor(posRoom.length / POS_CHUNK);
      if (units > this.posNext.length) {
        this.posNext = grownTo(this.posNext, units);
        this.posUsed = grownTo(this.posUsed, units);
      }
    }
  }

  /** Record Int32s and position bytes to reserve for `postings` postings and `posBytes` bytes (chunk slack included). */
  static roomFor(postings: number, posBytes: number): { ints: number; bytes: number } {
    // Each bucket's last chunk is partly empty: room for 1,024 buckets' worth of slack.
    const ints = Math.ceil((postings * 2) / REC_CHUNK) * REC_CHUNK + 1024 * REC_CHUNK;
    const bytes = Math.ceil(posBytes / POS_CHUNK) * POS_CHUNK + 1024 * POS_CHUNK;
    return { ints, bytes };
  }

  /** Empties the streams; `release`: also give the slabs back. */
  clear(release: boolean): void {
    this.recChunks = 0;
    this.posUnits = 0;
    this.recFirst.fill(0, 0, this.buckets);
    this.posFirst.fill(0, 0, this.buckets);
    this.recAt.fill(0, 0, this.buckets);
    this.recEnd.fill(0, 0, this.buckets);
    this.posAt.fill(0, 0, this.buckets);
    this.posEnd.fill(0, 0, this.buckets);
    this.buckets = 0;
    this.postings = 0;
    this.posBytes = 0;
    if (release) {
      this.recs = new Int32Array(REC_CHUNK * 8);
      this.recNext = new Int32Array(8);
      if (this.withPositions) {
        this.pos = new Uint8Array(POS_CHUNK * 8);
        this.posNext = new Int32Array(8);
        this.posUsed = new Int32Array(8);
      }
    }
  }

  private useBuckets(n: number): void {
    if (n > this.recFirst.length) {
      const cap = Math.max(n, this.recFirst.length * 2);
      this.recFirst = grownTo(this.recFirst, cap);
      this.recAt = grownTo(this.recAt, cap);
      this.recEnd = grownTo(this.recEnd, cap);
      this.posFirst = grownTo(this.posFirst, cap);
      this.posCur = grownTo(this.posCur, cap);
      this.posAt = grownTo(this.posAt, cap);
      this.posEnd = grownTo(this.posEnd, cap);
    }
    if (n > this.buckets) this.buckets = n;
  }

  /** A new record chunk for bucket b (its current one is full or it has none); returns its offset. */
  private newRecChunk(b: number): number {
    const c = this.recChunks++;
    if ((c + 1) * REC_CHUNK > this.recs.length) {
      const next = new Int32Array(this.recs.length * 2);
      next.set(this.recs);
      this.recs = next;
    }
    if (c >= this.recNext.length) this.recNext = grownTo(this.recNext, this.recNext.length * 2);
    this.recNext[c] = 0;
    const at = this.recAt[b]!;
    if (this.recFirst[b] === 0) this.recFirst[b] = c + 1;
    else this.recNext[at / REC_CHUNK - 1] = c + 1; // the full chunk ends at `at`
    const o = c * REC_CHUNK;
    this.recEnd[b] = o + REC_CHUNK;
    return o;
  }

  /** A new position chunk of ≥ `need` bytes for bucket b; returns its offset. */
  private newPosChunk(b: number, need: number): number {
    const units = Math.max(1, Math.ceil(need / POS_CHUNK));
    const c = this.posUnits;
    this.posUnits += units;
    if (this.posUnits * POS_CHUNK > this.pos.length) {
      let cap = this.pos.length * 2;
      while (cap < this.posUnits * POS_CHUNK) cap *= 2;
      const next = new Uint8Array(cap);
      next.set(this.pos);
      this.pos = next;
    }
    if (this.posUnits > this.posNext.length) {
      const cap = Math.max(this.posUnits, this.posNext.length * 2);
      this.posNext = grownTo(this.posNext, cap);
      this.posUsed = grownTo(this.posUsed, cap);
    }
    this.posNext[c] = 0;
    this.posUsed[c] = 0;
    if (this.posFirst[b] === 0) this.posFirst[b] = c + 1;
    else {
      const old = this.posCur[b]!;
      this.posNext[old] = c + 1;
      this.posUsed[old] = this.posAt[b]! - old * POS_CHUNK;
    }
    this.posCur[b] = c;
    const o = c * POS_CHUNK;
    this.posEnd[b] = o + units * POS_CHUNK;
    return o;
  }

  /**
   * Appends one document's postings: entry e (< n) is term `ids[e]` with body tf `tf[e]` and field
   * word `bits[e]`; with positions, entry e's are `order[ends[e − 1] … ends[e])` (ends[−1] = 0),
   * ascending.
   */
  add(doc: number, n: number, ids: Int32Array, tf: Int32Array, bits: Int32Array, ends: Int32Array, order: Int32Array): void {
    let top = 0;
    for (let e = 0; e < n; e++) if (ids[e]! > top) top = ids[e]!;
    this.useBuckets((top >>> BUCKET_BITS) + 1);
    const recAt = this.recAt;
    const recEnd = this.recEnd;
    let recs = this.recs;
    for (let e = 0; e < n; e++) {
      const id = ids[e]!;
      const b = id >>> BUCKET_BITS;
      let w = recAt[b]!;
      if (w === recEnd[b]) {
        w = this.newRecChunk(b);
        recs = this.recs;
      }
      recs[w] = doc;
      recs[w + 1] = (id & BUCKET_MASK) | ((Math.min(255, tf[e]!) | (bits[e]! << 8)) << BUCKET_BITS);
      recAt[b] = w + 2;
    }
    this.postings += n;
    if (!this.withPositions) return;
    const posAt = this.posAt;
    const posEnd = this.posEnd;
    let pos = this.pos;
    let bytes = 0;
    let from = 0;
    for (let e = 0; e < n; e++) {
      const b = ids[e]! >>> BUCKET_BITS;
      const to = ends[e]!;
      // At most 5 bytes a varint: the count and each gap.
      const need = 5 * (1 + to - from);
      let o = posAt[b]!;
      if (o + need > posEnd[b]! || this.posFirst[b] === 0) {
        o = this.newPosChunk(b, need);
        pos = this.pos;
      }
      const start = o;
      o = putVarint(pos, o, to - from);
      let prev = 0;
      for (let j = from; j < to; j++) {
        o = putVarint(pos, o, order[j]! - prev);
        prev = order[j]!;
      }
      bytes += o - start;
      posAt[b] = o;
      from = to;
    }
    this.posBytes += bytes;
  }

  /** Bytes of bucket b's position chunk c (its last: up to the write offset). */
  posChunkUsed(b: number, c: number): number {
    return this.posNext[c] === 0 ? this.posAt[b]! - c * POS_CHUNK : this.posUsed[c]!;
  }

  /** Offset where record chunk c of bucket b ends (its last: the write offset). */
  recChunkEnd(b: number, c: number): number {
    return this.recNext[c] === 0 ? this.recAt[b]! : (c + 1) * REC_CHUNK;
  }
}

/** Offset of position chunk c. */
export function posChunkStart(c: number): number {
  return c * POS_CHUNK;
}

/** Offset of record chunk c. */
export function recChunkStart(c: number): number {
  return c * REC_CHUNK;
}

/** A copy of `a` with room for n entries (at least its own). */
function grownTo(a: Int32Array<ArrayBufferLike>, n: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(Math.max(n, a.length));
  b.set(a);
  return b;
}

/** Writes varint `v` at out[o] (room checked by the caller); returns the next offset. */
function putVarint(out: Uint8Array, o: number, v: number): number {
  while (v >= 0x80) {
    out[o++] = (v & 0x7f) | 0x80;
    v >>>= 7;
  }
  out[o++] = v;
  return o;
}
