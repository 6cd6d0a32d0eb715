/**
 * One inverted index (the engine keeps two: light stems and exact normalized forms).
 *
 * Layout: a compacted "main" part (per term a byte range of one Uint8Array, doc numbers ascending,
 * each posting as varints: doc gap, tf·2 + hasBits, [field word]) plus an append-only "tail" for
 * documents added since the last merge (per-term linked lists in flat typed arrays). A merge folds
 * the tail into main (counting sort of the tail by term) and drops removed documents.
 * Per posting: doc number, body term frequency (capped 255) and a 16-bit field word (FieldBits);
 * a typical posting (small gap, tf 1, no title/meta bits) takes 2 bytes.
 * Optionally positions: per posting a varint count then delta-coded virtual positions
 * (see FIELD_BASE), used for phrases and proximity.
 * Scoring is term-at-a-time, so posting order inside a term does not matter to search.
 */
import { GrowableArray } from './growable.ts';
import { TermDict } from './term-dict.ts';
import { readVarint } from './varint.ts';

/** Int32s per tail posting record (see PostingIndex.tailRec). */
export const TAIL_REC = 4;
/** Bytes of one tail posting without its positions: the record and its term. */
export const TAIL_POSTING_BYTES = TAIL_REC * 4 + 4;

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
  readonly dict = new TermDict();
  /** Live document frequency per term (tail postings counted once linked: see linkTail). */
  private liveDf = new GrowableArray(Int32Array, 1024);

  // main: per term a byte range [mainOff[id], mainOff[id+1]) of mainData
  mainTerms = 0;
  mainPostings = 0;
  mainOff: Int32Array<ArrayBufferLike> = new Int32Array(1);
  mainData: Uint8Array<ArrayBufferLike> = new Uint8Array(0);
  /** Per term: byte offset of its positions in mainPos (mainTerms + 1 entries). */
  mainPosOff: Int32Array<ArrayBufferLike> = new Int32Array(1);
  mainPos: Uint8Array<ArrayBufferLike> = new Uint8Array(0);
  /**
   * Per term: the last doc number of its main postings (−1: none), so a merge can append the tail
   * after a byte-for-byte copy of the term's main bytes; null until known (a restored index).
   */
  private mainLast: Int32Array | null = new Int32Array(0);
  /** False once a doc was removed since the last merge: main may hold dead postings to drop. */
  private mainClean = true;
  /**
   * The arrays mainData and mainPos are views of, with room to grow, when this index allocated
   * them (null for a restored index: its main is a view of the snapshot and must not be written).
   * A growing index merges in place: main's bytes move up to their new offsets and the tail is
   * written into the gaps, so most merges allocate nothing; new arrays (×1.5) only when full.
   * Allocating ~2 × main bytes per merge drove V8's major GCs (each marks the whole heap).
   * Each merge hands out new views, so readers' caches keyed by the main array still reset.
   */
  private dataRoom: Uint8Array | null = null;
  private posRoom: Uint8Array | null = null;

  // tail: per-term linked lists, newest first. A posting is one record of TAIL_REC Int32s (doc,
  // tf | field word << 8, start of its positions in tailPos, next posting + 1), so the merge's
  // gather by term reads one place per posting; tailTerm keeps each posting's term for it.
  // commit() only appends records; the lists and df are brought up to date lazily (linkTail),
  // when something reads them, so a bulk build without searches never links (see `df`).
  private headOfTerm = new GrowableArray(Int32Array, 1024); // posting index + 1; 0 = none
  /** Tail postings [0, linked) are in the per-term lists and counted in df. */
  private linked = 0;
  tailRec = new GrowableArray(Int32Array, 1024 * TAIL_REC);
  tailTerm = new GrowableArray(Int32Array, 1024);
  tailPos = new GrowableArray(Uint8Array, 4096);

  constructor(readonly withPositions: boolean) {}

  get size(): number {
    return this.dict.size;
  }
  get terms(): readonly string[] {
    return this.dict.terms;
  }
  get tailPostings(): number {
    return this.tailTerm.length;
  }
  /** Bytes the tail's postings use (records, terms, positions). */
  get tailBytes(): number {
    return this.tailTerm.length * TAIL_POSTING_BYTES + this.tailPos.length;
  }

  /**
   * Gives each index's tail room for `postings` postings and `posBytes` bytes of positions at
   * once (a bulk load's budget): arrays that double as they fill copy themselves each time and
   * touch fresh pages (kernel time) for ~2× their final size; reserved room is touched only as
   * it is used. All the room is one ArrayBuffer (the arrays are views of it): V8 counts array
   * buffers as external memory and starts a major GC (marking the whole heap) at each 64–128 MB
   * of it allocated since the last one, so five separate arrays cost three full GCs, one buffer
   * one. An array that outgrows its room still grows as usual (the buffer stays while any view
   * of it does).
   */
  static reserveTails(plans: readonly { index: PostingIndex; postings: number; posBytes: number }[]): void {
    let ints = 0;
    let bytes = 0;
    for (const { index, postings, posBytes } of plans) {
      ints += postings * (TAIL_REC + 1);
      if (index.withPositions) bytes += posBytes;
    }
    const buffer = new ArrayBuffer(ints * 4 + bytes);
    let at = 0;
    let posAt = ints * 4;
    for (const { index, postings, posBytes } of plans) {
      index.tailRec.adopt(new Int32Array(buffer, at, postings * TAIL_REC));
      at += postings * TAIL_REC * 4;
      index.tailTerm.adopt(new Int32Array(buffer, at, postings));
      at += postings * 4;
      if (index.withPositions) {
        index.tailPos.adopt(new Uint8Array(buffer, posAt, posBytes));
        posAt += posBytes;
      }
    }
  }

  /**
   * The unused capacity of the tail's records, which nothing reads until the next commit: a
   * merge of the other index may use it as its scratch (see MergeScratch.lend).
   */
  tailRoom(): Uint8Array {
    const d = this.tailRec.data;
    const used = this.tailRec.length * 4;
    return new Uint8Array(d.buffer, d.byteOffset + used, d.byteLength - used);
  }

  /**
   * The tail's record array, whose contents are dead once this index has merged (kept for the
   * next tail, or dropped after a bulk load): the other index's merge may use it as its scratch.
   */
  spentTail(): Uint8Array {
    const d = this.tailRec.data;
    return new Uint8Array(d.buffer, d.byteOffset, d.byteLength);
  }

  /** Live document frequency per term (reading it links the tail first). */
  get df(): GrowableArray<Int32Array> {
    if (this.linked !== this.tailTerm.length) this.linkTail();
    return this.liveDf;
  }

  /** Per term, its newest tail posting + 1 (0: none); reading it links the tail first. */
  get tailHead(): GrowableArray<Int32Array> {
    if (this.linked !== this.tailTerm.length) this.linkTail();
    return this.headOfTerm;
  }

  /**
   * Links the tail postings committed since the last link into their terms' lists and counts
   * them in df: the per-posting random access (two per-term arrays) that commit() used to pay
   * for every posting, now paid only by indexes that are read between puts. A merge counts
   * unlinked postings per term in its own pass (appendTail) and adds them to df in term order.
   */
  private linkTail(): void {
    const T = this.tailTerm.length;
    const tterm = this.tailTerm.data;
    const rec = this.tailRec.data;
    const head = this.headOfTerm.data;
    const df = this.liveDf.data;
    for (let k = this.linked; k < T; k++) {
      const id = tterm[k]!;
      df[id]!++;
      rec[k * TAIL_REC + 3] = head[id]!;
      head[id] = k + 1;
    }
    this.linked = T;
  }

  idOf(term: string): number {
    return this.dict.get(term);
  }

  /** The id of `term` (`hash` = TermDict.hash(term)), adding it when new. */
  private intern(term: string, hash: number): number {
    const id = this.dict.internHashed(term, hash);
    if (id === this.liveDf.length) {
      this.liveDf.push(0);
      this.headOfTerm.push(0);
    }
    return id;
  }

  // ---- one document at a time, without per-document maps: hitWords() per field, then commit().
  /**
   * Per word of the analyzer's vocabulary (src/analysis/vocabulary.ts), side by side so one
   * token reads one place: [2w] its term id + 1 (0: not looked up yet; a word is exactly one
   * term, as both are the same string), [2w + 1] its entry + 1 in the document being indexed.
   */
  private byWord = new Int32Array(2048);
  /** The vocabulary epoch byWord's word ids belong to (see Vocabulary.clear). */
  private wordEpoch = 0;
  /** Per local entry (distinct term of the document): term id, word id, body tf, field word. */
  private docIds = new Int32Array(256);
  private docWords = new Int32Array(256);
  private docTf = new Int32Array(256);
  private docBits = new Int32Array(256);
  private docTerms = 0;
  /** (local entry, position) pairs in token order. */
  private pairEntry = new Int32Array(1024);
  private pairPos = new Int32Array(1024);
  private pairs = 0;
  private posStarts = new Int32Array(257);

  /** Before a document's hitWords calls: forgets byWord when the vocabulary started a new epoch. */
  useWordEpoch(epoch: number): void {
    if (epoch === this.wordEpoch) return;
    this.byWord.fill(0);
    this.wordEpoch = epoch;
  }

  /** Frees the word → term table and the dictionary's probe hashes (the vocabulary was released; see SearchEngine.merge). */
  forgetWords(): void {
    this.dict.releaseHashes();
    this.byWord = new Int32Array(2048);
    this.wordEpoch = -1;
  }

  /**
   * Records one field's tokens of the document being indexed: `ids[0 … n)` are words of the
   * vocabulary whose strings are `words` and FNV-1a hashes `hashes` (a word is looked up in the
   * dictionary only the first time this index sees it, by the vocabulary's hash), token i at virtual position `base + i`. Each token adds `bodyTf` (1 in the
   * body) and, for i < `bitsEnd`, its field word contribution `bits` (FieldBits: 1 for a title
   * token's tf, a meta bit, the lead bit). One call per field and index: the loop keeps the
   * scratch arrays in registers, and each index's tables are walked on their own.
   */
  hitWords(ids: Int32Array, n: number, words: readonly string[], hashes: Uint32Array, bodyTf: number, bits: number, bitsEnd: number, base: number): void {
    if (words.length * 2 > this.byWord.length) this.byWord = grown(this.byWord, Math.max(words.length * 2, this.byWord.length * 2));
    let docTerms = this.docTerms;
    if (docTerms + n > this.docIds.length) this.growDoc(docTerms + n);
    const withPositions = this.withPositions;
    let pairs = this.pairs;
    if (withPositions && pairs + n > this.pairEntry.length) {
      const cap = Math.max(pairs + n, this.pairEntry.length * 2);
      this.pairEntry = grown(this.pairEntry, cap);
      this.pairPos = grown(this.pairPos, cap);
    }
    const byWord = this.byWord;
    const docIds = this.docIds;
    const docWords = this.docWords;
    const docTf = this.docTf;
    const docBits = this.docBits;
    const pairEntry = this.pairEntry;
    const pairPos = this.pairPos;
    // Title tf saturates at 7 (three bits); other fields OR their bit in.
    const titleTf = (bits & FieldBits.titleMask) !== 0;
    for (let i = 0; i < n; i++) {
      const w = ids[i]!;
      const j = w * 2;
      let e = byWord[j + 1]! - 1;
      if (e < 0) {
        let id = byWord[j]! - 1;
        if (id < 0) {
          id = this.intern(words[w]!, hashes[w]!);
          byWord[j] = id + 1;
        }
        e = docTerms++;
        byWord[j + 1] = e + 1;
        docIds[e] = id;
        docWords[e] = w;
        docTf[e] = 0;
        docBits[e] = 0;
      }
      docTf[e] += bodyTf;
      if (i < bitsEnd) {
        const b = docBits[e]!;
        if (!titleTf) docBits[e] = b | bits;
        else if ((b & FieldBits.titleMask) < FieldBits.titleMask) docBits[e] = b + 1;
      }
      if (withPositions) {
        pairEntry[pairs] = e;
        pairPos[pairs++] = base + i;
      }
    }
    this.docTerms = docTerms;
    this.pairs = pairs;
  }

  private growDoc(need: number): void {
    const n = Math.max(need, this.docIds.length * 2);
    this.docIds = grown(this.docIds, n);
    this.docWords = grown(this.docWords, n);
    this.docTf = grown(this.docTf, n);
    this.docBits = grown(this.docBits, n);
  }

  /** Writes the recorded document as `doc`'s postings and clears the scratch state. */
  commit(doc: number): void {
    const n = this.docTerms;
    const pairs = this.pairs;
    const pairEntry = this.pairEntry;
    const pairPos = this.pairPos;
    // Group positions by entry (counting sort keeps token order, so positions stay ascending);
    // afterwards posStarts[e] is the end of entry e's positions in pairPos order.
    let posStarts = this.posStarts;
    if (this.withPositions) {
      if (posStarts.length < n + 1) posStarts = this.posStarts = new Int32Array(Math.max(n + 1, posStarts.length * 2));
      posStarts.fill(0, 0, n + 1);
      for (let k = 0; k < pairs; k++) posStarts[pairEntry[k]! + 1]!++;
      for (let e = 0; e < n; e++) posStarts[e + 1]! += posStarts[e]!;
      // Worst case 5 bytes per varint: the count and each position gap.
      this.tailPos.ensure(this.tailPos.length + 5 * (n + pairs));
    }
    const base = this.tailTerm.length;
    this.tailTerm.ensure(base + n);
    this.tailRec.ensure((base + n) * TAIL_REC);
    const rec = this.tailRec.data;
    const tterm = this.tailTerm.data;
    const byWord = this.byWord;
    for (let e = 0; e < n; e++) {
      byWord[this.docWords[e]! * 2 + 1] = 0;
      const k = base + e;
      const r = k * TAIL_REC;
      rec[r] = doc;
      rec[r + 1] = Math.min(255, this.docTf[e]!) | (this.docBits[e]! << 8);
      tterm[k] = this.docIds[e]!;
    }
    this.tailTerm.length = base + n;
    this.tailRec.length = (base + n) * TAIL_REC;
    if (this.withPositions) {
      // Scatter positions into token order per entry, then write each entry's varints.
      const order = this.posOrder.length >= pairs ? this.posOrder : (this.posOrder = new Int32Array(pairs * 2));
      for (let k = 0; k < pairs; k++) order[posStarts[pairEntry[k]!]!++] = pairPos[k]!;
      const out = this.tailPos.data;
      let o = this.tailPos.length;
      let from = 0;
      for (let e = 0; e < n; e++) {
        rec[(base + e) * TAIL_REC + 2] = o;
        const to = posStarts[e]!;
        o = putVarint(out, o, to - from);
        let prev = 0;
        for (let j = from; j < to; j++) {
          o = putVarint(out, o, order[j]! - prev);
          prev = order[j]!;
        }
        from = to;
      }
      this.tailPos.length = o;
    }
    this.docTerms = 0;
    this.pairs = 0;
  }
  private posOrder = new Int32Array(1024);

  /** Called when a document is removed: its postings stay until the next merge, but df drops. */
  removeDoc(terms: Iterable<string>): void {
    this.mainClean = false;
    const df = this.df.data;
    for (const t of terms) {
      const id = this.dict.get(t);
      if (id >= 0) df[id]!--;
    }
  }

  /**
   * Visits the postings of `id` whose document is live (`dead[doc] === 0`). Positions are only
   * located (posRef ≥ 0 or < −1) when `wantPositions`; scoring scans skip them.
   */
  scan(id: number, dead: Uint8Array, visit: PostingVisitor, wantPositions = false): void {
    if (id < 0) return;
    this.scanMain(id, dead, visit, wantPositions);
    const rec = this.tailRec.data;
    const withPos = wantPositions && this.withPositions;
    for (let k = this.tailHead.data[id]! - 1; k >= 0; k = rec[k * TAIL_REC + 3]! - 1) {
      const r = k * TAIL_REC;
      const d = rec[r]!;
      // posRef for tail postings: −(byte offset + 2) in tailPos (−1 means none).
      if (dead[d] === 0) visit(d, rec[r + 1]! & 0xff, rec[r + 1]! >>> 8, withPos ? -(rec[r + 2]! + 2) : -1);
    }
  }

  /** The main part of scan (`dead` null: every posting). */
  private scanMain(id: number, dead: Uint8Array | null, visit: PostingVisitor, wantPositions: boolean): void {
    if (id < this.mainTerms) {
      const data = this.mainData;
      const end = this.mainOff[id + 1]!;
      const withPos = wantPositions && this.withPositions;
      const pp = { i: withPos ? this.mainPosOff[id]! : 0 };
      const bytes = this.mainPos;
      let i = this.mainOff[id]!;
      let doc = -1;
      while (i < end) {
        // Inline varints: doc gap, then tf·2 + hasBits, then the field word when present.
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
          // posRef for main postings: the byte offset of the posting's positions.
          at = pp.i;
          const n = readVarint(bytes, pp);
          for (let j = 0; j < n; j++) readVarint(bytes, pp);
        }
        if (dead === null || dead[doc] === 0) visit(doc, t >>> 1, bits, at);
      }
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
   * Folds the tail into main, dropping postings of dead docs (terms left with no postings stay
   * in the dictionary: ids are stable). The tail's arrays keep their capacity for the next tail
   * (it grows at least as large before the next automatic merge), unless `release`: then their
   * memory is given back (after a bulk build). Reallocating them at every merge was most of the
   * build's ArrayBuffer churn, which drives V8's major GCs (each one marks the whole heap).
   */
  merge(dead: Uint8Array, release = false, scratch?: MergeScratch): void {
    const appending = this.mainClean && this.mainLast !== null;
    if (!appending) this.linkTail(); // the decoding path leaves df to linkTail
    const m = appending ? this.appendTail(dead, this.mainLast!, true, release, scratch) : this.build(dead);
    if (appending) {
      // appendTail counted each term's unlinked postings (all live: removals link first).
      const added = m.added!;
      const df = this.liveDf.data;
      for (let id = 0; id < m.terms; id++) df[id]! += added[id]!;
    }
    this.mainTerms = m.terms;
    this.mainPostings = m.postings;
    this.mainOff = m.off;
    this.mainData = m.data;
    this.mainPosOff = m.posOff;
    this.mainPos = m.pos;
    this.mainLast = m.last;
    this.mainClean = true;
    this.dataRoom = m.dataRoom;
    this.posRoom = m.posRoom;
    if (release) {
      this.headOfTerm = new GrowableArray(Int32Array, this.terms.length);
      this.tailRec = new GrowableArray(Int32Array, 1024 * TAIL_REC);
      this.tailTerm = new GrowableArray(Int32Array, 1024);
      this.tailPos = new GrowableArray(Uint8Array, 4096);
    } else {
      this.headOfTerm.ensure(this.terms.length);
      this.headOfTerm.data.fill(0, 0, this.terms.length);
      this.tailRec.length = 0;
      this.tailTerm.length = 0;
      this.tailPos.length = 0;
    }
    this.headOfTerm.length = this.terms.length;
    this.linked = 0;
  }

  /**
   * The merged main arrays, without changing this index. `remap` renumbers docs (compaction for
   * snapshots; −1 drops a doc); remapping keeps doc order, so gaps stay positive.
   */
  build(dead: Uint8Array, remap?: Int32Array) {
    // Main holds no dead postings and needs no renumbering (every merge of a growing index).
    if (!remap && this.mainClean && this.mainLast !== null) return this.appendTail(dead, this.mainLast, false, false);
    const nTerms = this.terms.length;
    // Tail postings grouped by term, in doc order (counting sort; tail index order = doc order).
    const T = this.tailTerm.length;
    const start = new Int32Array(nTerms + 1);
    const tterm = this.tailTerm.data;
    for (let k = 0; k < T; k++) start[tterm[k]! + 1]!++;
    for (let id = 0; id < nTerms; id++) start[id + 1]! += start[id]!;
    const order = new Int32Array(T);
    const fill = start.slice(0, nTerms);
    for (let k = 0; k < T; k++) order[fill[tterm[k]!]!++] = k;

    // Main holds no dead postings and needs no renumbering: copy each term's bytes as they are
    // (the encoding is canonical, so this equals decoding and re-encoding them).
    const mainLast = this.mainLast;
    const copyMain = !remap && this.mainClean && mainLast !== null;
    const off = new Int32Array(nTerms + 1);
    const last = new Int32Array(nTerms);
    // At most 7 bytes per tail posting (gap < 2^21, tf·2+1 < 2^14, bits < 2^14).
    const out = new ByteWriter(Math.max(1024, this.mainData.length + T * 7));
    const posOff = new Int32Array(this.withPositions ? nTerms + 1 : 1);
    const pos = new ByteWriter(this.withPositions ? this.mainPos.length + this.tailPos.length + 16 : 16);
    const mp = { i: 0 };
    let postings = copyMain ? this.mainPostings : 0;
    let prev = -1;
    const withPositions = this.withPositions;
    // One main posting out (decoding path): doc gap, tf·2 + hasBits, [bits]; positions copied.
    const mainVisit = (d: number, tf: number, bits: number, at: number) => {
      if (dead[d] !== 0 || (remap && remap[d]! < 0)) return;
      const nd = remap ? remap[d]! : d;
      out.varint(nd - prev);
      prev = nd;
      out.varint(tf * 2 + (bits ? 1 : 0));
      if (bits) out.varint(bits);
      if (withPositions) {
        mp.i = at;
        const n = readVarint(this.mainPos, mp);
        for (let j = 0; j < n; j++) readVarint(this.mainPos, mp);
        pos.bytes(this.mainPos, at, mp.i);
      }
      postings++;
    };
    const rec = this.tailRec.data;
    const tailPos = this.tailPos.data;
    const tailPosEnd = this.tailPos.length;
    const mainData = this.mainData;
    const mainOff = this.mainOff;
    const mainPos = this.mainPos;
    const mainPosOff = this.mainPosOff;
    for (let id = 0; id < nTerms; id++) {
      if (copyMain && id < this.mainTerms && start[id] === start[id + 1]) {
        // A run of terms without tail postings: one block copy, offsets shifted.
        let end = id + 1;
        while (end < this.mainTerms && start[end] === start[end + 1]) end++;
        const shift = out.length - mainOff[id]!;
        out.bytes(mainData, mainOff[id]!, mainOff[end]!);
        for (let t = id; t < end; t++) off[t] = mainOff[t]! + shift;
        last.set(mainLast.subarray(id, end), id);
        if (withPositions) {
          const pshift = pos.length - mainPosOff[id]!;
          pos.bytes(mainPos, mainPosOff[id]!, mainPosOff[end]!);
          for (let t = id; t < end; t++) posOff[t] = mainPosOff[t]! + pshift;
        }
        id = end - 1;
        continue;
      }
      off[id] = out.length;
      if (withPositions) posOff[id] = pos.length;
      prev = -1;
      if (id < this.mainTerms) {
        if (copyMain) {
          out.bytes(mainData, mainOff[id]!, mainOff[id + 1]!);
          if (withPositions) pos.bytes(mainPos, mainPosOff[id]!, mainPosOff[id + 1]!);
          prev = mainLast[id]!;
        } else this.scanMain(id, null, mainVisit, withPositions);
      }
      for (let j = start[id]!; j < start[id + 1]!; j++) {
        const k = order[j]!;
        const r = k * TAIL_REC;
        const d = rec[r]!;
        if (dead[d] !== 0 || (remap && remap[d]! < 0)) continue;
        const nd = remap ? remap[d]! : d;
        const bits = rec[r + 1]! >>> 8;
        out.varint(nd - prev);
        prev = nd;
        out.varint((rec[r + 1]! & 0xff) * 2 + (bits ? 1 : 0));
        if (bits) out.varint(bits);
        // A tail posting's positions end where the next tail posting's start (appended in order).
        if (withPositions) pos.bytes(tailPos, rec[r + 2]!, k + 1 < T ? rec[r + 2 + TAIL_REC]! : tailPosEnd);
        postings++;
      }
      last[id] = prev;
    }
    off[nTerms] = out.length;
    if (this.withPositions) posOff[nTerms] = pos.length;
    const noRoom = null as Uint8Array | null;
    return { terms: nTerms, postings, off, data: out.result(), posOff, pos: pos.result(), last, added: null as Int32Array | null, dataRoom: noRoom, posRoom: noRoom };
  }

  /**
   * build() when main's bytes are kept as they are: each term's tail postings are appended after
   * its main bytes. A sizing pass over the tail in commit (= doc) order sums every term's new
   * bytes, so offsets are known and the output is allocated once. Writing each posting at its
   * term's cursor in doc order lands every one at a random place (on a large tail the terms'
   * cursors and state outgrow the caches: a cache and TLB miss or two per posting), so the
   * writing pass goes by term range instead: the tail's postings of a group of buckets
   * (2^bucketBits terms each, see MergeScratch) are first copied, stable, into a scratch partition (see
   * partitionGroup: sequential reads, one write stream per bucket), then written bucket by bucket,
   * where a bucket's per-term state and its terms' cursors stay in cache. The scratch is reused
   * by every group (fresh pages cost more than the copy). Same bytes (canonical encoding).
   */
  private appendTail(dead: Uint8Array, mainLast: Int32Array, inPlace: boolean, exact: boolean, scratch = new MergeScratch()) {
    const nTerms = this.terms.length;
    const mainTerms = this.mainTerms;
    const withPositions = this.withPositions;
    const T = this.tailTerm.length;
    const linked = this.linked;
    const tterm = this.tailTerm.data;
    const rec = this.tailRec.data;
    const tailPosEnd = this.tailPos.length;
    const mainOff = this.mainOff;
    const mainPosOff = this.mainPosOff;
    // Per term, side by side (one cache line per posting, not one per array): [S·id] last doc
    // written (main's last, then each tail posting's), [+1] bytes of its tail postings, later the
    // write cursor, [+2] the same for positions, [+3] its postings not yet in df (linkTail
    // counted the first `linked`).
    const S = 4;
    const st = new Int32Array(nTerms * S);
    for (let id = 0; id < nTerms; id++) st[id * S] = id < mainTerms ? mainLast[id]! : -1;
    const bucketBits = scratch.bucketBits;
    const bucketMask = (1 << bucketBits) - 1;
    const buckets = (nTerms >>> bucketBits) + 1;
    // Live tail postings per bucket (the writing pass's groups are cut by them).
    const bucketPostings = new Int32Array(buckets);
    let postings = this.mainPostings;
    for (let k = 0; k < T; k++) {
      const id = tterm[k]!;
      const j = id * S;
      if (k >= linked) st[j + 3]!++;
      const r = k * TAIL_REC;
      const d = rec[r]!;
      if (dead[d] !== 0) continue;
      const tb = rec[r + 1]!;
      const bits = tb >>> 8;
      const gap = d - st[j]!;
      st[j + 1]! += varintLength(gap) + varintLength((tb & 0xff) * 2 + (bits ? 1 : 0)) + (bits ? varintLength(bits) : 0);
      st[j] = d;
      // A tail posting's positions end where the next tail posting's start (appended in order).
      if (withPositions) st[j + 2]! += (k + 1 < T ? rec[r + 2 + TAIL_REC]! : tailPosEnd) - rec[r + 2]!;
      bucketPostings[id >>> bucketBits]!++;
      postings++;
    }
    // Offsets: a term's main bytes, then its tail bytes; cursors at the end of its main bytes,
    // and the last doc back to main's (the writing pass computes the gaps again).
    const off = new Int32Array(nTerms + 1);
    const posOff = new Int32Array(withPositions ? nTerms + 1 : 1);
    const last = new Int32Array(nTerms);
    const added = new Int32Array(nTerms);
    // Tail position bytes per bucket, for the scratch's size.
    const bucketPosBytes = new Int32Array(withPositions ? buckets : 0);
    let o = 0;
    let p = 0;
    for (let id = 0; id < nTerms; id++) {
      const j = id * S;
      last[id] = st[j]!;
      added[id] = st[j + 3]!;
      off[id] = o;
      const mainLen = id < mainTerms ? mainOff[id + 1]! - mainOff[id]! : 0;
      o += mainLen + st[j + 1]!;
      st[j + 1] = off[id]! + mainLen;
      if (withPositions) {
        posOff[id] = p;
        const mainPosLen = id < mainTerms ? mainPosOff[id + 1]! - mainPosOff[id]! : 0;
        p += mainPosLen + st[j + 2]!;
        bucketPosBytes[id >>> bucketBits]! += st[j + 2]!;
        st[j + 2] = posOff[id]! + mainPosLen;
      }
      st[j] = id < mainTerms ? mainLast[id]! : -1;
    }
    off[nTerms] = o;
    if (withPositions) posOff[nTerms] = p;
    const dataRoom = inPlace ? moveOrCopy(this.mainData, this.dataRoom, mainOff, off, mainTerms, o, exact) : null;
    const data = dataRoom ? dataRoom.subarray(0, o) : new Uint8Array(o);
    if (!dataRoom) copyShifted(this.mainData, mainOff, off, mainTerms, data);
    const posRoom = inPlace && withPositions ? moveOrCopy(this.mainPos, this.posRoom, mainPosOff, posOff, mainTerms, p, exact) : null;
    const pos = posRoom ? posRoom.subarray(0, p) : new Uint8Array(withPositions ? p : 0);
    if (withPositions && !posRoom) copyShifted(this.mainPos, mainPosOff, posOff, mainTerms, pos);
    // Groups of whole buckets holding about groupPostings live postings (a bucket of very
    // common terms may hold more: it is a group alone).
    const groupEnds: number[] = [];
    let most = 0;
    let mostPos = 0;
    for (let b = 0, n = 0, nPos = 0; b < buckets; b++) {
      n += bucketPostings[b]!;
      if (withPositions) nPos += bucketPosBytes[b]!;
      if (n >= scratch.groupPostings || b === buckets - 1) {
        groupEnds.push(b + 1);
        most = Math.max(most, n);
        mostPos = Math.max(mostPos, nPos);
        n = 0;
        nPos = 0;
      }
    }
    scratch.reserve(most * 2, mostPos, buckets + 1);
    let from = 0;
    for (const to of groupEnds) {
      partitionGroup(scratch, from, to, tterm, T, rec, dead, withPositions ? this.tailPos : null, bucketPostings, bucketPosBytes);
      const recs = scratch.recs;
      const partPos = scratch.pos;
      const bucketStart = scratch.bucketStart;
      // Writing, bucket by bucket; the group's positions are in record order.
      let q = 0;
      for (let b = from; b < to; b++) {
        const lo = (b << bucketBits) * S;
        for (let i = bucketStart[b]!; i < bucketStart[b + 1]!; i++) {
          const w = i * 2;
          const lt = recs[w + 1]!;
          const j = lo + (lt & bucketMask) * S;
          const tb = lt >>> bucketBits;
          const bits = tb >>> 8;
          const d = recs[w]!;
          let c = putVarint(data, st[j + 1]!, d - st[j]!);
          st[j] = d;
          c = putVarint(data, c, (tb & 0xff) * 2 + (bits ? 1 : 0));
          if (bits) c = putVarint(data, c, bits);
          st[j + 1] = c;
          if (withPositions) {
            // The posting's positions: a varint count, then that many varints (copied as bytes).
            let x = st[j + 2]!;
            let byte = partPos[q++]!;
            pos[x++] = byte;
            let n = byte & 0x7f;
            for (let sh = 7; byte & 0x80; sh += 7) {
              byte = partPos[q++]!;
              pos[x++] = byte;
              n |= (byte & 0x7f) << sh;
            }
            while (n > 0) {
              byte = partPos[q++]!;
              pos[x++] = byte;
              if (byte < 0x80) n--;
            }
            st[j + 2] = x;
          }
        }
      }
      from = to;
    }
    return { terms: nTerms, postings, off, data, posOff, pos, last, added, dataRoom, posRoom };
  }

  /** Restores a merged index (from serialize); `table` is the dictionary's saved hash table (see TermDict.restore). */
  static restore(
    withPositions: boolean,
    terms: readonly string[],
    table: Int32Array,
    df: Int32Array,
    m: { postings: number; off: Int32Array; data: Uint8Array; posOff: Int32Array; pos: Uint8Array },
  ): PostingIndex {
    const ix = new PostingIndex(withPositions);
    (ix as { dict: TermDict }).dict = TermDict.restore(terms, table);
    ix.liveDf.ensure(terms.length);
    ix.liveDf.data.set(df);
    ix.liveDf.length = terms.length;
    ix.headOfTerm.ensure(terms.length);
    ix.headOfTerm.length = terms.length;
    ix.mainTerms = terms.length;
    ix.mainPostings = m.postings;
    ix.mainOff = m.off;
    ix.mainData = m.data;
    ix.mainPosOff = m.posOff;
    ix.mainPos = m.pos;
    ix.mainLast = null; // computed by the first merge
    return ix;
  }
}

/** A copy of `a` with room for `n` entries. */
function grown(a: Int32Array, n: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(n);
  b.set(a);
  return b;
}

/** Bytes of varint `v` (v ≥ 0). */
function varintLength(v: number): number {
  return v < 0x80 ? 1 : v < 0x4000 ? 2 : v < 0x200000 ? 3 : v < 0x10000000 ? 4 : 5;
}

/**
 * Copies the first `terms` terms' byte ranges from src (offsets srcOff) to dst at offsets dstOff,
 * one block per run of terms whose shift is the same (runs end at terms that grew).
 */
function copyShifted(src: Uint8Array, srcOff: Int32Array, dstOff: Int32Array, terms: number, dst: Uint8Array): void {
  let t = 0;
  while (t < terms) {
    const shift = dstOff[t]! - srcOff[t]!;
    let end = t + 1;
    while (end < terms && dstOff[end]! - srcOff[end]! === shift) end++;
    // Terms t … end − 1 share the shift; the last of them may be followed by its tail bytes.
    // Most runs are a few bytes (many terms grow at each merge): a loop, since a subarray view
    // per run was most of the copy's cost (an object per run, and the GC of them).
    const from = srcOff[t]!;
    const to = srcOff[end]!;
    if (to - from < 256) {
      for (let i = from, o = from + shift; i < to; i++, o++) dst[o] = src[i]!;
    } else dst.set(src.subarray(from, to), from + shift);
    t = end;
  }
}

/**
 * Main's bytes at their new offsets `dstOff` (≥ srcOff, the shift growing with the term) for a
 * merge writing `size` bytes: moved up inside `room` when main is its view and it is large
 * enough, else copied into a new array with half again as much room (`exact`: exactly `size`
 * bytes, for the merge after a bulk build). Returns the array; the bytes between terms are
 * left for the tail postings (appendTail writes every one of them).
 */
function moveOrCopy(main: Uint8Array, room: Uint8Array | null, srcOff: Int32Array, dstOff: Int32Array, terms: number, size: number, exact: boolean): Uint8Array {
  if (room !== null && room.buffer === main.buffer && main.byteOffset === room.byteOffset && size <= room.length && !(exact && room.length !== size)) {
    moveShifted(room, srcOff, dstOff, terms);
    return room;
  }
  const next = new Uint8Array(exact ? size : size + (size >>> 1));
  // One bulk copy at the old offsets, then the same moves as in place (copyWithin, no views).
  next.set(main.subarray(0, srcOff[terms]!));
  moveShifted(next, srcOff, dstOff, terms);
  return next;
}

/**
 * copyShifted inside one array: runs of terms with the same shift move up, last run first, so
 * no run overwrites bytes not yet moved (shifts never decrease with the term id).
 */
function moveShifted(buf: Uint8Array, srcOff: Int32Array, dstOff: Int32Array, terms: number): void {
  let t = terms;
  while (t > 0) {
    const shift = dstOff[t - 1]! - srcOff[t - 1]!;
    let start = t - 1;
    while (start > 0 && dstOff[start - 1]! - srcOff[start - 1]! === shift) start--;
    const from = srcOff[start]!;
    const to = srcOff[t]!;
    if (shift !== 0) {
      // copyWithin costs ~50 ns a call (no view object), a byte loop ~1 ns a byte.
      if (to - from < 32) {
        for (let i = to - 1; i >= from; i--) buf[i + shift] = buf[i]!;
      } else buf.copyWithin(from + shift, from, to);
    }
    t = start;
  }
}


/**
 * appendTail's partition (records, their positions, where each bucket's records start), reused
 * by every group and, when the engine passes one to both indexes' merges, by both: fresh pages
 * cost ~1–2 ms of CPU a MB here (page faults), more than the partition's copy itself.
 */
export class MergeScratch {
  /**
   * `bucketBits`: terms per bucket are 2^bucketBits (10: a bucket's per-term state is 16 KB, its
   * terms' write cursors ~2,000 lines). `groupPostings`: live postings per group of buckets
   * partitioned at once (the scratch's size; a bucket of common terms may hold more). Tests use
   * small values to exercise many buckets and groups.
   */
  constructor(
    readonly bucketBits = 10,
    readonly groupPostings = 1 << 24,
  ) {}
  recs: Int32Array<ArrayBufferLike> = new Int32Array(0);
  pos: Uint8Array<ArrayBufferLike> = new Uint8Array(0);
  bucketStart = new Int32Array(0);
  /** Memory lent for the next merge (see lend), or null. */
  private room: Uint8Array | null = null;

  /**
   * Lends the next merge memory nothing else reads meanwhile (the other index's spare or spent
   * tail records, see SearchEngine.mergeTails): the partition is carved from it when it fits,
   * so a merge allocates no fresh scratch (its pages are already touched, and a new array is
   * external memory that starts a major GC). Forgets the partition arrays of the last merge.
   */
  lend(room: Uint8Array): void {
    this.room = room;
    this.recs = new Int32Array(0);
    this.pos = new Uint8Array(0);
  }

  /** Room for `ints` record Int32s, `bytes` position bytes and `starts` bucket starts. */
  reserve(ints: number, bytes: number, starts: number): void {
    if (this.recs.length < ints || this.pos.length < bytes) {
      const room = this.room;
      // Int32 views need 4-byte alignment.
      const skip = room ? (4 - (room.byteOffset & 3)) & 3 : 0;
      if (room && room.byteLength >= skip + ints * 4 + bytes) {
        this.recs = new Int32Array(room.buffer, room.byteOffset + skip, ints);
        this.pos = new Uint8Array(room.buffer, room.byteOffset + skip + ints * 4, bytes);
      } else {
        if (this.recs.length < ints) this.recs = new Int32Array(ints);
        if (this.pos.length < bytes) this.pos = new Uint8Array(bytes);
      }
    }
    if (this.bucketStart.length < starts) this.bucketStart = new Int32Array(starts);
  }
}

/**
 * Copies the live tail postings of buckets [from, to) into the scratch, grouped by bucket and
 * stable (commit = doc order within a bucket, so within each term): one sequential pass over the
 * tail, one write stream per bucket (a few hundred, which the caches hold). A record is two
 * Int32s: doc, and the term's place in its bucket | the tail's tf · field word << bucketBits
 * (tf 8 bits and FieldBits' 9: 27 bits); with positions, their bytes are copied in record order
 * (a posting's length is read back from its varint count). `counts[b]`, `posBytes[b]`: bucket
 * b's live postings and their position bytes.
 */
function partitionGroup(
  scratch: MergeScratch,
  from: number,
  to: number,
  tterm: Int32Array,
  T: number,
  rec: Int32Array,
  dead: Uint8Array,
  tailPos: GrowableArray<Uint8Array> | null,
  counts: Int32Array,
  posBytes: Int32Array,
): void {
  const bucketBits = scratch.bucketBits;
  const bucketMask = (1 << bucketBits) - 1;
  const bucketStart = scratch.bucketStart;
  bucketStart[from] = 0;
  for (let b = from; b < to; b++) bucketStart[b + 1] = bucketStart[b]! + counts[b]!;
  const cursor = bucketStart.slice(from, to);
  const recs = scratch.recs;
  const lo = from << bucketBits;
  const hi = to << bucketBits;
  if (!tailPos) {
    for (let k = 0; k < T; k++) {
      const id = tterm[k]!;
      if (id < lo || id >= hi) continue;
      const r = k * TAIL_REC;
      const d = rec[r]!;
      if (dead[d] !== 0) continue;
      const w = cursor[(id >>> bucketBits) - from]!++ * 2;
      recs[w] = d;
      recs[w + 1] = (id & bucketMask) | (rec[r + 1]! << bucketBits);
    }
    return;
  }
  // Each bucket's positions start where the previous bucket's end.
  const posEnd = tailPos.length;
  const src = tailPos.data;
  const posCursor = new Int32Array(to - from);
  for (let b = 1; b < to - from; b++) posCursor[b] = posCursor[b - 1]! + posBytes[from + b - 1]!;
  const pos = scratch.pos;
  for (let k = 0; k < T; k++) {
    const id = tterm[k]!;
    if (id < lo || id >= hi) continue;
    const r = k * TAIL_REC;
    const d = rec[r]!;
    if (dead[d] !== 0) continue;
    const b = (id >>> bucketBits) - from;
    const w = cursor[b]!++ * 2;
    recs[w] = d;
    recs[w + 1] = (id & bucketMask) | (rec[r + 1]! << bucketBits);
    // A tail posting's positions end where the next tail posting's start (appended in order).
    const end = k + 1 < T ? rec[r + 2 + TAIL_REC]! : posEnd;
    let o = posCursor[b]!;
    for (let i = rec[r + 2]!; i < end; i++) pos[o++] = src[i]!;
    posCursor[b] = o;
  }
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

/** Appends varints and byte ranges to a growing buffer. */
class ByteWriter {
  private buf: Uint8Array;
  length = 0;
  constructor(capacity: number) {
    this.buf = new Uint8Array(capacity);
  }
  private ensure(n: number) {
    if (this.length + n <= this.buf.length) return;
    let cap = this.buf.length * 2;
    while (cap < this.length + n) cap *= 2;
    const next = new Uint8Array(cap);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }
  varint(v: number) {
    this.ensure(5);
    while (v >= 0x80) {
      this.buf[this.length++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    this.buf[this.length++] = v;
  }
  bytes(src: Uint8Array, from: number, to: number) {
    const n = to - from;
    this.ensure(n);
    if (n < 32) {
      // A short range (one posting's positions): a loop beats creating a subarray view.
      const buf = this.buf;
      let o = this.length;
      for (let i = from; i < to; i++) buf[o++] = src[i]!;
    } else this.buf.set(src.subarray(from, to), this.length);
    this.length += n;
  }
  /** The written bytes (a view when little capacity is left over, else a trimmed copy). */
  result(): Uint8Array {
    if (this.buf.length - this.length <= this.buf.length >>> 3) return this.buf.subarray(0, this.length);
    return this.buf.slice(0, this.length);
  }
}
