/**
 * Query evaluation, term-at-a-time over the two inverted indexes, into dense score arrays.
 *
 * Score of a word w in doc d (BM25F, Robertson & Zaragoza 2009): one saturation over the
 * field-weighted, length-normalized term frequency
 *   tf~ = wT·tfT/(1−bT+bT·lenT/avgT) + wB·tfB/(1−bB+bB·lenB/avgB) + wM·#meta fields + wL·[in lead]
 *   s(w,d) = idf(w) · tf~·(k1+1)/(k1+tf~),    idf = ln(1 + (N − df + 0.5)/(df + 0.5))
 * computed on the light stem AND on the exact normalized form; the exact part is weighted by
 * `exactWeight`, so a doc with the very form typed ranks above one with only a variant.
 * Stopwords and question words are matched but weighted by `stopWeight` and are not counted by
 * minimum-should-match.
 */
import { analyzeWord, normalizeTerm } from '../analysis/analyzer.ts';
import { queryTokens } from '../query/query-tokens.ts';
import type { Clause, FieldName, QueryNode } from '../contracts.ts';
import type { Token } from '../types.ts';
import type { DocTable } from './doc-table.ts';
import { FieldBits, type PostingIndex } from './postings.ts';
import { docNorms } from './doc-norms.ts';
import { decodePostings, PostingBuffer } from './posting-decode.ts';
import { scoreMainPostings as importedScoreMainPostings, scoreMainPostingsAt as importedScoreMainPostingsAt, type TermScoring } from './term-score.ts';
import { skipsOnReuse as importedSkipsOnReuse } from './posting-skips.ts';
import { scoreCompactAt as importedScoreCompactAt, scoreCompactMerge as importedScoreCompactMerge } from './compact-score.ts';
import type { RankingParams } from './ranking-params.ts';
import { ScorePool, type Hits } from './score-pool.ts';
import type { SortedVocab } from './sorted-vocab.ts';
import type { SpellingVocab } from './spelling.ts';
import { PROCLITIC_WEIGHT, TYPO_WEIGHT, typoReading, withConfusableLetter, withDroppedLongVowel, withInitialMadda, withoutConjunctionToo, withoutProclitic, withTaMarbuta } from './typed-readings.ts';
import { memoReading } from './reading-memo.ts';
import { compoundReading, wordKey } from './compound-words.ts';
import { contextTypoReading } from './context-typos.ts';
import { wordDocs } from './word-docs.ts';

export interface IndexView {
  stems: PostingIndex;
  exacts: PostingIndex;
  docs: DocTable;
  exactVocab: SortedVocab;
  pool: ScorePool;
  params: RankingParams;
  /** Typo tolerance: unknown query words are read as their closest frequent spelling. */
  spelling?: SpellingVocab;
}

/** At most this many vocabulary terms per `word*` (the most frequent ones). */
export const MAX_PREFIX_EXPANSIONS = 64;

const TITLE_MASK = FieldBits.titleMask;
const LEAD_BIT = FieldBits.lead;
const META_MASK = FieldBits.metaMask;
const scoreMainPostings = importedScoreMainPostings;
const scoreMainPostingsAt = importedScoreMainPostingsAt;
const skipsOnReuse = importedSkipsOnReuse;
const scoreCompactAt = importedScoreCompactAt;
const scoreCompactMerge = importedScoreCompactMerge;
const EMPTY_NORMS = new Float64Array(0);
const SHARED_BUFFER = new PostingBuffer();
/** Docs newly matched by the term being scored, before they are appended to its Hits. */
let FRESH = new Int32Array(1024);

/**
 * A set of docs scoring is restricted to: as a byte mask (mask[d] = 1) for the full-decode loops,
 * and as ascending doc numbers docs[0..n) for probing long lists through their skip data.
 */
interface Restriction {
  mask: Uint8Array;
  docs: Int32Array;
  n: number;
}

/** Restrictions with zeroed masks, reused across queries. */
const RESTRICTIONS: Restriction[] = [];

/** A restriction to `docs` (any order, each once). */
function takeRestriction(slots: number, docs: readonly number[]): Restriction {
  let r: Restriction | undefined;
  for (let i = RESTRICTIONS.length - 1; i >= 0; i--) {
    if (RESTRICTIONS[i]!.mask.length >= slots) {
      r = RESTRICTIONS.splice(i, 1)[0]!;
      break;
    }
  }
  r ??= { mask: new Uint8Array(slots), docs: new Int32Array(0), n: 0 };
  if (r.docs.length < docs.length) r.docs = new Int32Array(Math.max(docs.length, r.docs.length * 2));
  const mask = r.mask;
  const out = r.docs;
  let sorted = true;
  for (let j = 0; j < docs.length; j++) {
    const d = docs[j]!;
    mask[d] = 1;
    out[j] = d;
    if (j > 0 && out[j - 1]! > d) sorted = false;
  }
  r.n = docs.length;
  if (!sorted) out.subarray(0, r.n).sort();
  return r;
}

/** Keeps only the restricted docs `h` matched (a later required clause cannot keep any other). */
function narrowRestriction(r: Restriction, h: Hits): void {
  const mask = r.mask;
  const docs = r.docs;
  const score = h.score;
  let n = 0;
  for (let j = 0; j < r.n; j++) {
    const d = docs[j]!;
    if (score[d] !== 0) docs[n++] = d;
    else mask[d] = 0;
  }
  r.n = n;
}

function giveRestriction(r: Restriction): void {
  const mask = r.mask;
  const docs = r.docs;
  for (let j = 0; j < r.n; j++) mask[docs[j]!] = 0;
  if (RESTRICTIONS.length < 8) RESTRICTIONS.push(r);
}

/** Ascending copy of a term's touched docs, for probing its exact-form list (reused). */
let TOUCHED = new Int32Array(1024);

function touchedAscending(docs: readonly number[]): Int32Array {
  if (TOUCHED.length < docs.length) TOUCHED = new Int32Array(Math.max(docs.length, TOUCHED.length * 2));
  const out = TOUCHED;
  let sorted = true;
  for (let j = 0; j < docs.length; j++) {
    out[j] = docs[j]!;
    if (j > 0 && out[j - 1]! > out[j]!) sorted = false;
  }
  if (!sorted) out.subarray(0, docs.length).sort();
  return out;
}

/**
 * A long list is probed at the docs that can be scored (term-score.ts scoreMainPostingsAt) when
 * it holds more than this many postings per such doc; else it is decoded whole.
 */
const PROBE_RATIO = 4;

/** A term whose postings are all in the main arrays (or that is absent): compactGroup can score it. */
function mainOnly(ix: PostingIndex, id: number): boolean {
  return id < 0 || ix.df.data[id]! <= 0 || (id < ix.mainTerms && ix.tailHead.data[id] === 0);
}

/** compactGroup's reused buffers: candidates, per-clause and per-reading scores, their sums, touched slots. */
const COMPACT = { cand: new Int32Array(1024), clause: [] as Float64Array[], reading: new Float64Array(1024), sum: new Float64Array(1024), slots: new Int32Array(1024) };

function compactScratch(n: number, clauses: number): typeof COMPACT {
  const c = COMPACT;
  if (c.cand.length < n) {
    const size = Math.max(n, c.cand.length * 2);
    c.cand = new Int32Array(size);
    c.reading = new Float64Array(size);
    c.sum = new Float64Array(size);
    c.slots = new Int32Array(size);
    c.clause = [];
  }
  while (c.clause.length < clauses) c.clause.push(new Float64Array(c.cand.length));
  return c;
}

/** The slots k < n with acc[k] ≠ 0, ascending (there are `count`), in COMPACT.slots. */
function touchedSlots(acc: Float64Array, n: number, count: number): Int32Array {
  const out = COMPACT.slots;
  let j = 0;
  for (let k = 0; k < n && j < count; k++) if (acc[k] !== 0) out[j++] = k;
  return out;
}

/** group()'s clause counts per doc (all zero between calls) and its touched docs, reused. */
const GROUP = { counts: new Int32Array(0), touched: new Int32Array(1024) };

function groupScratch(slots: number, touched: number): { counts: Int32Array; touched: Int32Array } {
  if (GROUP.counts.length < slots) GROUP.counts = new Int32Array(Math.max(slots, GROUP.counts.length * 2));
  if (GROUP.touched.length < touched) GROUP.touched = new Int32Array(Math.max(touched, GROUP.touched.length * 2));
  return GROUP;
}

/** doc → candidate slot (−1: none), reused; callers reset the entries they set. */
let SLOTS = new Int32Array(0);

function slotTable(slots: number): Int32Array {
  if (SLOTS.length < slots) SLOTS = new Int32Array(Math.max(slots, SLOTS.length * 2)).fill(-1);
  return SLOTS;
}

/** Reused per-query buffers of phrase(): candidate docs, their rounds, and per (candidate, form) posRef/tf/field word. */
interface PhraseScratch {
  cand: Int32Array;
  alive: Int32Array;
  refs: Int32Array;
  tfs: Int32Array;
  bits: Int32Array;
  /** Lazy position cursors of hasSequenceAt, one per form. */
  cur: Int32Array;
  rem: Int32Array;
  val: Int32Array;
}
const PHRASE: PhraseScratch = { cand: new Int32Array(256), alive: new Int32Array(256), refs: new Int32Array(1024), tfs: new Int32Array(1024), bits: new Int32Array(1024), cur: new Int32Array(8), rem: new Int32Array(8), val: new Int32Array(8) };

/** PHRASE with room for `n` candidates of a `k`-form phrase (contents are not kept). */
function phraseScratch(n: number, k: number): PhraseScratch {
  const p = PHRASE;
  if (p.cand.length < n) {
    p.cand = new Int32Array(Math.max(n, p.cand.length * 2));
    p.alive = new Int32Array(p.cand.length);
  }
  if (p.refs.length < n * k) {
    const size = Math.max(n * k, p.refs.length * 2);
    p.refs = new Int32Array(size);
    p.tfs = new Int32Array(size);
    p.bits = new Int32Array(size);
  }
  if (p.cur.length < k) {
    p.cur = new Int32Array(k);
    p.rem = new Int32Array(k);
    p.val = new Int32Array(k);
  }
  return p;
}

/** Appends `fresh[0..n)` to out.docs (one exact-size allocation when it was empty). */
function appendDocs(out: Hits, fresh: Int32Array, n: number): void {
  if (n === 0) return;
  if (out.docs.length === 0) {
    const a = new Array<number>(n);
    for (let i = 0; i < n; i++) a[i] = fresh[i]!;
    out.docs = a;
  } else for (let i = 0; i < n; i++) out.docs.push(fresh[i]!);
}

const META_BIT: Partial<Record<FieldName, number>> = {
  author: FieldBits.author,
  column: FieldBits.column,
  source: FieldBits.source,
  category: FieldBits.category,
  tag: FieldBits.tag,
};

/** True when mask[d] = 1 for every d of docs. */
function allIn(docs: readonly number[], mask: Uint8Array): boolean {
  for (let j = 0; j < docs.length; j++) if (mask[docs[j]!] !== 1) return false;
  return true;
}

/**
 * out[d] = the parts' scores at d summed in order, for each kept doc, in one pass (group() summed
 * each part into a fresh array, a pass and a dense-array miss per part and doc). `out` may be one
 * of the parts' own arrays: each doc's sum is read before it is written. Bit-identical to adding
 * the parts one by one into zeros: ((0 + a) + b) + c = (a + b) + c, as 0 + a = a exactly.
 */
function sumInto(out: Float64Array, keep: readonly number[], parts: readonly Hits[]): void {
  const n = parts.length;
  if (n === 2) {
    const a = parts[0]!.score;
    const b = parts[1]!.score;
    for (let j = 0; j < keep.length; j++) {
      const d = keep[j]!;
      out[d] = a[d]! + b[d]!;
    }
  } else if (n === 3) {
    const a = parts[0]!.score;
    const b = parts[1]!.score;
    const c = parts[2]!.score;
    for (let j = 0; j < keep.length; j++) {
      const d = keep[j]!;
      out[d] = a[d]! + b[d]! + c[d]!;
    }
  } else {
    for (let j = 0; j < keep.length; j++) {
      const d = keep[j]!;
      let s = 0;
      for (let k = 0; k < n; k++) s += parts[k]!.score[d]!;
      out[d] = s;
    }
  }
}

function popcount5(x: number): number {
  x = (x & META_MASK) >>> 3;
  return (x & 1) + ((x >>> 1) & 1) + ((x >>> 2) & 1) + ((x >>> 3) & 1) + ((x >>> 4) & 1);
}

export interface EvalOptions {
  /** Relaxed: minimum-should-match of 1 at the top level (best partial matches). */
  relaxed: boolean;
  /** A natural-language question: looser minimum-should-match (RankingParams.questionMsm). */
  question?: boolean;
  /**
   * Each word's readings by the word's text (readingsOf fills it): shared by the evaluations of one
   * search and its highlighting, so a word's readings are worked out once per search.
   */
  readings?: Map<string, TermQuery[]>;
}

/** One query term as scored: its analyzed forms and weight. */
export interface TermQuery {
  term: string;
  exact: string;
  stop: boolean;
  /** A second reading's share of the word's weight (default 1). */
  weight?: number;
}

export class Evaluator {
  readonly N: number;
  private readonly avgT: number;
  private readonly avgB: number;
  private readonly dead: Uint8Array;
  private readonly p: RankingParams;
  /**
   * When set, scoring only touches docs d with restrict[d] = 1: the docs of a group's required
   * pivot clause, or the docs a group kept (for its deferred stopword clauses).
   */
  private restrict: Restriction | null = null;
  /** Decoded postings of the term being scored (shared: terms are scored one at a time). */
  private readonly buf = SHARED_BUFFER;
  /** The term being scored, for scoreMainPostings. */
  private readonly scoring: TermScoring = { c: 0, k1: 0, wT: 0, wB: 0, wM: 0, wL: 0, normT: EMPTY_NORMS, normB: EMPTY_NORMS };
  /** Each word's readings in this query (readingsOf). */
  private readonly readings: Map<string, TermQuery[]>;

  constructor(
    private readonly ix: IndexView,
    private readonly opts: EvalOptions = { relaxed: false },
  ) {
    const d = ix.docs;
    this.N = Math.max(1, d.live);
    this.avgT = Math.max(1e-9, d.sumTitleLen / this.N);
    this.avgB = Math.max(1e-9, d.sumBodyLen / this.N);
    this.dead = d.dead.data;
    this.p = ix.params;
    this.readings = opts.readings ?? new Map();
  }

  idf(df: number): number {
    return Math.log(1 + (this.N - df + 0.5) / (df + 0.5));
  }

  /** Field-weighted, length-normalized tf of one posting (0 when the field restriction excludes it). */
  private wtf(field: FieldName | undefined, d: number, tf: number, bits: number): number {
    const p = this.p;
    let w = 0;
    if (field === undefined || field === 'title') {
      const t = bits & FieldBits.titleMask;
      if (t) w += (p.weights.title * t) / (1 - p.b.title + (p.b.title * this.ix.docs.titleLen.data[d]!) / this.avgT);
    }
    if (field === undefined || field === 'body') {
      if (tf) w += (p.weights.body * tf) / (1 - p.b.body + (p.b.body * this.ix.docs.bodyLen.data[d]!) / this.avgB);
      if (bits & FieldBits.lead) w += p.weights.lead;
    }
    if (field === undefined) w += p.weights.meta * popcount5(bits);
    else {
      const bit = META_BIT[field];
      if (bit && bits & bit) w += p.weights.meta;
    }
    return w;
  }

  /** The per-term constants of the scoring loops (term-score.ts, compact-score.ts), `c` = idf·weight·(k1+1). */
  private termScoring(c: number): TermScoring {
    const norms = docNorms(this.ix.docs, this.avgT, this.avgB, this.p.b.title, this.p.b.body);
    const { title: wT, body: wB, meta: wM, lead: wL } = this.p.weights;
    const sc = this.scoring;
    sc.c = c;
    sc.k1 = this.p.k1;
    sc.wT = wT;
    sc.wB = wB;
    sc.wM = wM;
    sc.wL = wL;
    sc.normT = norms.title;
    sc.normB = norms.body;
    return sc;
  }

  /** Adds weight·BM25F of term `id` of `index` to `out` (pushing newly touched docs). */
  private accumulate(index: PostingIndex, id: number, field: FieldName | undefined, weight: number, out: Hits, onlyTouched: boolean): void {
    if (id < 0) return;
    const df = index.df.data[id]!;
    if (df <= 0) return;
    const k1 = this.p.k1;
    const c = this.idf(df) * weight * (k1 + 1);
    const score = out.score;
    const restriction = this.restrict;
    const restrict = restriction === null ? null : restriction.mask; // only docs it allows are scored
    if (field === undefined && id < index.mainTerms && index.tailHead.data[id] === 0) {
      // The usual case: decode and score in one loop (term-score.ts).
      const bound = (index.mainOff[id + 1]! - index.mainOff[id]!) >> 1; // ≥ 2 bytes per posting
      // Few docs can be scored (the restriction's, or those the term's stem list touched): probe
      // the long list at them through its skip data instead of decoding it whole.
      let targets: Int32Array | null = null;
      let nTargets = 0;
      if (onlyTouched) {
        nTargets = out.docs.length; // within any restriction
        if (nTargets * PROBE_RATIO < df) targets = touchedAscending(out.docs);
      } else if (restriction !== null) {
        nTargets = restriction.n;
        targets = restriction.docs;
      }
      if (targets !== null && nTargets === 0) return; // no doc can be scored
      const skips = targets !== null && nTargets * PROBE_RATIO < df ? skipsOnReuse(index, id) : null;
      if (!onlyTouched && FRESH.length < bound) FRESH = new Int32Array(Math.max(bound, FRESH.length * 2));
      const sc = this.termScoring(c);
      const added = skips !== null ? scoreMainPostingsAt(index, id, skips, targets!, nTargets, this.dead, sc, score, FRESH, onlyTouched) : scoreMainPostings(index, id, this.dead, restrict, sc, score, FRESH, onlyTouched);
      appendDocs(out, FRESH, added);
      return;
    }
    const buf = this.buf;
    const n = decodePostings(index, id, this.dead, buf, false, restrict);
    if (!onlyTouched && FRESH.length < n) FRESH = new Int32Array(Math.max(n, FRESH.length * 2));
    const fresh = FRESH;
    let added = 0;
    const pd = buf.docs;
    const ptf = buf.tf;
    const pbits = buf.bits;
    if (field !== undefined) {
      for (let j = 0; j < n; j++) {
        const d = pd[j]!;
        const w = this.wtf(field, d, ptf[j]!, pbits[j]!);
        if (w <= 0) continue;
        const s = (c * w) / (k1 + w);
        if (score[d] === 0) {
          if (onlyTouched) continue;
          fresh[added++] = d;
        }
        score[d] += s + 1e-9; // the epsilon keeps a matched doc's score nonzero
      }
      appendDocs(out, fresh, added);
      return;
    }
    // Unrestricted fields (the usual case): wtf() inlined, same operations in the same order,
    // with the length-normalization denominators from the per-document cache.
    const { title: wT, body: wB, meta: wM, lead: wL } = this.p.weights;
    const norms = docNorms(this.ix.docs, this.avgT, this.avgB, this.p.b.title, this.p.b.body);
    const normT = norms.title;
    const normB = norms.body;
    for (let j = 0; j < n; j++) {
      const d = pd[j]!;
      const bits = pbits[j]!;
      const tf = ptf[j]!;
      let w = 0;
      const t = bits & TITLE_MASK;
      if (t) w += (wT * t) / normT[d]!;
      if (tf) w += (wB * tf) / normB[d]!;
      if (bits & LEAD_BIT) w += wL;
      w += wM * popcount5(bits);
      if (w <= 0) continue;
      const s = (c * w) / (k1 + w);
      if (score[d] === 0) {
        if (onlyTouched) continue;
        fresh[added++] = d;
      }
      score[d] += s + 1e-9;
    }
    appendDocs(out, fresh, added);
  }

  /** Hits of one analyzed word: stem BM25F + exactWeight · exact-form BM25F. */
  term(t: TermQuery, field: FieldName | undefined, weight = 1): Hits {
    const out: Hits = { docs: [], score: this.ix.pool.take() };
    const w = t.stop ? weight * this.p.stopWeight : weight;
    this.accumulate(this.ix.stems, this.ix.stems.idOf(t.term), field, w, out, false);
    this.accumulate(this.ix.exacts, this.ix.exacts.idOf(t.exact), field, w * this.p.exactWeight, out, true);
    return out;
  }

  private word(n: Extract<QueryNode, { kind: 'word' }>): Hits | null {
    const { text, field } = n;
    const toks = queryTokens(text);
    if (toks.length === 0) return null;
    if (toks.length === 1) {
      const readings = this.readingsOf(n, toks[0]!);
      // A compound typed joined that the archive also writes apart (compound-words.ts): the pair.
      // Scored as the joined word: each half at the joined word's stem idf, compoundWeight each
      // (one term's weight); its exact form is rarer than its stem, so the word as typed stays first.
      const apart = n.apart === undefined ? null : this.phrase(n.apart, field, this.p.compoundWeight, this.idf(Math.max(1, stemDfOf(this.ix, toks[0]!.term))));
      if (readings.length === 1 && apart === null) return this.term(readings[0]!, field);
      const parts = readings.map((r) => this.term(r, field, r.weight ?? 1));
      if (apart !== null) parts.push(apart);
      return this.unionMax(parts);
    }
    // One typed "word" the tokenizer splits (e.g. joined by punctuation): all of its parts.
    return this.intersect(toks.map((t) => this.term(t, field)));
  }

  private prefix(text: string, field: FieldName | undefined): Hits {
    const out: Hits = { docs: [], score: this.ix.pool.take() };
    const p = normalizeTerm(text);
    if (!p) return out;
    const ids = this.ix.exactVocab.withPrefix(p, MAX_PREFIX_EXPANSIONS);
    for (const id of ids) this.accumulate(this.ix.exacts, id, field, 1, out, false);
    return out;
  }

  /** Exact forms at consecutive positions (inside one field). */
  private phrase(text: string, field: FieldName | undefined, scale = 1, idfOf?: number): Hits | null {
    const toks = queryTokens(text);
    if (toks.length === 0) return null;
    const out: Hits = { docs: [], score: this.ix.pool.take() };
    const ex = this.ix.exacts;
    const ids = toks.map((t) => ex.idOf(t.exact));
    if (ids.some((id) => id < 0 || ex.df.data[id]! <= 0)) return out;
    // Score as exact-form words; the full BM25F weight goes to the exact forms here.
    const weight = scale === 1 ? 1 + this.p.exactWeight : (1 + this.p.exactWeight) * scale;
    if (toks.length === 1) {
      this.accumulate(ex, ids[0]!, field, weight, out, false);
      return out;
    }
    // Candidates: docs holding the rarest form (within any restriction), then positions of every
    // form in those docs; refs[slot·k + i] locates form i's positions in candidate `slot`.
    const k = ids.length;
    const order = ids.map((_, i) => i).sort((a, b) => ex.df.data[ids[a]!]! - ex.df.data[ids[b]!]!);
    const buf = this.buf;
    const slotOf = slotTable(this.ix.docs.slots);
    let n = decodePostings(ex, ids[order[0]!]!, this.dead, buf, true, this.restrict === null ? null : this.restrict.mask);
    const sc = phraseScratch(n, k);
    const cand = sc.cand;
    const refs = sc.refs;
    // Each form's tf and field word per candidate, kept for scoring the matches without decoding again.
    const tfs = sc.tfs;
    const fieldBits = sc.bits;
    // alive[slot] = the round in which the candidate last matched a form.
    const alive = sc.alive;
    const first = order[0]!;
    for (let j = 0; j < n; j++) {
      const d = buf.docs[j]!;
      const at = j * k + first;
      slotOf[d] = j;
      refs[at] = buf.posRef[j]!;
      tfs[at] = buf.tf[j]!;
      fieldBits[at] = buf.bits[j]!;
      cand[j] = d;
      alive[j] = 0;
    }
    const nCand = n;
    let left = nCand;
    for (let r = 1; r < order.length && left > 0; r++) {
      const i = order[r]!;
      n = decodePostings(ex, ids[i]!, this.dead, buf, true);
      left = 0; // a doc is in a list once, so each candidate is counted at most once per round
      const bd = buf.docs;
      for (let j = 0; j < n; j++) {
        const s = slotOf[bd[j]!]!;
        if (s >= 0 && alive[s] === r - 1) {
          alive[s] = r;
          left++;
          const at = s * k + i;
          refs[at] = buf.posRef[j]!;
          tfs[at] = buf.tf[j]!;
          fieldBits[at] = buf.bits[j]!;
        }
      }
    }
    for (let s = 0; s < nCand; s++) slotOf[cand[s]!] = -1;
    const bounds = fieldRange(field);
    const matched: number[] = [];
    const last = order.length - 1;
    for (let s = 0; s < nCand && left > 0; s++) {
      if (alive[s] !== last) continue;
      if (hasSequenceAt(ex, refs, s * k, k, bounds, sc)) matched.push(s);
    }
    if (matched.length === 0) return out;
    // Score as accumulate() would, form after form (per doc the same additions in the same order):
    // 1e-9, then per form with a positive field-weighted tf w: c·w/(k1+w) + 1e-9.
    const k1 = this.p.k1;
    const cs = ids.map((id, i) => (idfOf ?? this.idf(ex.df.data[id]!)) * (toks[i]!.stop ? weight * this.p.stopWeight : weight) * (k1 + 1));
    const { title: wT, body: wB, meta: wM, lead: wL } = this.p.weights;
    const norms = docNorms(this.ix.docs, this.avgT, this.avgB, this.p.b.title, this.p.b.body);
    const docs = new Array<number>(matched.length);
    for (let m = 0; m < matched.length; m++) {
      const s = matched[m]!;
      const d = cand[s]!;
      docs[m] = d;
      let score = 1e-9;
      for (let i = 0; i < k; i++) {
        const tf = tfs[s * k + i]!;
        const bits = fieldBits[s * k + i]!;
        let w: number;
        if (field === undefined) {
          // The inlined wtf() of accumulate, operation for operation.
          w = 0;
          const t = bits & TITLE_MASK;
          if (t) w += (wT * t) / norms.title[d]!;
          if (tf) w += (wB * tf) / norms.body[d]!;
          if (bits & LEAD_BIT) w += wL;
          w += wM * popcount5(bits);
        } else w = this.wtf(field, d, tf, bits);
        if (w <= 0) continue;
        score += (cs[i]! * w) / (k1 + w) + 1e-9;
      }
      out.score[d] = score;
    }
    out.docs = docs;
    return out;
  }

  /** Docs in every one of `parts` (summing scores); releases the parts. */
  private intersect(parts: Hits[]): Hits {
    parts.sort((a, b) => a.docs.length - b.docs.length);
    const first = parts[0]!;
    const out: Hits = { docs: [], score: this.ix.pool.take() };
    outer: for (const d of first.docs) {
      let s = 0;
      for (const p of parts) {
        if (p.score[d] === 0) continue outer;
        s += p.score[d]!;
      }
      out.docs.push(d);
      out.score[d] = s;
    }
    for (const p of parts) this.ix.pool.release(p);
    return out;
  }

  /** Docs in any part, each scored by its best part; releases the parts. */
  private unionMax(parts: Hits[]): Hits {
    const out: Hits = { docs: [], score: this.ix.pool.take() };
    for (const p of parts) {
      for (const d of p.docs) {
        if (out.score[d] === 0) out.docs.push(d);
        if (p.score[d]! > out.score[d]!) out.score[d] = p.score[d]!;
      }
      this.ix.pool.release(p);
    }
    return out;
  }

  private union(parts: Hits[]): Hits {
    const out: Hits = { docs: [], score: this.ix.pool.take() };
    for (const p of parts) {
      for (const d of p.docs) {
        if (out.score[d] === 0) out.docs.push(d);
        out.score[d] += p.score[d]!;
      }
      this.ix.pool.release(p);
    }
    return out;
  }

  node(n: QueryNode, top = false): Hits | null {
    switch (n.kind) {
      case 'word':
        return this.word(n);
      case 'prefix':
        return this.prefix(n.text, n.field);
      case 'phrase':
        return this.phrase(n.text, n.field);
      case 'or': {
        const parts = n.children.map((c) => this.node(c)).filter((h): h is Hits => h !== null);
        return parts.length ? this.union(parts) : null;
      }
      case 'group':
        return this.group(n.clauses, top);
    }
  }

  /** Every live document, score 0+ε (a query of only exclusions, or a browse). */
  all(): Hits {
    const out: Hits = { docs: [], score: this.ix.pool.take() };
    const n = this.ix.docs.slots;
    for (let d = 0; d < n; d++) {
      if (this.dead[d] === 0) {
        out.docs.push(d);
        out.score[d] = 1e-9;
      }
    }
    return out;
  }

  /** Should-clauses needed out of `n` countable ones. */
  minimumShouldMatch(n: number, top: boolean): number {
    if (n === 0) return 0;
    if (top && this.opts.relaxed) return 1;
    if (top && this.opts.question) return Math.max(1, Math.ceil(n * this.p.questionMsm));
    const { allUpTo, ratio } = this.p.msm;
    return n <= allUpTo ? n : Math.max(1, Math.ceil(n * ratio));
  }

  private group(clauses: readonly Clause[], top: boolean): Hits | null {
    const musts: Hits[] = [];
    const nots: Hits[] = [];
    // Stopword-only should clauses are evaluated last, restricted to the docs the other clauses
    // already match (they never make a doc match on their own): a question's ما/هل/في no longer
    // scans and pushes most of the corpus. Scores are summed in clause order either way.
    const shoulds: { h: Hits | null; node: QueryNode; counts: boolean }[] = [];
    const stopOnly = clauses.map((c) => isStopOnly(c.node));
    const nonStop = clauses.some((c, i) => c.occur !== 'must_not' && !stopOnly[i]);
    // When some clause is required (see requiredPivot), it is evaluated first and every other
    // clause only scores the docs it matched: the others' scores elsewhere could never count.
    const outer = this.restrict;
    const pivot = nonStop ? this.requiredPivot(clauses, stopOnly, top) : -1;
    let pivotHits: Hits | null = null;
    let mask: Restriction | null = null;
    // A plain-word pivot is found from its doc numbers alone (word-docs.ts) and scored last, only
    // on the docs every required clause kept; any other pivot is scored first.
    let deferred = -1;
    if (pivot >= 0) {
      mask = outer === null ? this.wordDocsRestriction(clauses[pivot]!.node) : null;
      if (mask !== null) {
        const compact = this.compactGroup(clauses, stopOnly, pivot, mask);
        if (compact !== null) return compact;
        deferred = pivot;
      } else {
        pivotHits = this.node(clauses[pivot]!.node);
        mask = takeRestriction(this.ix.docs.slots, pivotHits!.docs);
      }
      this.restrict = mask;
    }
    const required = pivot >= 0 ? this.requiredClauses(clauses, stopOnly) : null;
    const deferredStop = (i: number) => clauses[i]!.occur === 'should' && stopOnly[i]! && nonStop;
    const hs: (Hits | null)[] = new Array<Hits | null>(clauses.length).fill(null);
    for (let i = 0; i < clauses.length; i++) {
      if (deferredStop(i) || i === deferred) continue;
      const h = i === pivot ? pivotHits : this.node(clauses[i]!.node);
      hs[i] = h;
      // Every required clause narrows the docs the later clauses score: a doc it lacks is not kept.
      if (h && mask && i !== pivot && required![i]) narrowRestriction(mask, h);
    }
    // The deferred pivot's docs include every doc left in the restriction: it narrows nothing.
    if (deferred >= 0) hs[deferred] = this.node(clauses[deferred]!.node);
    for (let i = 0; i < clauses.length; i++) {
      const c = clauses[i]!;
      if (deferredStop(i)) {
        shoulds.push({ h: null, node: c.node, counts: false });
        continue;
      }
      const h = hs[i]!;
      if (!h) continue;
      if (c.occur === 'must') musts.push(h);
      else if (c.occur === 'must_not') nots.push(h);
      else shoulds.push({ h, node: c.node, counts: !stopOnly[i] });
    }
    // With a pivot, the restriction narrowed by every required clause is exactly the docs they all
    // match (ascending): the docs to keep, less the excluded ones, without counting clause matches.
    let requiredDocs: number[] | null = null;
    // The deferred pivot's scores can hold the sum (see sumInto) when they are all on kept docs.
    let holder: Hits | null = null;
    if (mask) {
      if (pivot >= 0) {
        requiredDocs = new Array<number>(mask.n);
        for (let j = 0; j < mask.n; j++) requiredDocs[j] = mask.docs[j]!;
        const h = deferred >= 0 ? hs[deferred] : null;
        if (h && nots.length === 0 && allIn(h.docs, mask.mask)) holder = h;
      }
      this.restrict = outer;
      giveRestriction(mask);
    }
    // Nothing else produced candidates (e.g. the other clause analyzed to nothing): the stopwords
    // are the query after all.
    if (musts.length === 0 && !shoulds.some((s) => s.h && s.counts)) {
      for (const s of shoulds) if (!s.h) s.h = this.node(s.node);
      for (let i = shoulds.length - 1; i >= 0; i--) if (!shoulds[i]!.h) shoulds.splice(i, 1);
    }
    if (musts.length === 0 && shoulds.length === 0) {
      if (nots.length === 0) return null;
      musts.push(this.all());
    }
    // A query of only stopwords: they count after all.
    if (shoulds.length > 0 && shoulds.every((s) => !s.counts)) for (const s of shoulds) s.counts = true;
    const countable = shoulds.filter((s) => s.counts).length;
    const msm = musts.length > 0 ? 0 : this.minimumShouldMatch(countable, top);
    // One clause alone (a one-word query): every doc it matches is kept with its own score.
    if (musts.length === 0 && nots.length === 0 && shoulds.length === 1 && msm <= 1) {
      const h = shoulds[0]!.h;
      if (h) return h;
    }
    const excluded = nots.length > 0 ? new Set<number>() : null;
    if (excluded) for (const h of nots) for (const d of h.docs) excluded.add(d);
    const keep: number[] = requiredDocs !== null ? (excluded ? requiredDocs.filter((d) => !excluded.has(d)) : requiredDocs) : this.countedKeep(musts, shoulds, msm, excluded);
    // Deferred stopword clauses, scored only on the kept docs (a subset of any outer restriction).
    if (shoulds.some((s) => !s.h) && keep.length > 0) {
      const keepMask = takeRestriction(this.ix.docs.slots, keep);
      this.restrict = keepMask;
      for (const s of shoulds) if (!s.h) s.h = this.node(s.node);
      this.restrict = outer;
      giveRestriction(keepMask);
    }
    const parts: Hits[] = [...musts];
    for (const s of shoulds) if (s.h) parts.push(s.h);
    if (holder !== null && keep === requiredDocs && parts.includes(holder)) {
      sumInto(holder.score, keep, parts);
      for (const h of parts) if (h !== holder) this.ix.pool.release(h);
      return { docs: keep, score: holder.score };
    }
    const out: Hits = { docs: keep, score: this.ix.pool.take() };
    const score = out.score;
    const sum = (h: Hits) => {
      const hs = h.score;
      for (const d of keep) score[d] += hs[d]!;
    };
    for (const h of parts) sum(h);
    for (const h of [...parts, ...nots]) this.ix.pool.release(h);
    return out;
  }

  /**
   * group() for a keyword query whose clauses are all plain words (no field, one token each) that
   * are required, besides stopword-only ones, with a plain-word pivot `pivot` whose docs are
   * `r` (wordDocsRestriction): the same docs and bit-identical scores as the general path, scored
   * on a compact candidate list (compact-score.ts) instead of dense arrays by doc number. The
   * candidates start as the pivot's docs; each other required word, in clause order, is scored at
   * them and keeps those it matches; the pivot is scored last on the rest. Gives `r` back. Null
   * (nothing done, `r` kept) when a clause does not qualify or a reading has unmerged postings.
   */
  private compactGroup(clauses: readonly Clause[], stopOnly: readonly boolean[], pivot: number, r: Restriction): Hits | null {
    const stems = this.ix.stems;
    const exacts = this.ix.exacts;
    const readings: (TermQuery[] | null)[] = [];
    for (let i = 0; i < clauses.length; i++) {
      const c = clauses[i]!;
      if (c.occur !== 'should') return null;
      if (stopOnly[i]) {
        readings.push(null); // scored last, on the kept docs, by the general path
        continue;
      }
      const n = c.node;
      if (n.kind !== 'word' || n.field !== undefined || n.apart !== undefined) return null;
      const toks = queryTokens(n.text);
      if (toks.length !== 1) return null;
      const rs = this.readingsOf(n, toks[0]!);
      for (const t of rs) if (!mainOnly(stems, stems.idOf(t.term)) || !mainOnly(exacts, exacts.idOf(t.exact))) return null;
      readings.push(rs);
    }
    const cs = compactScratch(r.n, clauses.length);
    const cand = cs.cand;
    let n = r.n;
    cand.set(r.docs.subarray(0, n));
    giveRestriction(r);
    // Clause scores by candidate; the pivot is scored last (it would keep every candidate).
    const order: number[] = [];
    for (let i = 0; i < clauses.length; i++) if (readings[i] !== null && i !== pivot) order.push(i);
    order.push(pivot);
    const scored: Float64Array[] = [];
    for (const i of order) {
      const acc = cs.clause[scored.length]!;
      acc.fill(0, 0, n);
      const rs = readings[i]!;
      if (rs.length === 1) this.compactTerm(rs[0]!, 1, cand, n, acc);
      else {
        // unionMax of the readings: each doc's best reading score.
        const one = cs.reading;
        for (const t of rs) {
          one.fill(0, 0, n);
          this.compactTerm(t, t.weight ?? 1, cand, n, one);
          for (let k = 0; k < n; k++) if (one[k]! > acc[k]!) acc[k] = one[k]!;
        }
      }
      scored.push(acc);
      if (i === pivot) break;
      // A doc this required word lacks is not kept: drop it from the candidates and every score.
      let kept = 0;
      for (let k = 0; k < n; k++) {
        if (acc[k] === 0) continue;
        if (kept !== k) {
          cand[kept] = cand[k]!;
          for (const a of scored) a[kept] = a[k]!;
        }
        kept++;
      }
      n = kept;
    }
    const keep = new Array<number>(n);
    for (let k = 0; k < n; k++) keep[k] = cand[k]!;
    // Stopword-only clauses, scored only on the kept docs (as in group()).
    const stopHits: (Hits | null)[] = new Array<Hits | null>(clauses.length).fill(null);
    if (n > 0 && readings.some((x) => x === null)) {
      const keepMask = takeRestriction(this.ix.docs.slots, keep);
      const outer = this.restrict;
      this.restrict = keepMask;
      for (let i = 0; i < clauses.length; i++) if (readings[i] === null) stopHits[i] = this.node(clauses[i]!.node);
      this.restrict = outer;
      giveRestriction(keepMask);
    }
    // The clauses' scores summed in clause order, as group() sums its parts (0 + a = a exactly).
    const sum = cs.sum;
    sum.fill(0, 0, n);
    for (let i = 0; i < clauses.length; i++) {
      if (readings[i] === null) {
        const h = stopHits[i];
        if (!h) continue;
        const hs = h.score;
        for (let k = 0; k < n; k++) sum[k] += hs[cand[k]!]!;
        this.ix.pool.release(h);
      } else {
        const a = scored[order.indexOf(i)]!;
        for (let k = 0; k < n; k++) sum[k] += a[k]!;
      }
    }
    const score = this.ix.pool.take();
    for (let k = 0; k < n; k++) score[cand[k]!] = sum[k]!;
    return { docs: keep, score };
  }

  /** term() of a reading at the candidates cand[0..n), into acc (zero on entry). */
  private compactTerm(t: TermQuery, weight: number, cand: Int32Array, n: number, acc: Float64Array): void {
    const w = t.stop ? weight * this.p.stopWeight : weight;
    this.compactAccumulate(this.ix.stems, this.ix.stems.idOf(t.term), w, cand, n, acc, false);
    this.compactAccumulate(this.ix.exacts, this.ix.exacts.idOf(t.exact), w * this.p.exactWeight, cand, n, acc, true);
  }

  /**
   * accumulate() of a main-only term at the candidates (compact-score.ts); a long list is probed
   * through its skip data when accumulate() would (same rule: PROBE_RATIO).
   */
  private compactAccumulate(index: PostingIndex, id: number, weight: number, cand: Int32Array, n: number, acc: Float64Array, onlyTouched: boolean): void {
    if (id < 0) return;
    const df = index.df.data[id]!;
    if (df <= 0) return;
    let slots: Int32Array | null = null;
    let nTargets = n;
    if (onlyTouched) {
      nTargets = 0;
      for (let k = 0; k < n; k++) if (acc[k] !== 0) nTargets++;
      if (nTargets * PROBE_RATIO < df) {
        slots = touchedSlots(acc, n, nTargets);
      }
    }
    if (nTargets === 0) return; // no doc can be scored
    const skips = nTargets * PROBE_RATIO < df ? skipsOnReuse(index, id) : null;
    const sc = this.termScoring(this.idf(df) * weight * (this.p.k1 + 1));
    if (skips !== null) scoreCompactAt(index, id, skips, cand, slots, slots === null ? n : nTargets, sc, acc, onlyTouched);
    else scoreCompactMerge(index, id, cand, n, sc, acc, onlyTouched);
  }

  /**
   * The docs of a single-token word clause of any field as a restriction (word-docs.ts), or null
   * for another clause or when a field weight is not positive (a posting's weight is read off its
   * bits there).
   */
  private wordDocsRestriction(n: QueryNode): Restriction | null {
    if (n.kind !== 'word' || n.field !== undefined || n.apart !== undefined) return null;
    const { title, body, meta, lead } = this.p.weights;
    if (!(title > 0 && body > 0 && meta > 0 && lead > 0)) return null;
    const toks = queryTokens(n.text);
    if (toks.length !== 1) return null;
    const stems = this.ix.stems;
    const r = takeRestriction(this.ix.docs.slots, []);
    wordDocs(stems, this.readingsOf(n, toks[0]!).map((t) => stems.idOf(t.term)), this.dead, r);
    return r;
  }

  /** nodeReadings of a word's single token, once per query (wordDocsRestriction and word() both read it). */
  private readingsOf(n: Extract<QueryNode, { kind: 'word' }>, tok: Token): TermQuery[] {
    const key = wordKey(n);
    let r = this.readings.get(key);
    if (r === undefined) this.readings.set(key, (r = nodeReadings(tok, n, this.ix)));
    return r;
  }

  /**
   * The docs matching every must and at least `msm` countable shoulds, not excluded, in first-seen
   * order. counts[d] = 4096·(musts matched) + (countable shoulds matched), in reused typed scratch
   * (zeroed again here); touched = docs in first-seen order.
   */
  private countedKeep(musts: readonly Hits[], shoulds: readonly { h: Hits | null; counts: boolean }[], msm: number, excluded: Set<number> | null): number[] {
    let room = 0;
    for (const h of musts) room += h.docs.length;
    for (const s of shoulds) if (s.h && s.counts) room += s.h.docs.length;
    const { counts, touched } = groupScratch(this.ix.docs.slots, room);
    let nTouched = 0;
    const count = (h: Hits, inc: number) => {
      const docs = h.docs;
      for (let j = 0; j < docs.length; j++) {
        const d = docs[j]!;
        if (counts[d] === 0) touched[nTouched++] = d;
        counts[d] += inc;
      }
    };
    for (const h of musts) count(h, 4096);
    for (const s of shoulds) if (s.h && s.counts) count(s.h, 1);
    const needMust = musts.length * 4096;
    const keep: number[] = [];
    for (let j = 0; j < nTouched; j++) {
      const d = touched[j]!;
      const c = counts[d]!;
      counts[d] = 0;
      if (c >= needMust && c - needMust >= msm && !(excluded && excluded.has(d)) && (musts.length > 0 || c > 0)) keep.push(d);
    }
    return keep;
  }

  /**
   * The clause to evaluate first when some clauses are required — every must, and every countable
   * should when minimum-should-match needs them all (a keyword query of ≤ 3 words) — or −1. Only
   * word, phrase and prefix clauses take part, so which clauses yield no hits (nothing analyzable)
   * and thus the minimum-should-match are known beforehand. The pivot is the required clause with
   * the fewest documents by document frequency (any required one would give the same results).
   */
  private requiredPivot(clauses: readonly Clause[], stopOnly: readonly boolean[], top: boolean): number {
    let musts = 0;
    let countable = 0;
    const present: boolean[] = [];
    for (let i = 0; i < clauses.length; i++) {
      const c = clauses[i]!;
      const n = c.node;
      present.push(false);
      if (c.occur === 'must_not' || (c.occur === 'should' && stopOnly[i])) continue;
      if (n.kind !== 'word' && n.kind !== 'phrase' && n.kind !== 'prefix') return -1;
      if (n.kind !== 'prefix' && queryTokens(n.text).length === 0) continue; // yields null
      present[i] = true;
      if (c.occur === 'must') musts++;
      else countable++;
    }
    const shouldsRequired = musts === 0 && countable > 0 && this.minimumShouldMatch(countable, top) === countable;
    if (musts + countable < 2 || (musts === 0 && !shouldsRequired)) return -1;
    let best = -1;
    let bestDf = Infinity;
    for (let i = 0; i < clauses.length; i++) {
      if (!present[i]) continue;
      const c = clauses[i]!;
      if (c.occur === 'should' && musts > 0) continue;
      const df = this.estimateDocs(c.node);
      if (df < bestDf) {
        bestDf = df;
        best = i;
      }
    }
    return best;
  }

  /**
   * Which clauses every kept doc matches, given that requiredPivot found a pivot: the musts when
   * there are any, else every countable should (minimum-should-match needs them all then).
   * Clauses that analyze to nothing yield no hits and are not counted, as in requiredPivot.
   */
  private requiredClauses(clauses: readonly Clause[], stopOnly: readonly boolean[]): boolean[] {
    const hasMust = clauses.some((c) => c.occur === 'must' && (c.node.kind === 'prefix' || ((c.node.kind === 'word' || c.node.kind === 'phrase') && queryTokens(c.node.text).length > 0)));
    return clauses.map((c, i) => (hasMust ? c.occur === 'must' : c.occur === 'should' && !stopOnly[i]));
  }

  /** Rough number of docs a word or phrase clause matches (document frequency); Infinity when unknown. */
  private estimateDocs(n: QueryNode): number {
    if (n.kind !== 'word' && n.kind !== 'phrase') return Infinity;
    const ix = n.kind === 'word' ? this.ix.stems : this.ix.exacts;
    let min = Infinity;
    for (const t of queryTokens(n.text)) {
      const id = ix.idOf(n.kind === 'word' ? t.term : t.exact);
      min = Math.min(min, id >= 0 ? Math.max(0, ix.df.data[id]!) : 0);
    }
    return min;
  }

}

function stemDfOf(ix: IndexView, term: string): number {
  const id = ix.stems.idOf(term);
  return id >= 0 ? ix.stems.df.data[id]! : 0;
}

/**
 * wordReadings of a word node's token, its compound reading when it is marked (compound-words.ts),
 * and the form its neighbour says was meant when it is marked (context-typos.ts).
 */
export function nodeReadings(typed: TermQuery, n: Extract<QueryNode, { kind: 'word' }>, ix: IndexView): TermQuery[] {
  let rs = wordReadings(typed, ix);
  const c = compoundReading(n, ix.params.compoundWeight);
  if (c !== undefined && !rs.some((r) => r.term === c.term)) rs = [...rs, c];
  const fix = contextTypoReading(n, TYPO_WEIGHT);
  if (fix !== undefined && !rs.some((r) => r.term === fix.term)) rs = [...rs, fix];
  return rs;
}

/**
 * How one typed word is read, in the order the evaluator matches them (a union, best score per
 * doc): first the word itself, or when the index does not know it its hamza-seat reading or its
 * closest frequent spelling (spelling.ts); then the other readings that may be meant — without a
 * leading و/ف, with a hamza seat, with the pronoun ه. The highlighter marks every reading too, so
 * a result found through one shows the word it was found by.
 */
export function wordReadings(typed: TermQuery, ix: IndexView): TermQuery[] {
  // The hamza-seat reading comes from the word as typed: spelling correction of an unknown
  // typed form (نهايي → نهاية) would otherwise hide it (نهائي).
  const seatTyped: TermQuery | undefined = withHamzaSeat(typed, ix) ?? withConfusableLetter(typed, ix);
  const t = seatTyped && !isKnown(typed, ix) ? seatTyped : knownSpelling(typed, ix);
  const bare = withoutConjunction(t, ix);
  const seat = t === seatTyped ? undefined : seatTyped ?? (t !== typed ? withHamzaSeat(t, ix) : undefined);
  const ha = withPronounHa(t, ix);
  // آ typed as ا (الاف for آلاف), ة typed as ه (ثابته for ثابتة): typed-readings.ts.
  const madda = withInitialMadda(t, ix);
  const marbuta = ha ? undefined : withTaMarbuta(t, ix);
  // و/ف typed onto a function word (ولها، وبـ) is a function word too: scored as a stopword, so
  // the typed form's own stem (ولها → ول, the stem of ولي) does not outweigh the content words.
  // Only when the archive writes the function word READING_RATIO times as often as the typed
  // form (71k: لها 10,664 / ولها 199; ضد 7,867 / وضد 154): ولي (crown prince; لي 1,780 / ولي
  // 2,374) is a word of its own.
  const out = [bare?.stop && !t.stop && exactDf(ix, bare.exact) >= READING_RATIO * Math.max(1, exactDf(ix, t.exact)) ? { ...t, stop: true } : t];
  // و/ف typed onto a short or unknown word (وفي، ومن، فالخبر…), a hamza seat typed as its bare
  // letter (رييس for رئيس), or the pronoun ه typed as ة (زوجتة): either reading may be meant.
  if (bare) out.push(bare);
  if (seat) out.push(seat);
  if (ha) out.push(ha);
  if (madda) out.push(madda);
  if (marbuta) out.push(marbuta);
  // A preposition ب ل ك typed onto the word (بعسير): typed-readings.ts.
  // … or و/ف typed onto a word the archive writes alone at least as often (وطن for طن).
  const clitic = bare ? undefined : withoutProclitic(t, ix) ?? withoutConjunctionToo(t, ix);
  if (clitic) out.push({ ...clitic, weight: PROCLITIC_WEIGHT });
  // A typo that lands on a known stem (العرقي): also its closest frequent spelling.
  const typo = t === typed && !seat && !bare ? typoReading(t, ix) ?? withDroppedLongVowel(t, ix) : undefined;
  if (typo && typo.term !== clitic?.term) out.push({ ...typo, weight: TYPO_WEIGHT });
  return out;
}

function isKnown(t: TermQuery, ix: Pick<IndexView, 'stems'>): boolean {
  const id = ix.stems.idOf(t.term);
  return id >= 0 && ix.stems.df.data[id]! > 0;
}

/**
 * A word the index has never seen (a typo, or a spelling the archive does not use, e.g. a
 * dropped hamza seat) is read as its closest frequent spelling (spelling.ts: edit distance 1–2).
 */
function knownSpelling(t: TermQuery, ix: Pick<IndexView, 'stems' | 'spelling'>): TermQuery {
  const sp = ix.spelling;
  if (!sp || t.stop || isKnown(t, ix)) return t;
  const fix = sp.correct(t.exact);
  return fix ? analyzeWord(fix) : t;
}

/**
 * The word without a leading conjunction و (U+0648) or ف (U+0641) when the stemmer keeps it
 * (words of ≤ 3 letters such as وفي، ومن) and the rest is a stopword, or when the whole form is
 * unknown to the index but the rest is known. Undefined when the word should stand as typed.
 */
export function withoutConjunction(t: TermQuery, ix: Pick<IndexView, 'stems' | 'exacts'>): TermQuery | undefined {
  const e = t.exact;
  if (e.length < 2 || (e[0] !== '\u0648' && e[0] !== '\u0641')) return undefined;
  const rest = analyzeWord(e.slice(1));
  if (!rest.exact || rest.term === t.term) return undefined;
  // A two-letter word is و/ف before a detached preposition ب ل ك (وبـ 51 → ب); في is a word.
  if (e.length === 2) return t.stop || !ONE_LETTER_PREPOSITIONS.includes(e[1]!) ? undefined : rest;
  const df = (term: string) => {
    const id = ix.stems.idOf(term);
    return id >= 0 ? ix.stems.df.data[id]! : 0;
  };
  if (rest.stop || (df(t.term) === 0 && df(rest.term) > 0)) return rest;
  // A short word the stemmer keeps whole with its و (وعين → وع، وجبهات → وجب): read without it
  // too when the archive writes the rest READING_RATIO times as often as the whole form.
  if (exactDf(ix, rest.exact) >= READING_RATIO * Math.max(1, exactDf(ix, e))) return rest;
  return undefined;
}

/** ب ل ك (U+0628, U+0644, U+0643): written detached with a tatweel (بـ) after a typed و. */
const ONE_LETTER_PREPOSITIONS = '\u0628\u0644\u0643';

/** A second reading of a typed word is taken when the archive writes it this many times as often. */
const READING_RATIO = 10;

function exactDf(ix: Pick<IndexView, 'exacts'>, exact: string): number {
  const id = ix.exacts.idOf(exact);
  return id >= 0 ? ix.exacts.df.data[id]! : 0;
}

/**
 * The pronoun ه (U+0647) typed as ة (U+0629): زوجتة for زوجته. The normalizer folds both to ه,
 * but the stemmer reads the surface: ة ends a noun (زوجتة → زوجت) while ته is a pronoun after ت
 * (زوجته → زوج). The stem of the normalized form is also read when it is READING_RATIO times as
 * frequent (stem df) as the stem as typed; a word typed with ه, or whose ة reading is the usual
 * one, is unchanged.
 */
export function withPronounHa(t: TermQuery, ix: Pick<IndexView, 'stems'>): TermQuery | undefined {
  if (t.stop || !t.exact.endsWith('\u0647')) return undefined;
  const v = analyzeWord(t.exact);
  if (!v.exact || v.stop || v.term === t.term) return undefined;
  const df = (term: string) => {
    const id = ix.stems.idOf(term);
    return id >= 0 ? ix.stems.df.data[id]! : 0;
  };
  return df(v.term) >= READING_RATIO * Math.max(1, df(t.term)) ? v : undefined;
}

/**
 * The hamza-seat reading of a word typed without its hamza: the normalizer folds the seats
 * ئ (U+0626) and ؤ (U+0624) to ء (U+0621), so رئيس is indexed as رءيس; a reader who types the
 * bare seat letter, ي (U+064A) or و (U+0648), writes رييس / مسوول / نايب, which the fold cannot
 * reach. Each non-initial ي/و is tried as ء; the most frequent reading (stem df) is returned when
 * it is at least READING_RATIO times as frequent as the word as typed, so a real word spelled with
 * ي/و keeps its own reading and only gains the hamza one when the archive clearly prefers it.
 */
export function withHamzaSeat(t: TermQuery, ix: Pick<IndexView, 'stems' | 'exacts'>): TermQuery | undefined {
  const e = t.exact;
  if (t.stop || e.length < 3 || !hasSeatLetter(e)) return undefined;
  // Each seat letter costs two analyzeWord calls: remembered (reading-memo.ts).
  return memoReading('seat', t, ix, () => hamzaSeatReading(t, ix));
}

/** A ي or و after the first letter (bestSeatReading has nothing to try without one). */
function hasSeatLetter(e: string): boolean {
  for (let i = 1; i < e.length; i++) if (e[i] === '\u064A' || e[i] === '\u0648') return true;
  return false;
}

function hamzaSeatReading(t: TermQuery, ix: Pick<IndexView, 'stems' | 'exacts'>): TermQuery | undefined {
  const df = (term: string) => {
    const id = ix.stems.idOf(term);
    return id >= 0 ? ix.stems.df.data[id]! : 0;
  };
  // By stem df first; else by exact forms: the stem as typed may be another common word's
  // (هيية → هي، نهايي → نهاي of نهاية) while the archive writes the seat form far more often.
  return (
    bestSeatReading(t, (v) => df(v.term), Math.max(1, df(t.term) * READING_RATIO) - 1) ??
    bestSeatReading(t, (v) => exactDf(ix, v.exact), READING_RATIO * Math.max(1, exactDf(ix, t.exact)) - 1)
  );
}

/** Each non-initial ي/و of `t` read as ء: the reading with the highest `score` above `floor`. */
function bestSeatReading(t: TermQuery, score: (v: TermQuery) => number, floor: number): TermQuery | undefined {
  const e = t.exact;
  let best: TermQuery | undefined;
  let bestScore = floor;
  for (let i = 1; i < e.length; i++) {
    const c = e[i];
    if (c !== '\u064A' && c !== '\u0648') continue;
    const v = analyzeWord(e.slice(0, i) + '\u0621' + e.slice(i + 1));
    if (!v.exact || v.stop || v.term === t.term) continue;
    const f = score(v);
    if (f > bestScore) {
      best = v;
      bestScore = f;
    }
  }
  return best;
}

/** A plain word clause whose every token is a stopword or question word. */
function isStopOnly(n: QueryNode): boolean {
  return n.kind === 'word' && queryTokens(n.text).every((t) => t.stop);
}

/** Virtual-position range of a field (FIELD_BASE), or everything. */
function fieldRange(field: FieldName | undefined): [number, number] {
  const B = 1 << 18;
  switch (field) {
    case undefined:
      return [0, 0x7fffffff];
    case 'title':
      return [0, B];
    case 'author':
      return [B, 2 * B];
    case 'column':
      return [2 * B, 3 * B];
    case 'source':
      return [3 * B, 4 * B];
    case 'category':
      return [4 * B, 5 * B];
    case 'tag':
      return [5 * B, 8 * B];
    case 'body':
      return [8 * B, 0x7fffffff];
  }
}

/**
 * True when some position p of form 0 (within bounds) has p+i among form i's positions for every
 * i < k; form i's positions start at posRef refs[at + i]. The k position lists are decoded lazily,
 * each cursor only moving forward, so a doc where the phrase occurs early stops reading there.
 */
function hasSequenceAt(ex: PostingIndex, refs: Int32Array, at: number, k: number, bounds: [number, number], sc: PhraseScratch): boolean {
  const cur = sc.cur; // byte offset of the next unread position of form i
  const rem = sc.rem; // positions of form i not read yet
  const val = sc.val; // the last position of form i read (−1: none yet)
  const main = ex.mainPos;
  const tail = ex.tailPos.data;
  for (let i = 0; i < k; i++) {
    const ref = refs[at + i]!;
    const bytes = ref >= 0 ? main : tail;
    let j = ref >= 0 ? ref : -ref - 2;
    let b = bytes[j++]!;
    let n = b & 0x7f;
    for (let sh = 7; b & 0x80; sh += 7) {
      b = bytes[j++]!;
      n |= (b & 0x7f) << sh;
    }
    cur[i] = j;
    rem[i] = n;
    val[i] = -1;
  }
  const lo = bounds[0];
  const hi = bounds[1];
  const firstBytes = refs[at]! >= 0 ? main : tail;
  let p = 0;
  while (rem[0]! > 0) {
    // Next position of form 0 (delta-coded varints; readPositionsInto's arithmetic).
    let j = cur[0]!;
    let b = firstBytes[j++]!;
    let v = b & 0x7f;
    for (let sh = 7; b & 0x80; sh += 7) {
      b = firstBytes[j++]!;
      v |= (b & 0x7f) << sh;
    }
    cur[0] = j;
    rem[0]!--;
    p = (p + (v >>> 0)) | 0;
    if (p < lo || p >= hi) continue;
    let ok = true;
    for (let i = 1; i < k; i++) {
      const bytes = refs[at + i]! >= 0 ? main : tail;
      let x = val[i]!;
      // Advance form i to its first position ≥ p + i.
      while (x < p + i) {
        if (rem[i] === 0) return false;
        let j2 = cur[i]!;
        let b2 = bytes[j2++]!;
        let v2 = b2 & 0x7f;
        for (let sh = 7; b2 & 0x80; sh += 7) {
          b2 = bytes[j2++]!;
          v2 |= (b2 & 0x7f) << sh;
        }
        cur[i] = j2;
        rem[i]!--;
        x = ((x < 0 ? 0 : x) + (v2 >>> 0)) | 0;
        val[i] = x;
      }
      if (x !== p + i) {
        ok = false;
        break;
      }
    }
    if (ok) return true;
  }
  return false;
}
