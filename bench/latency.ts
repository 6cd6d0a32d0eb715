/**
 * Query latency of the search core on a saved snapshot (bench/snapshot-71k.ts), without the
 * minute-long rebuild of `npm run bench search`. Per-query CPU time (process.cpuUsage, so other
 * processes' load does not count) and wall time, p50/p95/p99:
 *  1. a varied stream first, right after loading (read-path caches empty): ~2,000 distinct
 *     queries (eval-set questions, common title words, headline word pairs and triples), each
 *     run once in a shuffled order — what a serving process sees, with the decoded-lists
 *     cache (decoded-lists.ts) only as warm as the stream makes it;
 *  2. each bench shape with that cache and the shown articles (shown-bodies.ts) emptied before every call (cold);
 *  3. the six bench shapes repeated (`runs` calls each: hot caches): ranking only
 *     (`rank(q, 10)`), whole `search()`, and search() with all facets.
 *   node --expose-gc --import tsx bench/latency.ts SNAPSHOT.bin [runs]
 */
import { loadBenchEngine } from './load-engine.ts';
import type { FacetName, SearchRequest } from '../src/types.ts';
import { type Percentiles, percentiles, timeCalls, timeOnce } from './measure.ts';
import { analyze } from '../src/analysis/analyzer.ts';
import { dropDecoded } from '../src/search/decoded-lists.ts';
import { dropShown } from '../src/search/shown-bodies.ts';
import { EVAL_SETS, hasEvalSet, loadEvalSet } from '../eval/datasets.ts';
import { seededRandom } from '../eval/known-item.ts';

const [snap, runsArg] = process.argv.slice(2);
if (!snap) throw new Error('usage: node --import tsx bench/latency.ts SNAPSHOT.bin [runs]');
const runs = Number(runsArg ?? 300);
const e = await loadBenchEngine(snap); // engine bytes, or an index folder (article text read from disk)
(globalThis as { gc?: () => void }).gc?.();

const ALL_FACETS: FacetName[] = ['author', 'column', 'source', 'category', 'tag', 'year', 'month'];
// Articles of a loaded index are decoded on read (DocTable.article).
// Read one at a time, not kept: an array of every article (~220 MB of strings) would make this
// process's heap unlike a serving process's and its GC pauses part of every percentile.
function* articles(from = 0) {
  for (let d = from; d < e.docs.slots; d++) yield e.docs.article(d);
}
let source = 'okaz';
for (const a of articles()) {
  if (a?.source) {
    source = a.source;
    break;
  }
}
// The rare word of bench/search.ts: the first title word (from article 100 on) with 3–10 hits.
let rare = 'الاستثمار';
for (const a of articles(100)) {
  const w = a?.title.split(/\s+/).find((x) => x.length >= 6 && /^[\u0621-\u064A]+$/.test(x));
  if (!w) continue;
  const n = e.rank(w, 100).length;
  if (n >= 3 && n <= 10) {
    rare = w;
    break;
  }
}
const shapes: [string, SearchRequest][] = [
  ['common word', { q: 'الحكومة' }],
  ['rare word', { q: rare }],
  ['2–3 words', { q: 'أسعار النفط العالمية' }],
  ['phrase', { q: '"وزير الخارجية"' }],
  ['prefix', { q: 'اقتصا*' }],
  ['filter + newest', { q: 'الأمن', filters: { source: [source] }, sort: 'newest' }],
];

const pct = (p: Percentiles) => `${p.p50.toFixed(2)} / ${p.p95.toFixed(2)} / ${p.p99.toFixed(2)}`;

// 1. The varied stream (built from titles read one at a time; nothing is searched before it).
const rnd = seededRandom(31);
const titleWords = (d: number) => (e.docs.titleOf(d) ?? '').split(/\s+/).map((w) => w.replace(/[^\p{L}\p{N}]/gu, '')).filter((w) => w.length >= 2);
const exactDf = (w: string) => {
  const t = analyze(w)[0];
  const id = t ? e.exacts.idOf(t.exact) : -1;
  return id >= 0 ? e.exacts.df.data[id]! : 0;
};
const stream = new Map<string, string>(); // query → kind
for (const name of EVAL_SETS) if (hasEvalSet(name)) for (const q of loadEvalSet(name).queries.slice(0, 300)) stream.set(q.text, 'question');
const kinds: [string, number, number][] = [['common word', 1, 500], ['2 words', 2, 500], ['3 words', 3, 450]];
for (const [kind, n, want] of kinds) {
  let got = 0;
  for (let tries = 0; got < want && tries < want * 50; tries++) {
    const w = titleWords(Math.floor(rnd() * e.docs.slots));
    if (w.length < n) continue;
    const at = Math.floor(rnd() * (w.length - n + 1));
    const q = w.slice(at, at + n).join(' ');
    if (n === 1 && exactDf(q) < 1000) continue; // common: in ≥ 1,000 articles
    if (stream.has(q)) continue;
    stream.set(q, kind);
    got++;
  }
}
const order = [...stream];
for (let i = order.length - 1; i > 0; i--) {
  const j = Math.floor(rnd() * (i + 1));
  [order[i], order[j]] = [order[j]!, order[i]!];
}
const byKind = new Map<string, { cpu: number[]; wall: number[] }>();
const all = { cpu: [] as number[], wall: [] as number[] };
for (const [q, kind] of order) {
  const t = timeOnce(() => e.search({ q }));
  const k = byKind.get(kind) ?? { cpu: [], wall: [] };
  byKind.set(kind, k);
  for (const x of [k, all]) {
    x.cpu.push(t.cpuMs);
    x.wall.push(t.wallMs);
  }
}
console.log(`${e.size} articles. Varied stream first (cold start: decoded-list cache empty), each query once, shuffled; whole search() ms p50 / p95 / p99`);
console.log('| queries | n | CPU | wall |');
console.log('|---|---|---|---|');
for (const [kind, k] of [...byKind, ['all', all] as const]) console.log(`| ${kind} | ${k.cpu.length} | ${pct(percentiles(k.cpu))} | ${pct(percentiles(k.wall))} |`);

// 2. Each shape with the decoded-list cache emptied before every call.
const coldRuns = Math.min(runs, 100);
console.log(`\nCold decoded-list cache and shown articles (emptied before each of ${coldRuns} calls), whole search() ms p50 / p95 / p99`);
console.log('| query | CPU | wall |');
console.log('|---|---|---|');
for (const [name, req] of shapes) {
  const cpu: number[] = [];
  const wall: number[] = [];
  for (let i = 0; i < coldRuns; i++) {
    for (const ix of [e.stems, e.exacts]) dropDecoded(ix);
    dropShown(e.docs);
    const t = timeOnce(() => e.search(req));
    cpu.push(t.cpuMs);
    wall.push(t.wallMs);
  }
  console.log(`| ${name} \`${req.q}\` | ${pct(percentiles(cpu))} | ${pct(percentiles(wall))} |`);
}

// 3. Each shape repeated (hot cache).
const measure = (fn: () => unknown) => timeCalls(fn, runs, 10);
console.log(`\nRepeated (hot decoded-list cache): ${runs} runs per row; CPU ms p50 / p95 / p99 (wall in brackets)`);
console.log('(one query repeated per row: anything kept between queries is warm here; the stream above and bench/latency-stream.ts time distinct queries)');
console.log('| query | hits | rank(q,10) CPU | search() CPU | search()+all facets CPU |');
console.log('|---|---|---|---|---|');
for (const [name, req] of shapes) {
  const { q, ...rest } = req;
  const r = measure(() => e.rank(q, 10, rest));
  const s = measure(() => e.search(req));
  const f = measure(() => e.search({ ...req, facets: ALL_FACETS }));
  console.log(`| ${name} \`${q}\` | ${e.search(req).total} | ${pct(r.cpu)} [${pct(r.wall)}] | ${pct(s.cpu)} [${pct(s.wall)}] | ${pct(f.cpu)} [${pct(f.wall)}] |`);
}
