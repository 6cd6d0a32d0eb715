/**
 * The search Engine (src/contracts.ts): two inverted indexes (light stems; exact normalized forms
 * with positions), a document table with filter values, near-duplicate groups, and BM25F ranking.
 *
 * Consistency: put/remove/search are synchronous and JavaScript runs one call at a time, so a
 * search always sees the index either before or after a whole put/remove, never half of one.
 * Keep every mutation synchronous (no await inside put/remove) to preserve this.
 */
import { analyze, releaseIds } from '../analysis/analyzer.ts';
import type { ArticleView, Engine, EngineStats, ParsedQuery, PutStatus, Suggestion, QueryNode } from '../contracts.ts';
import { NearDuplicateIndex } from '../dedupe/near-duplicates.ts';
import { ValidationError } from '../errors.ts';
import { highlightHtml, snippetFromScan, snippetHtml } from '../highlight/highlight.ts';
import { isEmptySpec } from '../highlight/match.ts';
import { bodyScan, shownBodiesOf } from './shown-bodies.ts';
import { EMPTY_MATCH_SPEC, matchSpecFromQuery } from '../query/match-spec.ts';
import { parseQuery } from '../query/parse.ts';
import { queryTokens } from '../query/query-tokens.ts';
import type { Article, FacetValue, SearchHit, SearchRequest, SearchResponse, Token } from '../types.ts';
import { articleFingerprint, checkArticle } from './article-check.ts';
import { analyzeArticle, hashExacts, indexArticle } from './doc-analysis.ts';
import { DocTable, urlKey } from './doc-table.ts';
import { DuplicateGroups } from './duplicate-groups.ts';
import { Evaluator, type IndexView, type TermQuery, nodeReadings } from './evaluate.ts';
import { countFacetsDisjunctive, topValues } from './facets.ts';
import { compileFilter } from './filters.ts';
import { MergeScratch, PostingIndex, TAIL_POSTING_BYTES } from './postings.ts';
import { applyProximity } from './proximity.ts';
import { DEFAULT_RANKING, type RankingParams } from './ranking-params.ts';
import { ScorePool, type Hits } from './score-pool.ts';
import { SortedVocab } from './sorted-vocab.ts';
import { MIN_DF, SpellingVocab } from './spelling.ts';
import { suggestFor, surfaceForm } from './suggest.ts';
import { topK, withLeadingKey } from './top-k.ts';
import { isQuestion } from './question.ts';
import { splitJoinedWords } from './joined-words.ts';
import { markCompounds, wordKey } from './compound-words.ts';
import { markContextTypos } from './context-typos.ts';
import { exactDf, withConfusableLetter } from './typed-readings.ts';
import { relatedDocs } from './related.ts';
import { serializeEngine, deserializeParts, type EngineBytes, type EngineParts } from './serialize.ts';

export interface EngineOptions {
  ranking?: Partial<RankingParams>;
}

export const MAX_PAGE_SIZE = 100;
export const MAX_RESULT_WINDOW = 10_000;
/**
 * Default budget of a bulk load (beginBulk): bytes of unmerged postings (both indexes' tails,
 * records and positions) before they are merged. See docs/design/search.md, "Bulk load".
 */
export const BULK_TAIL_BUDGET = 768 << 20;
const SNIPPET = { fragments: 2, words: 24 } as const;

/** Hits fewer than this get a "did you mean". */
const SUGGEST_BELOW = 3;

export class SearchEngine implements Engine {
  readonly docs: DocTable;
  readonly stems: PostingIndex;
  readonly exacts: PostingIndex;
  readonly dups: DuplicateGroups;
  readonly params: RankingParams;
  readonly exactVocab: SortedVocab;
  readonly spelling: SpellingVocab;
  readonly pool = new ScorePool();
  /** During a bulk load, the tails' byte budget (see beginBulk); null: the live merge policy. */
  private bulkBudget: number | null = null;
  private bulkReserved = false;
  /** Scratch for collapse: best doc so far per duplicate group (−1 between calls). */
  private groupBest = new Int32Array(0);
  private readonly readShown = (doc: number) => this.docs.articleShown(doc)!;

  constructor(opts: EngineOptions = {}, parts?: EngineParts) {
    this.params = { ...DEFAULT_RANKING, ...opts.ranking };
    this.docs = parts?.docs ?? new DocTable();
    this.stems = parts?.stems ?? new PostingIndex(false);
    this.exacts = parts?.exacts ?? new PostingIndex(true);
    this.dups = new DuplicateGroups(parts?.dedupe ?? new NearDuplicateIndex(), (id) => this.docs.byId.get(id));
    this.exactVocab = new SortedVocab(this.exacts);
    this.spelling = new SpellingVocab(this.exacts);
  }

  get size(): number {
    return this.docs.live;
  }

  private get ix(): IndexView {
    this.pool.resize(this.docs.slots);
    return { stems: this.stems, exacts: this.exacts, docs: this.docs, exactVocab: this.exactVocab, pool: this.pool, params: this.params, spelling: this.spelling };
  }

  /** How the evaluator reads one typed word (every reading is marked by the highlighter). */
  private readonly readWord = (typed: Token, _text: string, node: Extract<QueryNode, { kind: 'word' }>) => nodeReadings(typed, node, this.ix);

  put(article: Article): PutStatus {
    checkArticle(article);
    const old = this.docs.byId.get(article.id);
    if (old !== undefined) {
      if (articleFingerprint(this.docs.article(old)!) === articleFingerprint(article)) return 'unchanged';
      this.removeDoc(old);
    }
    const next = this.docs.slots;
    const a = indexArticle(article, next, this.stems, this.exacts);
    const doc = this.docs.add(article, a.titleLen, a.bodyLen, a.bodyHash);
    if (doc !== next) throw new Error(`internal: doc number ${doc} ≠ ${next}`);
    this.dups.addWords(article.id, a.bodyWords, a.bodyLen);
    this.maybeMerge();
    return old === undefined ? 'added' : 'updated';
  }

  remove(id: string): boolean {
    const doc = this.docs.byId.get(id);
    if (doc === undefined) return false;
    this.removeDoc(doc);
    this.dups.remove(id);
    return true;
  }

  private removeDoc(doc: number): void {
    const article = this.docs.article(doc)!;
    const a = analyzeArticle(article);
    this.stems.removeDoc(a.stems.keys());
    this.exacts.removeDoc(a.exacts.keys());
    this.docs.remove(doc);
  }

  /**
   * Folds the postings tails into the compact main arrays when they have grown: during a bulk
   * load when they use the budget, else (a live index) when the stems tail reaches a third of
   * main, so a server's searches read short unmerged lists.
   */
  private maybeMerge(): void {
    const budget = this.bulkBudget;
    if (budget !== null) {
      const tail = this.stems.tailBytes + this.exacts.tailBytes;
      if (tail >= budget) this.mergeTails();
      else if (!this.bulkReserved && tail >= budget / 256) this.reserveBulkTails(budget);
      return;
    }
    const tail = this.stems.tailPostings;
    if (tail < 1 << 18 || tail < this.stems.mainPostings / 3) return;
    this.mergeTails();
  }

  /** `release`: also give back the tails' capacity (see PostingIndex.merge). */
  private mergeTails(release = false): void {
    // Each merge partitions its tail into memory that is idle meanwhile: the stems merge into
    // the exact-form tail's unused room, the exact-form merge into the stems tail's records,
    // spent by then (no fresh scratch pages, no new external memory to start a major GC).
    const scratch = new MergeScratch();
    scratch.lend(this.exacts.tailRoom());
    const spent = this.stems.spentTail();
    this.stems.merge(this.docs.dead.data, release, scratch);
    scratch.lend(spent);
    this.exacts.merge(this.docs.dead.data, release, scratch);
  }

  /**
   * Compacts both indexes now (drops postings of removed docs). Called after a bulk build, so it
   * also frees the index path's word ids (the analyzer's vocabulary and the word → term tables,
   * ≤ ~20 MB, rebuilt as later articles come) and the capacity the postings tails kept.
   */
  merge(): void {
    this.mergeTails(true);
    releaseIds();
    this.stems.forgetWords();
    this.exacts.forgetWords();
  }

  /**
   * Starts a bulk load (an indexing buffer, as Lucene's RAM buffer): until endBulk, puts merge
   * their postings into main only when the unmerged ones take `budgetBytes`, instead of at every
   * third of main — each merge moves all of main's bytes, so fewer merges do less work; the cost
   * is the tails' memory (~20–26 B a posting, capacity up to twice that). Searches stay correct
   * throughout (they read the tails' lists), only slower on a large tail; serialize() merges first.
   */
  beginBulk(budgetBytes = BULK_TAIL_BUDGET): void {
    if (!(budgetBytes > 0)) throw new RangeError(`bulk budget must be positive, got ${budgetBytes}`);
    this.bulkBudget = budgetBytes;
    this.bulkReserved = false;
  }

  /**
   * Once a bulk load's tails hold 1/256 of the budget (3 MiB by default: ~450 articles like the
   * corpus's; a smaller load never gets here), they get room for the whole budget at once, in one
   * buffer (see PostingIndex.reserveTails): doubling arrays copy themselves at each step and touch
   * fresh pages (kernel time) for ~2× their final size, while reserved room is only touched as it
   * fills (the rest is address space). Reserving early also spares the doubling's own array
   * buffers: at 1/16 they were ~90 MB, enough to start a major GC of their own just before the
   * reservation's (71k build: 3 major GCs at the reservation with 5 arrays, 2 with one buffer,
   * 1 at 1/256). Shares as a 71k build fills them: stems 43 %, exact forms 48 % plus positions
   * 9 %; an array that needs more still grows as usual.
   */
  private reserveBulkTails(budget: number): void {
    this.bulkReserved = true;
    PostingIndex.reserveTails([
      { index: this.stems, postings: Math.ceil((budget * 0.45) / TAIL_POSTING_BYTES), posBytes: 0 },
      { index: this.exacts, postings: Math.ceil((budget * 0.5) / TAIL_POSTING_BYTES), posBytes: Math.ceil(budget * 0.1) },
    ]);
  }

  /** Ends a bulk load: the live merge policy again, after a merge() (tails folded and freed). */
  endBulk(): void {
    this.bulkBudget = null;
    this.merge();
  }

  /** Puts every article as one bulk load (beginBulk … endBulk). */
  putAll(articles: Iterable<Article>, budgetBytes = BULK_TAIL_BUDGET): void {
    this.beginBulk(budgetBytes);
    try {
      for (const a of articles) this.put(a);
    } finally {
      this.endBulk();
    }
  }

  get(id: string): Article | undefined {
    const d = this.docs.byId.get(id);
    return d === undefined ? undefined : this.docs.article(d);
  }

  idByUrl(url: string): string | undefined {
    const d = this.docs.byUrl.get(urlKey(url));
    return d === undefined ? undefined : this.docs.idOf(d);
  }

  sameBodyAs(article: Article): string | undefined {
    const hash = hashExacts(analyze(article.body ?? '').map((t) => t.exact));
    for (const d of this.docs.sameBody(hash)) {
      const other = this.docs.idOf(d);
      if (other !== undefined && other !== article.id) return other;
    }
    return undefined;
  }

  search(req: SearchRequest): SearchResponse {
    const t0 = performance.now();
    const size = req.size ?? 10;
    const page = req.page ?? 1;
    if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) throw new ValidationError(`size must be an integer from 1 to ${MAX_PAGE_SIZE}, got ${size}`, 'Ask for fewer results per page.');
    if (!Number.isInteger(page) || page < 1) throw new ValidationError(`page must be an integer ≥ 1, got ${page}`, 'Pages are numbered from 1.');
    if (page * size > MAX_RESULT_WINDOW) throw new ValidationError(`page ${page} × size ${size} is beyond the first ${MAX_RESULT_WINDOW} results`, 'Narrow the search with filters instead of paging this far.');
    const r = this.execute(req, page * size);
    const top = r.top.slice((page - 1) * size);
    // The words' readings as the evaluation worked them out (the same function of the same token).
    const readWord = (typed: Token, text: string, node: Extract<QueryNode, { kind: 'word' }>) => r.readings.get(wordKey(node)) ?? this.readWord(typed, text, node);
    const spec = r.browse ? EMPTY_MATCH_SPEC : matchSpecFromQuery(r.parsed, readWord);
    const collapse = req.collapse !== false;
    const hits: SearchHit[] = top.map((d) => this.hit(d, r.score[d]!, spec, collapse, r.score));
    this.pool.release(r.hits);
    const response: SearchResponse = { query: r.parsed.text, total: r.total, page, size, took_ms: 0, relaxed: r.relaxed, hits, facets: r.facets };
    // Few hits: suggest for rare words too. Otherwise only when a word was unknown and read as
    // its closest spelling (typo tolerance), so the reader sees what was searched for.
    if (!r.browse) {
      // A word typed without its space (وزارةالصحة) was read as two: show them spaced.
      const s = r.spaced ?? this.didYouMean(r.parsed, r.total >= SUGGEST_BELOW);
      if (s) response.suggestion = s;
    }
    response.took_ms = Math.round((performance.now() - t0) * 1000) / 1000;
    return response;
  }

  /**
   * The ranked ids for a query exactly as the search box runs it (parse, match, relax, collapse,
   * rank), without snippets: for evaluation runs (trec-run) and benchmarks.
   */
  rank(q: string, k: number, req: Omit<SearchRequest, 'q'> = {}): { id: string; score: number }[] {
    const r = this.execute({ ...req, q }, k);
    const out = r.top.map((d) => ({ id: this.docs.idOf(d)!, score: r.score[d]! }));
    this.pool.release(r.hits);
    return out;
  }

  /** rank() with each hit's copies (syndicated duplicates) in the order the page lists them under it. */
  rankWithCopies(q: string, k: number, req: Omit<SearchRequest, 'q'> = {}): { id: string; score: number; copies: string[] }[] {
    const r = this.execute({ ...req, q }, k);
    const out = r.top.map((d) => ({ id: this.docs.idOf(d)!, score: r.score[d]!, copies: this.copiesOf(d, r.score).map((c) => this.docs.idOf(c)!) }));
    this.pool.release(r.hits);
    return out;
  }

  /** Matching, filtering, collapsing, facets and the best `k` docs. The caller releases `hits`. */
  private execute(req: SearchRequest, k: number) {
    const q = typeof req.q === 'string' ? req.q : '';
    const split = splitJoinedWords(parseQuery(q), this.ix);
    const parsed = markContextTypos(markCompounds(split.parsed, this.ix), this.ix);
    const spaced = split.spaced;
    const filter = compileFilter(this.docs, req.filters, parsed.dateRanges);
    const browse = parsed.root.clauses.length === 0;
    const sort = req.sort ?? (browse ? 'newest' : 'relevance');

    let relaxed = false;
    const question = isQuestion(parsed.text);
    const readings = new Map<string, TermQuery[]>();
    let hits = this.evaluate(parsed, false, question, readings);
    const matchedAny = hits.docs.some((d) => filter.accepts(d));
    if (!matchedAny && !browse && hasShould(parsed)) {
      this.pool.release(hits);
      hits = this.evaluate(parsed, true, question, readings);
      // Relaxed only when the partial matches survive the filters (else: nothing, not "partial").
      relaxed = hits.docs.some((d) => filter.accepts(d));
    }
    const matched = filter.none ? hits.docs : hits.docs.filter((d) => filter.accepts(d));
    const score = hits.score;
    const date = this.docs.date.data;
    const byRelevance = withLeadingKey((a: number, b: number) => score[b]! - score[a]! || date[b]! - date[a]! || a - b, score, true);
    const byNewest = withLeadingKey((a: number, b: number) => date[b]! - date[a]! || score[b]! - score[a]! || b - a, date, true);
    const byOldest = (a: number, b: number) => dateAsc(date[a]!, date[b]!) || score[b]! - score[a]! || a - b;
    const cmp = sort === 'newest' ? byNewest : sort === 'oldest' ? byOldest : byRelevance;
    if (sort === 'relevance' && !browse) applyProximity(this.ix, hits, matched, byRelevance, parsed, question);
    const results = req.collapse !== false ? this.collapse(matched, cmp) : matched;
    const collapse = (ds: number[]) => (req.collapse !== false ? this.collapse(ds, cmp) : ds);
    const facets = req.facets?.length ? countFacetsDisjunctive({ docs: this.docs, results, matched: hits.docs, filters: req.filters, queryRanges: parsed.dateRanges, collapse }, req.facets) : {};
    const top = topK(results, k, cmp);
    return { parsed, spaced, browse, relaxed, hits, score, top, total: results.length, facets, readings };
  }

  /** Evaluates the parsed query (a browse matches every live doc). */
  private evaluate(parsed: ParsedQuery, relaxed: boolean, question: boolean, readings: Map<string, TermQuery[]>): Hits {
    const ev = new Evaluator(this.ix, { relaxed, question, readings });
    const h = parsed.root.clauses.length === 0 ? ev.all() : ev.node(parsed.root, true);
    return h ?? { docs: [], score: this.pool.take() };
  }

  /** One doc per duplicate group: the best by `cmp` (docs without copies, then groups in first-seen order). */
  private collapse(docs: number[], cmp: (a: number, b: number) => number): number[] {
    if (this.dups.empty) return docs;
    const groupOf = this.dups.table();
    const limit = groupOf.length;
    if (this.groupBest.length < this.dups.groupCount) this.groupBest = new Int32Array(this.dups.groupCount).fill(-1);
    const best = this.groupBest;
    // Filled by index and cut to length once (pushing into a growing array was most of the cost).
    const out = new Array<number>(docs.length);
    let n = 0;
    const seen: number[] = [];
    for (let i = 0; i < docs.length; i++) {
      const d = docs[i]!;
      const g = d < limit ? groupOf[d]! : -1;
      if (g < 0) {
        out[n++] = d;
        continue;
      }
      const b = best[g]!;
      if (b < 0) {
        best[g] = d;
        seen.push(g);
      } else if (cmp(d, b) < 0) best[g] = d;
    }
    for (const g of seen) {
      out[n++] = best[g]!;
      best[g] = -1;
    }
    out.length = n;
    return out;
  }

  /**
   * The live copies of a doc (its duplicate group but itself). With the query's scores, the best
   * matching copy first (unmatched ones score 0), ties in group order: when both headlines hold
   * the typed words, the hit is the better scored, and the other, the one the reader may have
   * typed, is listed right under it rather than after copies that match less.
   */
  private copiesOf(doc: number, score?: Float64Array): number[] {
    const g = this.dups.groupOf(doc);
    if (g < 0) return [];
    const out = this.dups.membersOf(g).filter((d) => d !== doc && this.docs.dead.data[d] === 0);
    return score && out.length > 1 ? out.sort((a, b) => score[b]! - score[a]!) : out;
  }

  private duplicatesOf(doc: number, score?: Float64Array): SearchHit['duplicates'] {
    return this.copiesOf(doc, score)
      .map((d) => {
        const a = this.docs.articleHead(d)!;
        return { id: a.id, source: a.source, title: a.title, date: a.date, url: a.url };
      });
  }

  private hit(doc: number, score: number, spec: ReturnType<typeof matchSpecFromQuery>, withDuplicates: boolean, scores?: Float64Array): SearchHit {
    const shown = shownBodiesOf(this.docs).get(doc, this.readShown);
    const a = shown.article;
    return {
      id: a.id,
      title: a.title,
      author: a.author,
      column: a.column,
      source: a.source,
      category: a.category,
      date: a.date,
      url: a.url,
      score: Math.round(score * 10000) / 10000,
      snippet: isEmptySpec(spec) ? snippetHtml(a.body, spec, SNIPPET) : snippetFromScan(bodyScan(shown), spec, SNIPPET),
      titleHtml: highlightHtml(a.title, spec),
      duplicates: withDuplicates ? this.duplicatesOf(doc, scores) : [],
    };
  }

  /**
   * The query with rare/unknown words (only unknown ones when `onlyUnknown`) replaced by a
   * frequent close spelling, and words read by their neighbour as another (context-typos.ts)
   * by that word, written as the archive spells it; undefined if nothing changed.
   */
  private didYouMean(parsed: ParsedQuery, onlyUnknown: boolean): string | undefined {
    const q = parsed.text;
    const edits: { start: number; end: number; text: string }[] = [];
    const visit = (n: ParsedQuery['root'] | import('../contracts.ts').QueryNode): void => {
      if (n.kind === 'group') for (const c of n.clauses) c.occur !== 'must_not' && visit(c.node);
      else if (n.kind === 'or') for (const c of n.children) visit(c);
      else if (n.kind === 'word') {
        const toks = queryTokens(n.text);
        // A word its neighbour says was mistyped (context-typos.ts) was also read as the form
        // meant: suggested when the archive (almost) never writes the word as typed (طايرة 1
        // article, نتايج 1); a real word written more (مراكب 53 beside مراكز) was maybe meant, and
        // its articles lead the page.
        if (n.typo !== undefined) {
          const at = q.indexOf(n.text, n.start);
          if (at >= 0 && toks.length === 1 && exactDf(this.ix, toks[0]!.exact) < MIN_DF) edits.push({ start: at, end: at + n.text.length, text: surfaceForm(this, n.typo) });
          return;
        }
        if (toks.length !== 1 || toks[0]!.stop) return;
        const stem = this.stems.idOf(toks[0]!.term);
        if (onlyUnknown && stem >= 0 && this.stems.df.data[stem]! > 0) return;
        // A letter the reader's dialect merges (انتضار): the form read, not the closest spelling.
        const fix = withConfusableLetter(toks[0]!, this.ix)?.exact ?? this.spelling.correct(toks[0]!.exact);
        if (fix) {
          const at = q.indexOf(n.text, n.start);
          if (at >= 0) edits.push({ start: at, end: at + n.text.length, text: surfaceForm(this, fix) });
        }
      }
    };
    visit(parsed.root);
    if (edits.length === 0) return undefined;
    let s = q;
    for (const e of edits.sort((a, b) => b.start - a.start)) s = s.slice(0, e.start) + e.text + s.slice(e.end);
    return s.trim();
  }

  view(id: string, q?: string): ArticleView | undefined {
    const d = this.docs.byId.get(id);
    if (d === undefined) return undefined;
    const a = this.docs.article(d)!;
    const spec = q && q.trim() ? matchSpecFromQuery(markContextTypos(markCompounds(splitJoinedWords(parseQuery(q), this.ix).parsed, this.ix), this.ix), this.readWord) : EMPTY_MATCH_SPEC;
    return { article: a, titleHtml: highlightHtml(a.title, spec), bodyHtml: highlightHtml(a.body, spec), duplicates: this.duplicatesOf(d) };
  }

  related(id: string, n = 5): SearchHit[] {
    const d = this.docs.byId.get(id);
    if (d === undefined) return [];
    const exclude = new Set<number>([d]);
    const g = this.dups.groupOf(d);
    if (g >= 0) for (const m of this.dups.membersOf(g)) exclude.add(m);
    const ranked = relatedDocs(this.ix, this.docs.article(d)!, exclude, n * 3);
    const byScore = (a: number, b: number) => ranked.score.get(b)! - ranked.score.get(a)! || a - b;
    const collapsed = this.collapse(ranked.docs, byScore).sort(byScore).slice(0, n);
    return collapsed.map((x) => this.hit(x, ranked.score.get(x)!, EMPTY_MATCH_SPEC, true));
  }

  suggest(prefix: string, n = 8): Suggestion[] {
    return suggestFor(this, prefix, Math.max(1, Math.min(50, n)));
  }

  authors(): FacetValue[] {
    const dict = this.docs.dicts.author;
    return topValues(dict.count.view(), dict.display, Infinity);
  }

  stats(): EngineStats {
    let terms = 0;
    const df = this.stems.df.data;
    for (let i = 0; i < this.stems.size; i++) if (df[i]! > 0) terms++;
    let lo = 0;
    let hi = 0;
    const date = this.docs.date.data;
    for (let d = 0; d < this.docs.slots; d++) {
      const x = date[d]!;
      if (this.docs.dead.data[d] || x === 0) continue;
      if (lo === 0 || x < lo) lo = x;
      if (x > hi) hi = x;
    }
    const count = (f: 'author' | 'source') => {
      let c = 0;
      for (const v of this.docs.dicts[f].count.view()) if (v > 0) c++;
      return c;
    };
    const stats: EngineStats = { articles: this.docs.live, terms, authors: count('author'), sources: count('source'), duplicateGroups: this.dups.groupCount };
    if (hi) stats.dateRange = { from: dateText(lo), to: dateText(hi) };
    return stats;
  }

  serialize(): Uint8Array {
    // A bulk load's tail can be most of the index: merge it now (the work is due anyway) rather
    // than build a merged copy beside it.
    if (this.bulkBudget !== null) this.mergeTails();
    return serializeEngine(this);
  }

  /** Releases the snapshot file the loaded articles are read from (their text cannot be read afterwards). */
  close(): void {
    this.docs.storedArticles?.close();
  }
}

function hasShould(p: ParsedQuery): boolean {
  return p.root.clauses.some((c) => c.occur === 'should');
}

/** Ascending dates with unknown (0) last. */
function dateAsc(a: number, b: number): number {
  if (a === b) return 0;
  if (a === 0) return 1;
  if (b === 0) return -1;
  return a - b;
}

function dateText(x: number): string {
  const y = Math.floor(x / 10000);
  const m = Math.floor(x / 100) % 100;
  const d = x % 100;
  return [String(y).padStart(4, '0'), m ? String(m).padStart(2, '0') : '', d ? String(d).padStart(2, '0') : ''].filter(Boolean).join('-');
}

export function createEngine(opts: EngineOptions = {}): Engine {
  return new SearchEngine(opts);
}

/**
 * An engine from serialized bytes: in memory (it keeps views into them), or as a snapshot loader
 * hands them over with the article text left in the file (the engine then owns the descriptor).
 */
export function deserializeEngine(bytes: Uint8Array | EngineBytes, opts: EngineOptions = {}): Engine {
  return new SearchEngine(opts, deserializeParts(bytes));
}
