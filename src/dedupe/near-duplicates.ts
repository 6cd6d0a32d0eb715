/**
 * Syndicated-copy detection: MinHash (src/dedupe/minhash.ts) + LSH banding + verification.
 * Two bodies are copies when their estimated Jaccard similarity of 3-word shingles is at least
 * `similarity`, or when the shorter is mostly contained in the longer (a paper that ran a cut
 * version of the wire story): containment estimated from Jaccard and the two shingle counts,
 * |A∩B| = J·(|A|+|B|)/(1+J). Groups are the connected components of that "is a copy of" graph, so `remove` can
 * split a group exactly (no union-find, which cannot delete). Two guards keep templated series
 * (relief flight n and n+1, congratulation cables to different countries) from chaining into one
 * group: a new copy must also be close to the group's oldest member and be a copy of most of it.
 * Memory per document: the 16-bit signature (128 B) + band links (84 B) + bucket cells + shingle
 * count and day (6 B); edges are stored only for copies.
 * Bodies with fewer than MIN_SHINGLES shingles are not compared (too short to tell copies apart).
 */
import { ValidationError } from '../errors.ts';
import { BandTable } from './band-table.ts';
import { fmix32, shingleHashes, shingleHashesOf, signatureInto, signatureOfWords, SIGNATURE_SIZE } from './minhash.ts';

/** LSH banding: BANDS bands of ROWS signature values (21 × 3 of the 64): a pair with similarity
 *  0.6 becomes a candidate with probability 1 − (1 − 0.6³)²¹ ≈ 0.99, at 0.3 with ≈ 0.44. */
export const ROWS = 3;
export const BANDS = Math.floor(SIGNATURE_SIZE / ROWS);
export const MIN_SHINGLES = 10;

export interface NearDuplicateOptions {
  /** Estimated Jaccard similarity (3-word shingle sets) from which two bodies are copies. */
  similarity?: number;
  /** A new copy joins an existing group only if it is at least this similar to the group's
   *  oldest member too, so templated stories (weather reports, congratulation cables) do not
   *  chain into one big group. */
  leaderSimilarity?: number;
  /** Share of the shorter body's shingles found in the longer one from which they are copies… */
  containment?: number;
  /** …provided their Jaccard similarity is at least this (a short story inside a long roundup is not a copy). */
  containmentFloor?: number;
  /** When both dates are known, copies are at most this many days apart (wire copies run within
   *  days; a templated series — weather reports, congratulation cables — spans weeks). */
  maxDaysApart?: number;
  /** A new copy joins an existing group only if its mean "copy score" over the group's members
   *  (1 for a member it is a copy of, else their Jaccard similarity) reaches this. */
  groupCohesion?: number;
}

export const DEFAULT_OPTIONS: Required<NearDuplicateOptions> = {
  similarity: 0.6,
  leaderSimilarity: 0.45,
  containment: 0.8,
  containmentFloor: 0.25,
  maxDaysApart: 7,
  groupCohesion: 0.8,
};
/** Containment is only trusted when the shorter body has at least this many shingles. */
export const MIN_CONTAINED_SHINGLES = 30;
/** Candidates looked at per bucket, so a pathological bucket cannot make add() quadratic. */
const MAX_BUCKET_WALK = 500;

/** See NearDuplicateIndex.toSections. */
export interface NearDuplicateSections {
  /** As stored (unknown: read back through the same checks as fromJSON). */
  options: unknown;
  ids: readonly string[];
  sigs: Uint16Array;
  sizes: Uint32Array;
  days: Uint16Array;
  banded: Uint8Array;
  next: Int32Array;
  tableKeys: Uint32Array;
  tableHeads: Int32Array;
  /** Pairs of slots that are copies of each other (a < b). */
  edges: Int32Array;
}

export class NearDuplicateIndex {
  readonly options: Required<NearDuplicateOptions>;
  private ids: (string | undefined)[] = [];
  private slotOf = new Map<string, number>();
  private sigs = new Uint16Array(1024 * SIGNATURE_SIZE);
  /** Shingle count per slot (for the containment estimate); 0 when unknown. */
  private sizes = new Uint32Array(1024);
  /** Publication day per slot (days since 1970-01-01, plus 1); 0 when unknown. */
  private days = new Uint16Array(1024);
  private next = new Int32Array(1024 * BANDS).fill(-1);
  /** Slot has a signature in the band table (false for dead slots and too-short bodies). */
  private banded = new Uint8Array(1024);
  private table = new BandTable(1 << 14);
  private edges = new Map<number, number[]>();
  private dead = 0;
  private stamp = new Uint32Array(1024);
  private stampNo = 0;
  /** BandTable.touch's results, kept so its reads are not dead code. */
  private touched = 0;

  constructor(options: NearDuplicateOptions = {}) {
    this.options = { ...DEFAULT_OPTIONS, ...options };
  }

  get size(): number {
    return this.slotOf.size;
  }

  /**
   * Adds (or replaces) a document's body. `text` should be the body only, not title/byline.
   * `date` (YYYY-MM-DD, optional) keeps copies within `maxDaysApart` days of each other.
   */
  add(id: string, text: string, date?: string): void {
    this.addShingles(id, shingleHashes(text), date);
  }

  /** As add, for a caller that already has `analyze(body)` (saves a second analysis pass). */
  addTokens(id: string, bodyTokens: readonly { exact: string }[], date?: string): void {
    this.addShingles(id, shingleHashesOf(bodyTokens), date);
  }

  /** As add, from the body's word hashes (hashString of each exact form, token order; first `n`). */
  addWords(id: string, wordHashes: Uint32Array, n: number, date?: string): void {
    // One pass: shingle hashes, bins and the distinct count together (signatureOfWords).
    this.addSigned(id, signatureOfWords(wordHashes, n, this.sigScratch, 0), date);
  }
  /** The signature of the document being added (written into sigs only when it is long enough). */
  private readonly sigScratch = new Uint16Array(SIGNATURE_SIZE);

  private addShingles(id: string, shingles: Uint32Array, date: string | undefined): void {
    if (shingles.length > 0) signatureInto(shingles, this.sigScratch, 0);
    this.addSigned(id, shingles.length, date);
  }

  /** Adds a document whose signature is in sigScratch (`shingles`: its distinct shingle count). */
  private addSigned(id: string, shingles: number, date: string | undefined): void {
    if (this.slotOf.has(id)) this.remove(id);
    const slot = this.newSlot(id);
    this.days[slot] = dayNumber(date);
    if (shingles < MIN_SHINGLES) return;
    this.sigs.set(this.sigScratch, slot * SIGNATURE_SIZE);
    this.sizes[slot] = shingles;
    const keys = this.bandKeysOf(slot);
    const found = this.candidates(keys);
    // Most documents share no band with another (0.41 candidates a document at 71k): no arrays.
    if (found.length === 0) {
      this.insertBands(slot, keys);
      return;
    }
    const { similarity, leaderSimilarity } = this.options;
    const close = found
      .map((o) => ({ o, s: this.similarity(slot, o) }))
      .filter((c) => this.isCopy(slot, c.o, c.s, similarity) && this.closeInTime(slot, c.o))
      .sort((a, b) => b.s - a.s || a.o - b.o);
    for (const { o } of close) {
      if (!this.edges.has(o)) {
        this.link(slot, o);
        continue;
      }
      const group = this.component(o);
      const leader = group[0]!;
      if (!this.isCopy(slot, leader, this.similarity(slot, leader), leaderSimilarity)) continue;
      if (this.options.groupCohesion > 0 && this.cohesion(slot, group) < this.options.groupCohesion) continue;
      this.link(slot, o);
    }
    this.insertBands(slot, keys);
  }

  remove(id: string): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    if (this.banded[slot]) this.unlinkBands(slot);
    for (const o of this.edges.get(slot) ?? []) {
      const list = this.edges.get(o)!;
      list.splice(list.indexOf(slot), 1);
      if (list.length === 0) this.edges.delete(o);
    }
    this.edges.delete(slot);
    this.ids[slot] = undefined;
    this.slotOf.delete(id);
    this.dead++;
    if (this.dead > 1024 && this.dead * 2 > this.ids.length) this.compact();
  }

  has(id: string): boolean {
    return this.slotOf.has(id);
  }

  /** The OTHER ids in `id`'s group (empty when it has no copies or is unknown), in insertion order. */
  groupOf(id: string): string[] {
    const slot = this.slotOf.get(id);
    if (slot === undefined || !this.edges.has(slot)) return [];
    return this.component(slot)
      .filter((s) => s !== slot)
      .map((s) => this.ids[s]!);
  }

  /** All groups of two or more copies, each in insertion order. */
  groups(): string[][] {
    const seen = new Set<number>();
    const out: string[][] = [];
    for (const slot of [...this.edges.keys()].sort((a, b) => a - b)) {
      if (seen.has(slot)) continue;
      const comp = this.component(slot);
      for (const s of comp) seen.add(s);
      out.push(comp.map((s) => this.ids[s]!));
    }
    return out;
  }

  /** Estimated Jaccard similarity of two documents' bodies (undefined when either is unknown/short). */
  similarityOf(a: string, b: string): number | undefined {
    const sa = this.slotOf.get(a);
    const sb = this.slotOf.get(b);
    if (sa === undefined || sb === undefined || !this.banded[sa] || !this.banded[sb]) return undefined;
    return this.similarity(sa, sb);
  }

  /** Approximate bytes held by the typed arrays (the bulk of the memory). */
  get bytes(): number {
    return this.sigs.byteLength + this.sizes.byteLength + this.days.byteLength + this.next.byteLength + this.banded.byteLength + this.stamp.byteLength + this.table.bytes;
  }

  toJSON(): unknown {
    this.compact();
    const n = this.ids.length;
    const edges: number[] = [];
    for (const [a, list] of this.edges) for (const b of list) if (a < b) edges.push(a, b);
    return {
      format: 'fahras-near-duplicates',
      version: 3,
      options: this.options,
      signatureSize: SIGNATURE_SIZE,
      ids: this.ids,
      short: [...this.ids.keys()].filter((s) => !this.banded[s]),
      signatures: Buffer.from(this.sigs.buffer, this.sigs.byteOffset, n * SIGNATURE_SIZE * 2).toString('base64'),
      sizes: Buffer.from(this.sizes.buffer, this.sizes.byteOffset, n * 4).toString('base64'),
      days: Buffer.from(this.days.buffer, this.days.byteOffset, n * 2).toString('base64'),
      edges,
    };
  }

  /**
   * The index as flat arrays for engine snapshots, band table included, so loading copies arrays
   * instead of re-inserting every document's bands (toJSON is the portable form).
   */
  toSections(): NearDuplicateSections {
    this.compact();
    const n = this.ids.length;
    const edges: number[] = [];
    for (const [a, list] of this.edges) for (const b of list) if (a < b) edges.push(a, b);
    const { keys, heads } = this.table.cells();
    return {
      options: this.options,
      ids: this.ids as string[],
      sigs: this.sigs.subarray(0, n * SIGNATURE_SIZE),
      sizes: this.sizes.subarray(0, n),
      days: this.days.subarray(0, n),
      banded: this.banded.subarray(0, n),
      next: this.next.subarray(0, n * BANDS),
      tableKeys: keys,
      tableHeads: heads,
      edges: Int32Array.from(edges),
    };
  }

  /** Inverse of toSections; the arrays are copied (the index then owns its memory). Throws ValidationError on inconsistent data. */
  static fromSections(d: NearDuplicateSections): NearDuplicateIndex {
    const bad = (what: string) =>
      new ValidationError(`near-duplicate index data is invalid: ${what}`, 'Rebuild the index from the articles (the snapshot is damaged or from another version).');
    const n = d.ids.length;
    if (d.sigs.length !== n * SIGNATURE_SIZE || d.sizes.length !== n || d.days.length !== n || d.banded.length !== n || d.next.length !== n * BANDS) {
      throw bad('array lengths do not match the id count');
    }
    for (const x of d.next) if (x < -1 || x >= n) throw bad('band link out of range');
    const idx = new NearDuplicateIndex(optionsFrom(d.options));
    idx.ensure(n);
    idx.sigs.set(d.sigs);
    idx.sizes.set(d.sizes);
    idx.days.set(d.days);
    idx.banded.set(d.banded);
    idx.next.set(d.next);
    try {
      idx.table = BandTable.restore(d.tableKeys, d.tableHeads, n);
    } catch (err) {
      throw bad((err as Error).message);
    }
    for (let s = 0; s < n; s++) {
      if (idx.slotOf.has(d.ids[s]!)) throw bad(`duplicate id ${d.ids[s]}`);
      idx.ids.push(d.ids[s]);
      idx.slotOf.set(d.ids[s]!, s);
    }
    const e = d.edges;
    if (e.length % 2 !== 0) throw bad('edges must be pairs');
    for (let i = 0; i < e.length; i += 2) {
      const a = e[i]!;
      const b = e[i + 1]!;
      if (a < 0 || b < 0 || a >= n || b >= n || a === b) throw bad('edge out of range');
      idx.link(a, b);
    }
    return idx;
  }

  static fromJSON(data: unknown): NearDuplicateIndex {
    const bad = (what: string) =>
      new ValidationError(`near-duplicate index data is invalid: ${what}`, 'Rebuild the index from the articles (the snapshot is damaged or from another version).');
    if (typeof data !== 'object' || data === null) throw bad('not an object');
    const d = data as Record<string, unknown>;
    // Version 3: one-permutation signatures (versions 1–2 hold 64-permutation ones, not comparable).
    if (d.format !== 'fahras-near-duplicates' || d.version !== 3) throw bad('unknown format or version');
    if (d.signatureSize !== SIGNATURE_SIZE) throw bad(`signature size ${String(d.signatureSize)} ≠ ${SIGNATURE_SIZE}`);
    if (!Array.isArray(d.ids) || !d.ids.every((x) => typeof x === 'string')) throw bad('ids must be strings');
    if (!Array.isArray(d.short) || !Array.isArray(d.edges) || typeof d.signatures !== 'string') throw bad('missing fields');
    const ids = d.ids as string[];
    const n = ids.length;
    const raw = Buffer.from(d.signatures, 'base64');
    if (raw.length !== n * SIGNATURE_SIZE * 2) throw bad('signature bytes do not match the id count');
    const idx = new NearDuplicateIndex(optionsFrom(d.options));
    idx.ensure(n);
    const sigs = new Uint16Array(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.length));
    idx.sigs.set(sigs);
    if (typeof d.sizes !== 'string') throw bad('missing sizes');
    const rawSizes = Buffer.from(d.sizes, 'base64');
    if (rawSizes.length !== n * 4) throw bad('size bytes do not match the id count');
    idx.sizes.set(new Uint32Array(rawSizes.buffer.slice(rawSizes.byteOffset, rawSizes.byteOffset + rawSizes.length)));
    if (d.days !== undefined) {
      if (typeof d.days !== 'string') throw bad('days must be base64');
      const rawDays = Buffer.from(d.days, 'base64');
      if (rawDays.length !== n * 2) throw bad('day bytes do not match the id count');
      idx.days.set(new Uint16Array(rawDays.buffer.slice(rawDays.byteOffset, rawDays.byteOffset + rawDays.length)));
    }
    const short = new Set<number>();
    for (const s of d.short) {
      if (!Number.isInteger(s) || (s as number) < 0 || (s as number) >= n) throw bad('short slot out of range');
      short.add(s as number);
    }
    for (let s = 0; s < n; s++) {
      if (idx.slotOf.has(ids[s]!)) throw bad(`duplicate id ${ids[s]}`);
      idx.ids.push(ids[s]);
      idx.slotOf.set(ids[s]!, s);
      if (!short.has(s)) idx.insertBands(s);
    }
    const e = d.edges;
    if (e.length % 2 !== 0) throw bad('edges must be pairs');
    for (let i = 0; i < e.length; i += 2) {
      const a = e[i];
      const b = e[i + 1];
      if (!Number.isInteger(a) || !Number.isInteger(b) || a < 0 || b < 0 || a >= n || b >= n || a === b) throw bad('edge out of range');
      idx.link(a as number, b as number);
    }
    return idx;
  }

  // ---------------------------------------------------------------- internals

  private newSlot(id: string): number {
    const slot = this.ids.length;
    this.ensure(slot + 1);
    this.ids.push(id);
    this.slotOf.set(id, slot);
    this.next.fill(-1, slot * BANDS, (slot + 1) * BANDS);
    return slot;
  }

  private ensure(slots: number): void {
    if (slots <= this.banded.length) return;
    let cap = this.banded.length;
    while (cap < slots) cap = Math.ceil(cap * 1.5);
    const grow = <T extends Uint16Array | Int32Array | Uint8Array | Uint32Array>(a: T, per: number, fill?: number): T => {
      const b = new (a.constructor as new (n: number) => T)(cap * per);
      if (fill !== undefined) b.fill(fill);
      b.set(a);
      return b;
    };
    this.sigs = grow(this.sigs, SIGNATURE_SIZE);
    this.sizes = grow(this.sizes, 1);
    this.days = grow(this.days, 1);
    this.next = grow(this.next, BANDS, -1);
    this.banded = grow(this.banded, 1);
    this.stamp = grow(this.stamp, 1);
  }

  private bandKey(slot: number, band: number): number {
    const o = slot * SIGNATURE_SIZE + band * ROWS;
    let h = fmix32(0x51ed27 + band);
    for (let r = 0; r < ROWS; r++) h = fmix32(h ^ (this.sigs[o + r]! | (r << 16)));
    return h;
  }

  /** The band keys of `slot`, in a buffer reused by the next call. */
  private bandKeysOf(slot: number): Uint32Array {
    const keys = this.keyScratch;
    for (let b = 0; b < BANDS; b++) keys[b] = this.bandKey(slot, b);
    return keys;
  }
  private readonly keyScratch = new Uint32Array(BANDS);

  /** `keys`: bandKeysOf(slot) when the caller has them (addShingles computes them once for candidates and this). */
  private insertBands(slot: number, keys = this.bandKeysOf(slot)): void {
    for (let b = 0; b < BANDS; b++) this.next[slot * BANDS + b] = this.table.push(keys[b]!, slot);
    this.banded[slot] = 1;
  }

  private unlinkBands(slot: number): void {
    for (let b = 0; b < BANDS; b++) {
      const key = this.bandKey(slot, b);
      let cur = this.table.head(key);
      if (cur === slot) {
        this.table.setHead(key, this.next[slot * BANDS + b]!);
        continue;
      }
      while (cur !== -1) {
        const nxt = this.next[cur * BANDS + b]!;
        if (nxt === slot) {
          this.next[cur * BANDS + b] = this.next[slot * BANDS + b]!;
          break;
        }
        cur = nxt;
      }
    }
    this.banded[slot] = 0;
  }

  /** Slots sharing at least one band bucket (`keys`: a slot's bandKeysOf, before it is inserted). */
  private candidates(keys: Uint32Array): number[] {
    if (++this.stampNo === 0xffffffff) {
      this.stamp.fill(0);
      this.stampNo = 1;
    }
    const out: number[] = [];
    this.touched ^= this.table.touch(keys, BANDS);
    for (let b = 0; b < BANDS; b++) {
      let cur = this.table.head(keys[b]!);
      for (let walked = 0; cur !== -1 && walked < MAX_BUCKET_WALK; walked++) {
        if (this.stamp[cur] !== this.stampNo) {
          this.stamp[cur] = this.stampNo;
          out.push(cur);
        }
        cur = this.next[cur * BANDS + b]!;
      }
    }
    return out;
  }

  /** Mean over `group` of 1 (slot is a copy of the member) or their Jaccard similarity. */
  private cohesion(slot: number, group: readonly number[]): number {
    let sum = 0;
    for (const m of group) {
      if (m === slot) continue;
      const j = this.similarity(slot, m);
      sum += this.isCopy(slot, m, j, this.options.similarity) ? 1 : j;
    }
    return sum / Math.max(1, group.length - (group.includes(slot) ? 1 : 0));
  }

  private closeInTime(a: number, b: number): boolean {
    const da = this.days[a]!;
    const db = this.days[b]!;
    return da === 0 || db === 0 || Math.abs(da - db) <= this.options.maxDaysApart;
  }

  /** Jaccard `j` reaches `threshold`, or the shorter body is mostly inside the longer one. */
  private isCopy(a: number, b: number, j: number, threshold: number): boolean {
    if (j >= threshold) return true;
    const { containment, containmentFloor } = this.options;
    if (j < containmentFloor) return false;
    const sa = this.sizes[a]!;
    const sb = this.sizes[b]!;
    const small = Math.min(sa, sb);
    if (small < MIN_CONTAINED_SHINGLES) return false;
    return ((j / (1 + j)) * (sa + sb)) / small >= containment;
  }

  private similarity(a: number, b: number): number {
    const oa = a * SIGNATURE_SIZE;
    const ob = b * SIGNATURE_SIZE;
    let same = 0;
    for (let i = 0; i < SIGNATURE_SIZE; i++) if (this.sigs[oa + i] === this.sigs[ob + i]) same++;
    return same / SIGNATURE_SIZE;
  }

  private link(a: number, b: number): void {
    const la = this.edges.get(a);
    if (la) {
      if (la.includes(b)) return;
      la.push(b);
    } else this.edges.set(a, [b]);
    const lb = this.edges.get(b);
    if (lb) lb.push(a);
    else this.edges.set(b, [a]);
  }

  /** Slots connected to `slot`, in slot (= insertion) order. */
  private component(slot: number): number[] {
    const seen = new Set<number>([slot]);
    const queue = [slot];
    for (let i = 0; i < queue.length; i++) {
      for (const o of this.edges.get(queue[i]!) ?? []) {
        if (!seen.has(o)) {
          seen.add(o);
          queue.push(o);
        }
      }
    }
    return queue.sort((x, y) => x - y);
  }

  /** Renumbers live slots densely (drops removed ones) and rebuilds the bucket table. */
  private compact(): void {
    if (this.dead === 0) return;
    const map = new Int32Array(this.ids.length).fill(-1);
    const ids: string[] = [];
    for (let s = 0; s < this.ids.length; s++) {
      if (this.ids[s] !== undefined) {
        map[s] = ids.length;
        ids.push(this.ids[s]!);
      }
    }
    const n = ids.length;
    const sigs = new Uint16Array(Math.max(1024, n) * SIGNATURE_SIZE);
    const sizes = new Uint32Array(Math.max(1024, n));
    const days = new Uint16Array(Math.max(1024, n));
    const banded = new Uint8Array(Math.max(1024, n));
    for (let s = 0; s < this.ids.length; s++) {
      const t = map[s]!;
      if (t < 0) continue;
      sigs.set(this.sigs.subarray(s * SIGNATURE_SIZE, (s + 1) * SIGNATURE_SIZE), t * SIGNATURE_SIZE);
      banded[t] = this.banded[s]!;
      sizes[t] = this.sizes[s]!;
      days[t] = this.days[s]!;
    }
    const edges = new Map<number, number[]>();
    for (const [a, list] of this.edges) edges.set(map[a]!, list.map((b) => map[b]!));
    this.ids = ids;
    this.slotOf = new Map(ids.map((id, i) => [id, i]));
    this.sigs = sigs;
    this.sizes = sizes;
    this.days = days;
    this.banded = new Uint8Array(banded.length);
    this.next = new Int32Array(banded.length * BANDS).fill(-1);
    this.stamp = new Uint32Array(banded.length);
    this.table = new BandTable(n * BANDS);
    this.edges = edges;
    this.dead = 0;
    for (let s = 0; s < n; s++) if (banded[s]) this.insertBands(s);
  }
}

/** Options read back from stored data: out-of-range or missing values fall back to the defaults. */
function optionsFrom(stored: unknown): Required<NearDuplicateOptions> {
  const o = (stored ?? {}) as Record<string, unknown>;
  const num = (v: unknown) => (typeof v === 'number' && v >= 0 && v <= 1 ? v : undefined);
  return {
    similarity: num(o.similarity) ?? DEFAULT_OPTIONS.similarity,
    leaderSimilarity: num(o.leaderSimilarity) ?? DEFAULT_OPTIONS.leaderSimilarity,
    containment: num(o.containment) ?? DEFAULT_OPTIONS.containment,
    containmentFloor: num(o.containmentFloor) ?? DEFAULT_OPTIONS.containmentFloor,
    maxDaysApart: typeof o.maxDaysApart === 'number' && o.maxDaysApart >= 0 ? o.maxDaysApart : DEFAULT_OPTIONS.maxDaysApart,
    groupCohesion: num(o.groupCohesion) ?? DEFAULT_OPTIONS.groupCohesion,
  };
}

/** Days since 1970-01-01 plus 1 for a valid YYYY-MM-DD between 1970 and 2149; 0 otherwise. */
function dayNumber(date: string | undefined): number {
  if (!date) return 0;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return 0;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const d = Math.floor(t / 86_400_000) + 1;
  return Number.isFinite(d) && d > 0 && d < 0xffff ? d : 0;
}
