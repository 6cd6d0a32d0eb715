/**
 * Ranking tuning harness (not part of `npm run eval`): loads a saved 71k snapshot (corpus + both
 * judged sets' passages, as `npm run eval` builds it) once and scores ranking variants in-process:
 * known-item MRR@10 on several seeds (by result row, the flat run beside it), nDCG@10 of each judged set with the distractors and alone.
 *   node --import tsx eval/tune.ts --snapshot=/tmp/full.snap [--build] [--seeds=1,2,3] [--known=1000]
 *        [--variants='[{"titleBigram":0.5},{}]'] [--diag]
 * --build writes the snapshot first (≈ 70 s CPU). --diag classifies each known-item miss (see
 * eval/known-item-misses.ts). Variants are partial RankingParams merged over the defaults.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { loadCorpus } from '../bench/corpus.ts';
import { SearchEngine } from '../src/search/engine.ts';
import { deserializeParts } from '../src/search/serialize.ts';
import { DEFAULT_RANKING, type RankingParams } from '../src/search/ranking-params.ts';
import { EVAL_SETS, loadEvalSet, type EvalSet } from './datasets.ts';
import { knownItemQueries } from './known-item.ts';
import { classifyMisses } from './known-item-misses.ts';
import { meanMetrics, mrrAt, rowMrrAt } from './metrics.ts';
import { rankedIds } from '../src/search/trec-run.ts';

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const flag = (name: string) => process.argv.includes(`--${name}`);

const snapshot = arg('snapshot') ?? '/tmp/fahras-eval.snap';
const seeds = (arg('seeds') ?? '20231212').split(',').map(Number);
const nKnown = Number(arg('known') ?? 1000);
const variants: Partial<RankingParams>[] = JSON.parse(arg('variants') ?? '[{}]');

const sets = EVAL_SETS.map((s) => loadEvalSet(s));
const corpus = loadCorpus();
if (flag('build') || !existsSync(snapshot)) {
  const e = new SearchEngine();
  e.putAll([...corpus, ...sets.flatMap((s) => s.docs.map((d) => ({ id: d.id, title: d.title, body: d.body })))]);
  writeFileSync(snapshot, e.serialize());
}
const parts = deserializeParts(new Uint8Array(readFileSync(snapshot)));
const alone = new Map(sets.map((s) => [s.name, deserializeParts(aloneSnapshot(s))]));
const queriesBySeed = new Map(seeds.map((seed) => [seed, knownItemQueries(corpus, nKnown, seed)]));

function aloneSnapshot(s: EvalSet): Uint8Array {
  const e = new SearchEngine();
  for (const d of s.docs) e.put({ id: d.id, title: d.title, body: d.body });
  return e.serialize();
}

function merged(v: Partial<RankingParams>): Partial<RankingParams> {
  return {
    ...v,
    ...(v.weights ? { weights: { ...DEFAULT_RANKING.weights, ...v.weights } } : {}),
    ...(v.b ? { b: { ...DEFAULT_RANKING.b, ...v.b } } : {}),
    ...(v.msm ? { msm: { ...DEFAULT_RANKING.msm, ...v.msm } } : {}),
  };
}

function ndcg(e: SearchEngine, s: EvalSet): number {
  const runs = new Map<string, string[]>();
  for (const q of s.queries) runs.set(q.id, rankedIds(e, q.text, 100).map((h) => h.id));
  return meanMetrics(runs, s.qrels)['nDCG@10'];
}

const f = (x: number) => x.toFixed(4);
const mrr = mrrAt(10);
const rowMrr = rowMrrAt(10);
for (const v of variants) {
  const ranking = merged(v);
  const e = new SearchEngine({ ranking }, parts);
  const c0 = process.cpuUsage();
  const flat: number[] = [];
  const perSeed = seeds.map((seed) => {
    const qs = queriesBySeed.get(seed)!;
    let sum = 0;
    let flatSum = 0;
    for (const q of qs) {
      sum += rowMrr(e.rankWithCopies(q.text, 10), q.relevant);
      flatSum += mrr(rankedIds(e, q.text, 10).map((h) => h.id), q.relevant);
    }
    if (flag('diag')) classifyMisses(e, qs, seed);
    flat.push(flatSum / qs.length);
    return sum / qs.length;
  });
  const cpu = (process.cpuUsage(c0).user / 1e6 / (seeds.length * nKnown)) * 1000;
  const mean = perSeed.reduce((a, b) => a + b, 0) / perSeed.length;
  const spread = Math.max(...perSeed) - Math.min(...perSeed);
  const judged = sets.map((s) => `${s.name} ${f(ndcg(e, s))} / alone ${f(ndcg(new SearchEngine({ ranking }, alone.get(s.name)!), s))}`);
  console.log(`${JSON.stringify(v)}\n  known-item by result row ${perSeed.map(f).join(' ')} mean ${f(mean)} ±${f(spread / 2)} (${cpu.toFixed(2)} ms CPU/query); flat run ${flat.map(f).join(' ')}\n  ${judged.join(' | ')}`);
}
