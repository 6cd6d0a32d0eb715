/**
 * One inverted index (the engine keeps two: light stems and exact normalized forms).
 *
 * Layout: a compacted "main" part in CSR form (per term a slice of flat typed arrays, doc numbers
 * ascending) plus an append-only "tail" for documents added since the last merge (per-term linked
 * lists in flat typed arrays). A merge folds the tail into main and drops removed documents.
 * Per posting: doc number, body term frequency (capped 255) and a 16-bit field word (FieldBits).
 * Optionally positions: per posting a varint count then delta-coded virtual positions
 * (see FIELD_BASE), used for phrases and proximity.
 * Scoring is term-at-a-time, so posting order inside a term does not matter to search.
 */
import { GrowableArray } from './growable.ts';
import { readVarint, writeVarint } from './varint.ts';

/** Bits of the per-posting field word. */
export const FieldBits = {
  /** Title term frequency, capped at 7, in bits 0–2. */
  titleMask: 0b111,
  author: 1 << 3,
  column: 1 << 4,
  source: 1 << 5,
  category: 1 << 6,
  tag: 1 << 7,
  /** The term occurs among the first LEAD_TOKENS body tokens. */
  lead: 1 << 8,
  metaMask: 0b11111 << 3,
} as const;

/**
 * Virtual positions: each field has its own position range so phrases never cross fields.
 * Body positions start at 8·2^18; tags are 64 apart inside the tag range.
 */
export const FIELD_BASE = {
  title: 0,
  author: 1 << 18,
  column: 2 << 18,
  source: 3 << 18,
  category: 4 << 18,
  tag: 5 << 18,
  body: 8 << 18,
} as const;

/** What one document contributes to one term. */
export interface PostingInput {
  bodyTf: number;
  bits: number;
  /** Virtual positions, ascending (only for indexes with positions). */
  positions?: number[];
}

/** Visitor over one term's live postings; `posRef` locates its positions (see readPositions). */
export type PostingVisitor = (doc: number, bodyTf: number, bits: number, posRef: number) => void;

export class PostingIndex {
  readonly dict = new Map<string, number>();
  readonly terms: string[] = [];
  /** Live document frequency per term. */
  readonly df = new GrowableArray(Int32Array, 1024);

  // main (CSR)
  mainTerms = 0;
  mainOff: Int32Array<ArrayBufferLike> = new Int32Array(1);
  mainDocs: Int32Array<ArrayBufferLike> = new Int32Array(0);
  mainTf: Uint8Array<ArrayBufferLike> = new Uint8Array(0);
  mainBits: Uint16Array<ArrayBufferLike> = new Uint16Array(0);
  /** Per term: byte offset of its positions in mainPos (CSR, mainTerms + 1 entries). */
  mainPosOff: Int32Array<ArrayBufferLike> = new Int32Array(1);
  mainPos: Uint8Array<ArrayBufferLike> = new Uint8Array(0);

  // tail (linked lists, newest first)
  readonly tailHead = new GrowableArray(Int32Array, 1024); // posting index + 1; 0 = none
  readonly tailNext = new GrowableArray(Int32Array, 1024);
  readonly tailDoc = new GrowableArray(Int32Array, 1024);
  readonly tailTf = new GrowableArray(Uint8Array, 1024);
  readonly tailBits = new GrowableArray(Uint16Array, 1024);
  readonly tailPosStart = new GrowableArray(Int32Array, 1024);
  readonly tailPos = new GrowableArray(Uint8Array, 4096);

  constructor(readonly withPositions: boolean) {}

  get size(): number {
    return this.terms.length;
  }
  get tailPostings(): number {
    return this.tailDoc.length;
  }
  get mainPostings(): number {
    return this.mainDocs.length;
  }

  idOf(term: string): number {
    const id = this.dict.get(term);
    return id === undefined ? -1 : id;
  }

  private intern(term: string): number {
    let id = this.dict.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.terms.push(term);
      this.dict.set(term, id);
      this.df.push(0);
      this.tailHead.push(0);
    }
    return id;
  }

  /** Adds one document's postings (doc numbers must increase across calls between merges). */
  addDoc(doc: number, postings: Map<string, PostingInput>): void {
    for (const [term, p] of postings) {
      const id = this.intern(term);
      this.df.data[id]!++;
      const k = this.tailDoc.push(doc);
      this.tailTf.push(Math.min(255, p.bodyTf));
      this.tailBits.push(p.bits);
      this.tailNext.push(this.tailHead.data[id]!);
      this.tailHead.data[id] = k + 1;
      if (this.withPositions) {
        this.tailPosStart.push(this.tailPos.length);
        const pos = p.positions ?? [];
        writeVarint(this.tailPos, pos.length);
        let prev = 0;
        for (const x of pos) {
          writeVarint(this.tailPos, x - prev);
          prev = x;
        }
      }
    }
  }

  /** Called when a document is removed: its postings stay until the next merge, but df drops. */
  removeDoc(terms: Iterable<string>): void {
    for (const t of terms) {
      const id = this.dict.get(t);
      if (id !== undefined) this.df.data[id]!--;
    }
  }

  /**
   * Visits the postings of `id` whose document is live (`dead[doc] === 0`). Positions are only
   * located (posRef ≥ 0 or < −1) when `wantPositions`; scoring scans skip them.
   */
  scan(id: number, dead: Uint8Array, visit: PostingVisitor, wantPositions = false): void {
    if (id < 0) return;
    if (id < this.mainTerms) {
      const end = this.mainOff[id + 1]!;
      const docs = this.mainDocs;
      const tfs = this.mainTf;
      const bits = this.mainBits;
      if (wantPositions && this.withPositions) {
        // posRef for main postings: the byte offset of the posting's positions.
        const p = { i: this.mainPosOff[id]! };
        const bytes = this.mainPos;
        for (let k = this.mainOff[id]!; k < end; k++) {
          const at = p.i;
          const n = readVarint(bytes, p);
          for (let j = 0; j < n; j++) readVarint(bytes, p);
          const d = docs[k]!;
          if (dead[d] === 0) visit(d, tfs[k]!, bits[k]!, at);
        }
      } else {
        for (let k = this.mainOff[id]!; k < end; k++) {
          const d = docs[k]!;
          if (dead[d] === 0) visit(d, tfs[k]!, bits[k]!, -1);
        }
      }
    }
    const next = this.tailNext.data;
    const tdoc = this.tailDoc.data;
    const ttf = this.tailTf.data;
    const tbits = this.tailBits.data;
    const tpos = this.tailPosStart.data;
    for (let k = this.tailHead.data[id]! - 1; k >= 0; k = next[k]! - 1) {
      const d = tdoc[k]!;
      // posRef for tail postings: −(byte offset + 2) in tailPos (−1 means none).
      if (dead[d] === 0) visit(d, ttf[k]!, tbits[k]!, wantPositions && this.withPositions ? -(tpos[k]! + 2) : -1);
    }
  }

  /** Decodes the positions of one posting (posRef from scan) into `out`. */
  readPositions(posRef: number, out: number[]): number[] {
    out.length = 0;
    const bytes = posRef >= 0 ? this.mainPos : this.tailPos.data;
    const p = { i: posRef >= 0 ? posRef : -posRef - 2 };
    const n = readVarint(bytes, p);
    let x = 0;
    for (let j = 0; j < n; j++) {
      x += readVarint(bytes, p);
      out.push(x);
    }
    return out;
  }

  /**
   * Folds the tail into main, dropping postings of dead docs and terms left with no postings
   * stay in the dictionary (ids are stable). `remap` renumbers docs (compaction); −1 drops.
   */
  merge(dead: Uint8Array, remap?: Int32Array): void {
    const m = this.build(dead, remap);
    this.mainTerms = m.terms;
    this.mainOff = m.off;
    this.mainDocs = m.docs;
    this.mainTf = m.tf;
    this.mainBits = m.bits;
    this.mainPosOff = m.posOff;
    this.mainPos = m.pos;
    this.tailHead.data.fill(0);
    for (const g of [this.tailNext, this.tailDoc, this.tailTf, this.tailBits, this.tailPosStart, this.tailPos]) g.length = 0;
  }

  /** The merged CSR arrays, without changing this index. */
  build(dead: Uint8Array, remap?: Int32Array) {
    const nTerms = this.terms.length;
    const off = new Int32Array(nTerms + 1);
    const keep = (d: number) => dead[d] === 0 && (!remap || remap[d]! >= 0);
    // Count.
    for (let id = 0; id < nTerms; id++) {
      let c = 0;
      if (id < this.mainTerms) for (let k = this.mainOff[id]!; k < this.mainOff[id + 1]!; k++) if (keep(this.mainDocs[k]!)) c++;
      for (let k = this.tailHead.data[id]! - 1; k >= 0; k = this.tailNext.data[k]! - 1) if (keep(this.tailDoc.data[k]!)) c++;
      off[id + 1] = off[id]! + c;
    }
    const total = off[nTerms]!;
    const docs = new Int32Array(total);
    const tf = new Uint8Array(total);
    const bits = new Uint16Array(total);
    const posOff = new Int32Array(this.withPositions ? nTerms + 1 : 1);
    const pos = new GrowableArray(Uint8Array, this.withPositions ? this.mainPos.length + this.tailPos.length + 16 : 4);
    const p = { i: 0 };
    const copyPositions = (bytes: Uint8Array, at: number) => {
      p.i = at;
      const n = readVarint(bytes, p);
      for (let j = 0; j < n; j++) readVarint(bytes, p);
      const len = p.i - at;
      pos.ensure(pos.length + len);
      pos.data.set(bytes.subarray(at, at + len), pos.length);
      pos.length += len;
    };
    const tailIdx: number[] = [];
    for (let id = 0; id < nTerms; id++) {
      let w = off[id]!;
      if (this.withPositions) posOff[id] = pos.length;
      if (id < this.mainTerms) {
        const mp = { i: this.withPositions ? this.mainPosOff[id]! : 0 };
        for (let k = this.mainOff[id]!; k < this.mainOff[id + 1]!; k++) {
          const d = this.mainDocs[k]!;
          const at = mp.i;
          if (this.withPositions) {
            const n = readVarint(this.mainPos, mp);
            for (let j = 0; j < n; j++) readVarint(this.mainPos, mp);
          }
          if (!keep(d)) continue;
          docs[w] = remap ? remap[d]! : d;
          tf[w] = this.mainTf[k]!;
          bits[w] = this.mainBits[k]!;
          if (this.withPositions) copyPositions(this.mainPos, at);
          w++;
        }
      }
      tailIdx.length = 0;
      for (let k = this.tailHead.data[id]! - 1; k >= 0; k = this.tailNext.data[k]! - 1) tailIdx.push(k);
      for (let j = tailIdx.length - 1; j >= 0; j--) {
        const k = tailIdx[j]!;
        const d = this.tailDoc.data[k]!;
        if (!keep(d)) continue;
        docs[w] = remap ? remap[d]! : d;
        tf[w] = this.tailTf.data[k]!;
        bits[w] = this.tailBits.data[k]!;
        if (this.withPositions) copyPositions(this.tailPos.data, this.tailPosStart.data[k]!);
        w++;
      }
    }
    if (this.withPositions) posOff[nTerms] = pos.length;
    return { terms: nTerms, off, docs, tf, bits, posOff, pos: pos.data.slice(0, pos.length) };
  }

  /** Restores a merged index (from serialize); the dictionary is rebuilt from `terms`. */
  static restore(
    withPositions: boolean,
    terms: string[],
    df: Int32Array,
    m: { off: Int32Array; docs: Int32Array; tf: Uint8Array; bits: Uint16Array; posOff: Int32Array; pos: Uint8Array },
  ): PostingIndex {
    const ix = new PostingIndex(withPositions);
    for (let i = 0; i < terms.length; i++) {
      ix.terms.push(terms[i]!);
      ix.dict.set(terms[i]!, i);
    }
    ix.df.ensure(terms.length);
    ix.df.data.set(df);
    ix.df.length = terms.length;
    ix.tailHead.ensure(terms.length);
    ix.tailHead.length = terms.length;
    ix.mainTerms = terms.length;
    ix.mainOff = m.off;
    ix.mainDocs = m.docs;
    ix.mainTf = m.tf;
    ix.mainBits = m.bits;
    ix.mainPosOff = m.posOff;
    ix.mainPos = m.pos;
    return ix;
  }
}
