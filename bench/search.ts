/**
 * Search core benchmark on the real corpus (../shared/corpus): build rate, heap, snapshot
 * size/load, and query latency for six query shapes, beside FlexSearch (default Document
 * settings) and MiniSearch on the same documents and queries.
 *   FAHRAS_BENCH_LIMIT=N   use the first N articles (default: all 71k)
 *   FAHRAS_BENCH_RUNS=N    timed calls per query and engine (default 200)
 *   FAHRAS_BENCH_REPEATS=N Fahras processes, one after the other (default 3): the machine's speed
 *                          moves ±15 % from minute to minute, so Fahras' figures are the median
 *                          of N runs (each run's build rate and 3-word p50 printed too); the
 *                          baselines run once (they take 40–60 s each and serve as a scale)
 * Each engine is built and queried in a process of its own (bench/search-child.ts, forked with
 * --expose-gc), one after the other: in one shared process the other engines' heaps (~2.5 GB at
 * 71k with the corpus) made Fahras' p99 a measure of their major GCs, and heap growth figures
 * mixed engines. Times are CPU per call (process.cpuUsage: other processes' load does not count),
 * wall in brackets.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { MB, type CallTimes, type Percentiles } from './measure.ts';
import type { ChildTask, EngineName, EngineReport, QueryReport, Shape } from './search-report.ts';

const CHILD = fileURLToPath(new URL('./search-child.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Forks one engine's process and waits for its report. */
function runChild(task: ChildTask): Promise<EngineReport> {
  // The parent's flags (--import tsx, heap size) plus --expose-gc for clean heap figures.
  const execArgv = process.execArgv.includes('--expose-gc') ? process.execArgv : [...process.execArgv, '--expose-gc'];
  const child = fork(CHILD, [], { cwd: ROOT, execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    let report: EngineReport | undefined;
    child.once('message', (m) => (report = m as EngineReport));
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (report) resolve(report);
      else reject(new Error(`bench search: the ${task.engine} process ended (${signal ?? `exit code ${code}`}) without a report`));
    });
    child.send(task);
  });
}

const f2 = (x: number) => x.toFixed(2);
const cpuPct = (t: CallTimes) => `${f2(t.cpu.p50)} / ${f2(t.cpu.p95)} / ${f2(t.cpu.p99)} [${f2(t.wall.p50)} / ${f2(t.wall.p99)}]`;
const cpu2 = (t: CallTimes) => `${f2(t.cpu.p50)} / ${f2(t.cpu.p99)} [${f2(t.wall.p99)}]`;
const ratio = (a: number, b: number) => (b > 0 ? `${Number((a / b).toPrecision(2))}×` : '–');

function printBuild(reports: EngineReport[]): void {
  const raw = reports[0]!.rawBytes;
  console.log('| engine (own process) | build: articles/s of CPU | build CPU (wall) | heap+buffers growth over the build | × raw text | peak RSS rise during the build | heap+buffers while querying (corpus dropped) |');
  console.log('|---|---|---|---|---|---|---|');
  for (const r of reports) {
    console.log(`| ${r.engine} | ${(r.articles / (r.buildCpuMs / 1000)).toFixed(0)} | ${(r.buildCpuMs / 1000).toFixed(1)} s (${(r.buildWallMs / 1000).toFixed(1)} s) | ${MB(r.buildHeap)} | ${(r.buildHeap / raw).toFixed(2)}× | ${MB(r.buildPeakRss)} | ${MB(r.queryHeap)} |`);
  }
  const fahras = reports.find((r) => r.engine === 'fahras');
  console.log('(fahras growth: index, duplicate signatures and the analyzer\'s word cache; documents were already loaded)');
  const s = fahras?.snapshot;
  if (s) {
    console.log(`fahras snapshot: ${MB(s.bytes)}, serialize ${s.serializeCpuMs.toFixed(0)} ms CPU, load ${s.loadCpuMs.toFixed(0)} ms CPU (${s.loadWallMs.toFixed(0)} ms wall)`);
    console.log('fahras queries below run on the snapshot loaded back (the built engine dropped), as in a serving process; its memory with the documents: bench/loaded-memory.ts');
  }
}

function printQueries(shapes: Shape[], byEngine: Map<EngineName, EngineReport>, runs: number): void {
  const row = (e: EngineName, i: number): QueryReport | undefined => byEngine.get(e)?.queries[i];
  console.log(`\n${runs} calls per cell, each engine in its own process; CPU ms per call p50 / p95 / p99 [wall p50 / p99], or p50 / p99 [wall p99]`);
  console.log('| query | hits fahras / flex / mini | fahras search() | fahras ranking only | fahras search() + 7 facets | flexsearch | minisearch | CPU p50 ratio flex/fahras, mini/fahras |');
  console.log('|---|---|---|---|---|---|---|---|');
  shapes.forEach((s, i) => {
    const ours = row('fahras', i)!;
    const fx = row('flexsearch', i);
    const mn = row('minisearch', i);
    const hits = `${ours.hits} / ${fx ? `${fx.hits}${fx.hits >= 10 ? '+' : ''}` : '–'} / ${mn?.hits ?? '–'}`;
    const ratios = `${fx ? ratio(fx.search.cpu.p50, ours.search.cpu.p50) : '–'}, ${mn ? ratio(mn.search.cpu.p50, ours.search.cpu.p50) : '–'}`;
    console.log(`| ${s.name} \`${s.req.q}\` | ${hits} | ${cpuPct(ours.search)} | ${cpu2(ours.rank!)} | ${cpu2(ours.facets!)} | ${fx ? cpu2(fx.search) : '–'} | ${mn ? cpu2(mn.search) : '–'} | ${ratios} |`);
  });
  console.log('(fahras search(): matching, ranking, collapsing, 10 snippets; flexsearch is capped at 10 results per field; minisearch matches any word. CPU times under 0.1 ms are near process.cpuUsage\'s resolution)');
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** Each percentile of each timing: the median over the runs. */
function medianPercentiles(ps: readonly Percentiles[]): Percentiles {
  return { p50: median(ps.map((p) => p.p50)), p95: median(ps.map((p) => p.p95)), p99: median(ps.map((p) => p.p99)) };
}
function medianTimes(ts: readonly CallTimes[]): CallTimes {
  return { cpu: medianPercentiles(ts.map((t) => t.cpu)), wall: medianPercentiles(ts.map((t) => t.wall)) };
}

/**
 * One report from several Fahras runs: every figure the median over the runs (a run's build CPU
 * and wall, heap figures, and each query percentile separately).
 */
function medianReport(rs: readonly EngineReport[]): EngineReport {
  if (rs.length === 1) return rs[0]!;
  const m = (f: (r: EngineReport) => number) => median(rs.map(f));
  const first = rs[0]!;
  return {
    ...first,
    buildCpuMs: m((r) => r.buildCpuMs),
    buildWallMs: m((r) => r.buildWallMs),
    buildHeap: m((r) => r.buildHeap),
    buildPeakRss: m((r) => r.buildPeakRss),
    queryHeap: m((r) => r.queryHeap),
    queries: first.queries.map((q, i) => ({
      ...q,
      search: medianTimes(rs.map((r) => r.queries[i]!.search)),
      rank: q.rank && medianTimes(rs.map((r) => r.queries[i]!.rank!)),
      facets: q.facets && medianTimes(rs.map((r) => r.queries[i]!.facets!)),
    })),
  };
}

function printRuns(rs: readonly EngineReport[], shapes: readonly Shape[]): void {
  if (rs.length === 1) return;
  const rate = (r: EngineReport) => (r.articles / (r.buildCpuMs / 1000)).toFixed(0);
  console.log(`fahras in ${rs.length} runs (own processes, one after the other; its figures above and below are the medians):`);
  console.log(`  build articles/s of CPU: ${rs.map(rate).join(' / ')}`);
  shapes.forEach((s, i) => console.log(`  ${s.name} search() CPU p50: ${rs.map((r) => f2(r.queries[i]!.search.cpu.p50)).join(' / ')} ms`));
}

export async function run(): Promise<void> {
  const limit = process.env.FAHRAS_BENCH_LIMIT ? Number(process.env.FAHRAS_BENCH_LIMIT) : null;
  const runs = Number(process.env.FAHRAS_BENCH_RUNS ?? 200);
  const repeats = Math.max(1, Number(process.env.FAHRAS_BENCH_REPEATS ?? 3));
  // One after the other: the engines do not compete for the 2 cores nor for memory.
  const fahrasRuns = [await runChild({ engine: 'fahras', limit, runs })];
  const shapes = fahrasRuns[0]!.shapes!;
  // Each run picks its shapes as the first did (the same work before the timings; deterministic).
  while (fahrasRuns.length < repeats) {
    const r = await runChild({ engine: 'fahras', limit, runs });
    if (JSON.stringify(r.shapes) !== JSON.stringify(shapes)) throw new Error('bench search: two Fahras runs picked different query shapes');
    fahrasRuns.push(r);
  }
  const fahras = medianReport(fahrasRuns);
  const flex = await runChild({ engine: 'flexsearch', limit, runs, shapes });
  const mini = await runChild({ engine: 'minisearch', limit, runs, shapes });
  const reports = [fahras, flex, mini];
  for (const r of reports) {
    if (r.articles !== fahras.articles || r.rawBytes !== fahras.rawBytes) throw new Error(`bench search: ${r.engine} read ${r.articles} articles, fahras ${fahras.articles}`);
  }
  console.log(`${fahras.articles} articles, raw text ${MB(fahras.rawBytes)} (UTF-8)${fahras.gc ? '' : ' (no gc: heap figures include garbage)'}`);
  printBuild(reports);
  printRuns(fahrasRuns, shapes);
  printQueries(shapes, new Map(reports.map((r) => [r.engine, r])), runs);
}
