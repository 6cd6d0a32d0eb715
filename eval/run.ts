/**
 * `npm run eval`: ranking quality of the search core on the judged Arabic sets (../shared/eval),
 * beside the reference (eval/reference.ts: Lucene BM25 k1=0.9 b=0.4 + Lucene Arabic analysis),
 * in the same run:
 *   1. each set's passages alone;
 *   2. the passages of BOTH sets plus the 71k news articles of ../shared/corpus as distractors;
 *   3. the known-item check (eval/known-item.ts) on the 71k-article index.
 * Queries are searched exactly as the search box would (SearchEngine.rank: parse, match, relax,
 * collapse, rank), and scored on the articles the result page lists in page order: each hit, then
 * the syndicated copies listed under it (trec-run.ts rankedIds, as `fahras run` writes them).
 * The known-item figure counts result rows (eval/metrics.ts rowMrrAt): a hit's copies sit in a
 * closed «also in N other papers» disclosure under it, so they take no row of their own; the
 * flat-run figure is printed beside it.
 * Options: --distractors=N (use the first N corpus articles), --known=N
 * (known-item queries, default 1000), --known-seeds=a,b,c (default 20231212; the known-item
 * figure varies ±0.01 between seeds, so compare variants on several), --no-distractors,
 * --spelling[=n] (the per-rule spelling stress of eval/spelling-stress.ts on the same index, n
 * queries per rule, default 300; off by default: ~2 min of CPU).
 * FAHRAS_RANKING='{"k1":1.1,...}' overrides ranking parameters (for tuning runs; eval/tune.ts
 * scores many variants on one saved index).
 */
import { hasCorpus, loadCorpus } from '../bench/corpus.ts';
import { SearchEngine } from '../src/search/engine.ts';
import { DEFAULT_RANKING, type RankingParams } from '../src/search/ranking-params.ts';
import type { Article } from '../src/types.ts';
import { EVAL_SETS, hasEvalSet, loadEvalSet, type EvalSet } from './datasets.ts';
import { knownItemQueries } from './known-item.ts';
import { classifyMisses } from './known-item-misses.ts';
import { runSpellingStress } from './spelling-stress-run.ts';
import { meanMetrics, mrrAt, rowMrrAt } from './metrics.ts';
import { Bm25Reference } from './reference.ts';
import { rankedIds } from '../src/search/trec-run.ts';

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}`))?.split('=')[1];
const flag = (name: string) => process.argv.includes(`--${name}`);

function rankingFromEnv(): Partial<RankingParams> {
  const raw = process.env.FAHRAS_RANKING;
  if (!raw) return {};
  const o = JSON.parse(raw) as Partial<RankingParams>;
  // Nested objects merge with the defaults.
  return {
    ...o,
    ...(o.weights ? { weights: { ...DEFAULT_RANKING.weights, ...o.weights } } : {}),
    ...(o.b ? { b: { ...DEFAULT_RANKING.b, ...o.b } } : {}),
    ...(o.msm ? { msm: { ...DEFAULT_RANKING.msm, ...o.msm } } : {}),
  };
}

type Scores = ReturnType<typeof meanMetrics>;

function runEngine(e: SearchEngine, set: EvalSet): Scores {
  const runs = new Map<string, string[]>();
  for (const q of set.queries) runs.set(q.id, rankedIds(e, q.text, 100).map((h) => h.id));
  return meanMetrics(runs, set.qrels);
}

function runReference(ref: Bm25Reference, set: EvalSet): Scores {
  const runs = new Map<string, string[]>();
  for (const q of set.queries) runs.set(q.id, ref.search(q.text, 100).map((h) => h.id));
  return meanMetrics(runs, set.qrels);
}

const fmt = (x: number) => x.toFixed(3);
function row(label: string, s: Scores, ref?: Scores): string {
  const ratio = ref ? ` | ×${(s['nDCG@10'] / ref['nDCG@10']).toFixed(3)}` : ' | ';
  return `| ${label} | ${fmt(s['nDCG@10'])} | ${fmt(s['MRR@10'])} | ${fmt(s['Recall@100'])}${ratio} |`;
}

const ranking = rankingFromEnv();
const sets = EVAL_SETS.filter((s) => hasEvalSet(s)).map((s) => loadEvalSet(s));
if (sets.length === 0) {
  console.error('eval: ../shared/eval not found beside the checkout; nothing to evaluate.');
  process.exit(2);
}
const asArticle = (d: { id: string; title: string; body: string }): Article => ({ id: d.id, title: d.title, body: d.body });
const t0 = performance.now();
console.log('| collection | nDCG@10 | MRR@10 | Recall@100 | nDCG vs reference |');
console.log('|---|---|---|---|---|');
for (const set of sets) {
  const e = new SearchEngine({ ranking });
  const ref = new Bm25Reference();
  for (const d of set.docs) {
    e.put(asArticle(d));
    ref.add(d.id, `${d.title}\n${d.body}`);
  }
  const r = runReference(ref, set);
  console.log(row(`${set.name} alone: reference`, r));
  console.log(row(`${set.name} alone: fahras`, runEngine(e, set), r));
}

if (!flag('no-distractors') && hasCorpus()) {
  const limit = arg('distractors') ? Number(arg('distractors')) : Infinity;
  const corpus = loadCorpus(limit);
  const e = new SearchEngine({ ranking });
  const ref = new Bm25Reference();
  const tb = performance.now();
  e.beginBulk();
  for (const a of corpus) {
    e.put(a);
    ref.add(a.id, `${a.title}\n${a.body}`);
  }
  for (const set of sets) {
    for (const d of set.docs) {
      e.put(asArticle(d));
      ref.add(d.id, `${d.title}\n${d.body}`);
    }
  }
  e.endBulk();
  console.error(`(built ${e.size} docs in ${((performance.now() - tb) / 1000).toFixed(1)} s)`);
  for (const set of sets) {
    const r = runReference(ref, set);
    console.log(row(`${set.name} + ${corpus.length} distractors: reference`, r));
    console.log(row(`${set.name} + ${corpus.length} distractors: fahras`, runEngine(e, set), r));
  }
  const n = arg('known') ? Number(arg('known')) : 1000;
  const seeds = (arg('known-seeds') ?? '20231212').split(',').map(Number);
  const mrr = mrrAt(10);
  const rowMrr = rowMrrAt(10);
  for (const seed of n > 0 ? seeds : []) {
    const queries = knownItemQueries(corpus, n, seed);
    let sum = 0;
    let flatSum = 0;
    let refSum = 0;
    for (const q of queries) {
      // By result row, as the reader scans the page (the goal's figure); the flat run beside it.
      sum += rowMrr(e.rankWithCopies(q.text, 10), q.relevant);
      flatSum += mrr(rankedIds(e, q.text, 10).map((h) => h.id), q.relevant);
      // The reference does not collapse copies: each of its articles is a row.
      refSum += mrr(ref.search(q.text, 10).map((h) => h.id), q.relevant);
    }
    console.log(`\nknown-item (${queries.length} headline queries, seed ${seed}) MRR@10 by result row: fahras ${fmt(sum / queries.length)}, reference ${fmt(refSum / queries.length)}; over the flat run (each listed copy a rank of its own, as \`fahras run\` writes it): fahras ${fmt(flatSum / queries.length)}`);
    // Why the misses missed, the ceiling of any ranker of the typed words (a window that runs
    // verbatim in other headlines cannot tell them apart) and the figure counting a syndicated
    // copy shown in the answer's place (eval/known-item-misses.ts).
    classifyMisses(e, queries, seed, 0);
  }
  // --spelling[=n]: the per-rule spelling stress (eval/spelling-stress-run.ts) on this index.
  if (flag('spelling') || arg('spelling')) runSpellingStress(e, arg('spelling') ? Number(arg('spelling')) : 300, seeds[0]!);
}
console.error(`(eval took ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
