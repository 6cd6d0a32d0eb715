/**
 * One engine of `npm run bench search` in a process of its own (forked by bench/search.ts with
 * --expose-gc), so that no other engine's heap — nor its garbage collections — is in the
 * figures: loads the same corpus articles, builds, drops the corpus, times the given queries and
 * sends an EngineReport back over IPC.
 */
import { loadCorpus } from './corpus.ts';
import { gc, heapAndBuffers, timeOnce } from './measure.ts';
import { buildFlexSearch, buildMiniSearch, type Baseline } from './search-baselines.ts';
import { buildFahras, fahrasShapes, measureSnapshot, queryFahras } from './search-fahras.ts';
import type { ChildTask, EngineReport, QueryReport, Shape, SnapshotReport } from './search-report.ts';
import type { Article } from '../src/types.ts';

function rawBytes(docs: readonly Article[]): number {
  let raw = 0;
  for (const a of docs) raw += Buffer.byteLength(`${a.title}${a.body}${a.author ?? ''}${a.source ?? ''}${a.category ?? ''}`);
  return raw;
}

/**
 * Fahras' build, timed, then its snapshot loaded back. A function of its own so that the built
 * engine is unreachable once it returns: kept in a local of measure(), whose frame lives through
 * the query timings, it stayed on the heap beside the loaded copy (~500 MB more at 71k).
 */
/**
 * How far the process's resident memory rose above `rss` (taken before the build) at its peak:
 * the kernel's high-water mark (maxRSS), so a lower bound if the corpus loading peaked higher.
 */
function peakRssSince(rss: number): number {
  return Math.max(0, process.resourceUsage().maxRSS * 1024 - rss);
}

function buildAndReload(docs: readonly Article[], shapes: Shape[] | undefined) {
  const before = heapAndBuffers();
  const rss = process.memoryUsage.rss();
  const b = timeOnce(() => buildFahras(docs));
  const buildPeakRss = peakRssSince(rss);
  const buildHeap = heapAndBuffers() - before;
  const m = measureSnapshot(b.value);
  return {
    build: { cpuMs: b.cpuMs, wallMs: b.wallMs },
    buildHeap,
    buildPeakRss,
    shapes: shapes ?? fahrasShapes(b.value, docs),
    snapshot: m.report,
    loaded: m.loaded,
  };
}

function measure(task: ChildTask): EngineReport {
  // A box, so the corpus can be dropped before the queries are timed.
  const corpus: { docs?: Article[] } = { docs: loadCorpus(task.limit ?? Infinity) };
  const articles = corpus.docs!.length;
  const raw = rawBytes(corpus.docs!);
  const before = heapAndBuffers();
  let query: (s: Shape) => QueryReport;
  let shapes = task.shapes;
  let snapshot: SnapshotReport | undefined;
  let build: { cpuMs: number; wallMs: number };
  let buildHeap: number;
  let buildPeakRss: number;
  if (task.engine === 'fahras') {
    const f = buildAndReload(corpus.docs!, shapes);
    ({ build, buildHeap, buildPeakRss, shapes, snapshot } = f);
    const loaded = f.loaded;
    query = (s) => queryFahras(loaded, s, task.runs);
  } else {
    const rss = process.memoryUsage.rss();
    const b = timeOnce<Baseline>(() => (task.engine === 'flexsearch' ? buildFlexSearch : buildMiniSearch)(corpus.docs!));
    buildPeakRss = peakRssSince(rss);
    build = b;
    buildHeap = heapAndBuffers() - before;
    query = (s) => b.value.query(s, task.runs);
  }
  if (!shapes) throw new Error(`bench search: no query shapes given to the ${task.engine} process`);
  corpus.docs = undefined;
  const queryHeap = heapAndBuffers();
  return {
    engine: task.engine,
    articles,
    rawBytes: raw,
    gc: gc !== undefined,
    buildCpuMs: build.cpuMs,
    buildWallMs: build.wallMs,
    buildHeap,
    buildPeakRss,
    queryHeap,
    snapshot,
    shapes,
    queries: shapes.map(query),
  };
}

process.once('message', (task: ChildTask) => {
  const report = measure(task);
  process.send!(report, () => process.exit(0));
});
