/**
 * Query latency of the search core on a saved snapshot (bench/snapshot-71k.ts), without the
 * minute-long rebuild of `npm run bench search`: the six bench shapes, ranking only
 * (`rank(q, 10)`) and whole `search()`, and search() with all facets. Per-query CPU time
 * (process.cpuUsage, so other processes' load does not count) and wall time, p50/p95/p99.
 *   node --expose-gc --import tsx bench/latency.ts SNAPSHOT.bin [runs]
 */
import { loadBenchEngine } from './load-engine.ts';
import type { FacetName, SearchRequest } from '../src/types.ts';
import { type Percentiles, timeCalls } from './measure.ts';

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

const measure = (fn: () => unknown) => timeCalls(fn, runs, 10);
const pct = (p: Percentiles) => `${p.p50.toFixed(2)} / ${p.p95.toFixed(2)} / ${p.p99.toFixed(2)}`;
console.log(`${e.size} articles, ${runs} runs per row; CPU ms p50 / p95 / p99 (wall in brackets)`);
console.log('(one query repeated per row: anything kept between queries is warm here; bench/latency-stream.ts times distinct queries)');
console.log('| query | hits | rank(q,10) CPU | search() CPU | search()+all facets CPU |');
console.log('|---|---|---|---|---|');
for (const [name, req] of shapes) {
  const { q, ...rest } = req;
  const r = measure(() => e.rank(q, 10, rest));
  const s = measure(() => e.search(req));
  const f = measure(() => e.search({ ...req, facets: ALL_FACETS }));
  console.log(`| ${name} \`${q}\` | ${e.search(req).total} | ${pct(r.cpu)} [${pct(r.wall)}] | ${pct(s.cpu)} [${pct(s.wall)}] | ${pct(f.cpu)} [${pct(f.wall)}] |`);
}
