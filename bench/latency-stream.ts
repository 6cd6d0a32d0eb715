/**
 * Query latency over a stream of DISTINCT queries, as a search box sees them: 1, 2 and 3 words
 * taken from random headlines (consecutive words), each query run once, shuffled, on an index
 * opened fresh. bench/latency.ts repeats one query per shape hundreds of times, so anything kept
 * between queries is always warm there; this bench shows what a reader's varied queries cost.
 * Whole search() (page of 10 with snippets), CPU and wall ms, p50 / p95 / p99 per query length,
 * for the first pass (from a cold start) and a second pass over the same stream.
 * With --warm-up, the server's warm-up searches (src/search/warm-up.ts) run first, as after
 * `fahras serve` loads an index.
 *   node --expose-gc --import tsx bench/latency-stream.ts INDEX_DIR_OR_SNAPSHOT [queries per length] [--warm-up]
 */
import { loadBenchEngine } from './load-engine.ts';
import { streamQueries } from './stream-queries.ts';
import { heapAndBuffers, MB, percentiles, type Percentiles } from './measure.ts';
import { warmUp } from '../src/search/warm-up.ts';

const args = process.argv.slice(2).filter((a) => a !== '--warm-up');
const withWarmUp = process.argv.includes('--warm-up');
const [snap, perLengthArg] = args;
if (!snap) throw new Error('usage: node --expose-gc --import tsx bench/latency-stream.ts INDEX_DIR_OR_SNAPSHOT [queries per length]');
const perLength = Number(perLengthArg ?? 700);
const heapBefore = heapAndBuffers();
const e = await loadBenchEngine(snap);
const heapLoaded = heapAndBuffers();
const warmMs = withWarmUp ? await warmUp(e) : 0;

const queries = streamQueries(e.docs, perLength);

function pass(): Map<number, { cpu: number[]; wall: number[] }> {
  const out = new Map([1, 2, 3].map((n) => [n, { cpu: [] as number[], wall: [] as number[] }]));
  for (const { q, n } of queries) {
    const c = process.cpuUsage();
    const t = performance.now();
    e.search({ q });
    const wall = performance.now() - t;
    const d = process.cpuUsage(c);
    out.get(n)!.cpu.push((d.user + d.system) / 1000);
    out.get(n)!.wall.push(wall);
  }
  return out;
}

const pct = (p: Percentiles) => `${p.p50.toFixed(2)} / ${p.p95.toFixed(2)} / ${p.p99.toFixed(2)}`;
console.log(`${e.size} articles; ${queries.length} distinct headline queries, each run once per pass, shuffled${withWarmUp ? `; after the server's warm-up (${warmMs.toFixed(0)} ms wall)` : ''}`);
console.log('| pass | words | queries | search() CPU ms p50 / p95 / p99 | wall ms p50 / p95 / p99 |');
console.log('|---|---|---|---|---|');
for (const label of [withWarmUp ? 'first (after warm-up)' : 'first (cold start)', 'second (same stream)']) {
  for (const [n, t] of pass()) {
    console.log(`| ${label} | ${n} | ${t.cpu.length} | ${pct(percentiles(t.cpu))} | ${pct(percentiles(t.wall))} |`);
  }
}
const heapAfter = heapAndBuffers();
console.log(`heap+buffers: loaded ${MB(heapLoaded - heapBefore)}, after the two passes ${MB(heapAfter - heapBefore)} (process baseline excluded)`);
