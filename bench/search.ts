/**
 * Search core benchmark on the real corpus (../shared/corpus): build rate, heap after GC, and
 * query latency percentiles for six query shapes, beside FlexSearch (default Document settings)
 * and MiniSearch on the same documents and queries.
 *   FAHRAS_BENCH_LIMIT=N   use the first N articles (default: all 71k)
 * Heap figures need --expose-gc (node --expose-gc --import tsx bench/run.ts search); without it
 * they include garbage and are marked "(no gc)".
 */
import FlexSearch from 'flexsearch';
import MiniSearch from 'minisearch';
import { loadCorpus } from './corpus.ts';
import { SearchEngine } from '../src/search/engine.ts';
import type { Article, SearchRequest } from '../src/types.ts';

const gc = (globalThis as { gc?: () => void }).gc;
const mem = () => {
  gc?.();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};
const MB = (b: number) => `${(b / 1e6).toFixed(0)} MB`;

function percentiles(times: number[]) {
  const s = [...times].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

function time(fn: () => unknown, runs: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < 5; i++) fn(); // warm-up
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    out.push(performance.now() - t);
  }
  return out;
}

interface Shape {
  name: string;
  req: SearchRequest;
  /** The same information need as plain text for the other libraries. */
  text: string;
}

function shapes(e: SearchEngine, docs: Article[]): Shape[] {
  // The rare word: a title word held by 3–10 documents, picked deterministically.
  let rare = 'الاستثمار';
  for (const a of docs.slice(100)) {
    const w = a.title.split(/\s+/).find((x) => x.length >= 6 && /^[\u0621-\u064A]+$/.test(x));
    if (!w) continue;
    const n = e.rank(w, 100).length;
    if (n >= 3 && n <= 10) {
      rare = w;
      break;
    }
  }
  const source = docs.find((a) => a.source)?.source ?? 'okaz';
  return [
    { name: 'common word', req: { q: 'الحكومة' }, text: 'الحكومة' },
    { name: 'rare word', req: { q: rare }, text: rare },
    { name: '2–3 words', req: { q: 'أسعار النفط العالمية' }, text: 'أسعار النفط العالمية' },
    { name: 'phrase', req: { q: '"وزير الخارجية"' }, text: 'وزير الخارجية' },
    { name: 'prefix', req: { q: 'اقتصا*' }, text: 'اقتصا' },
    { name: 'filter + newest', req: { q: 'الأمن', filters: { source: [source] }, sort: 'newest' }, text: 'الأمن' },
  ];
}

export async function run(): Promise<void> {
  const limit = process.env.FAHRAS_BENCH_LIMIT ? Number(process.env.FAHRAS_BENCH_LIMIT) : Infinity;
  const docs = loadCorpus(limit);
  let raw = 0;
  for (const a of docs) raw += Buffer.byteLength(`${a.title}${a.body}${a.author ?? ''}${a.source ?? ''}${a.category ?? ''}`);
  console.log(`${docs.length} articles, raw text ${MB(raw)} (UTF-8)${gc ? '' : ' (no gc: heap figures include garbage)'}`);

  const before = mem();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const e = new SearchEngine();
  for (const a of docs) e.put(a);
  e.merge();
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  const heap = mem() - before;
  const cpuMs = (cpu.user + cpu.system) / 1000;
  console.log(`fahras build: ${(docs.length / (cpuMs / 1000)).toFixed(0)} articles/s of CPU (${(cpuMs / 1000).toFixed(1)} s CPU, ${(wall / 1000).toFixed(1)} s wall), heap+buffers growth ${MB(heap)} = ${(heap / raw).toFixed(2)}× raw text (index, duplicate signatures and the analyzer's word cache; documents were already loaded)`);
  const tS = performance.now();
  const bytes = e.serialize();
  const tL = performance.now();
  const { deserializeEngine } = await import('../src/search/engine.ts');
  const mL = mem();
  const cL = process.cpuUsage();
  const tL2 = performance.now();
  const loaded = deserializeEngine(bytes);
  const loadWall = performance.now() - tL2;
  const loadCpu = process.cpuUsage(cL);
  // The loaded engine keeps `bytes` (its postings and article text live in them), and they were
  // already allocated when mL was taken: count them.
  const loadedHeap = mem() - mL + bytes.byteLength;
  console.log(`snapshot: ${MB(bytes.byteLength)}, serialize ${(tL - tS).toFixed(0)} ms wall, load ${((loadCpu.user + loadCpu.system) / 1000).toFixed(0)} ms CPU (${loadWall.toFixed(0)} ms wall)`);
  console.log(`loaded index, documents included: heap+buffers ${MB(loadedHeap)} = ${(loadedHeap / raw).toFixed(2)}× raw text (${loaded.size} articles)`);

  const m0 = mem();
  const flex = new FlexSearch.Document({ document: { id: 'id', index: ['title', 'body'] } });
  const f0 = performance.now();
  docs.forEach((a, i) => flex.add({ id: i, title: a.title, body: a.body }));
  const flexBuild = performance.now() - f0;
  const flexHeap = mem() - m0;
  const m1 = mem();
  const mini = new MiniSearch({ fields: ['title', 'body'], idField: 'i' });
  const s0 = performance.now();
  mini.addAll(docs.map((a, i) => ({ i, title: a.title, body: a.body })));
  const miniBuild = performance.now() - s0;
  const miniHeap = mem() - m1;
  console.log(`flexsearch build: ${(docs.length / (flexBuild / 1000)).toFixed(0)} articles/s wall, heap ${MB(flexHeap)}; minisearch: ${(docs.length / (miniBuild / 1000)).toFixed(0)} articles/s wall, heap ${MB(miniHeap)}`);

  const runs = 200;
  console.log('\n| query | hits fahras / flex / mini | fahras search() p50 / p95 / p99 ms | fahras ranking only p50 / p99 | flexsearch p50 / p99 | minisearch p50 / p99 | p50 ratio flex/fahras, mini/fahras |');
  console.log('|---|---|---|---|---|---|---|');
  for (const s of shapes(e, docs)) {
    const ours = percentiles(time(() => e.search(s.req), runs));
    const total = e.search(s.req).total;
    const { q, ...rest } = s.req;
    const core = percentiles(time(() => e.rank(q, 10, rest), runs));
    const flexQuery = () => flex.search(s.text, { limit: 10 });
    const miniQuery = () => mini.search(s.text, s.name === 'prefix' ? { prefix: true } : s.name === 'phrase' ? { combineWith: 'AND' } : {});
    const fx = percentiles(time(flexQuery, runs));
    const mn = percentiles(time(() => miniQuery().slice(0, 10), runs));
    const flexHits = new Set(flexQuery().flatMap((r) => r.result)).size;
    const miniHits = miniQuery().length;
    const f = (x: number) => x.toFixed(2);
    console.log(`| ${s.name} \`${s.req.q}\` | ${total} / ${flexHits}${flexHits >= 10 ? '+' : ''} / ${miniHits} | ${f(ours.p50)} / ${f(ours.p95)} / ${f(ours.p99)} | ${f(core.p50)} / ${f(core.p99)} | ${f(fx.p50)} / ${f(fx.p99)} | ${f(mn.p50)} / ${f(mn.p99)} | ${(fx.p50 / ours.p50).toFixed(1)}×, ${(mn.p50 / ours.p50).toFixed(1)}× |`);
  }
  console.log('(fahras times are whole search() calls: matching, ranking, collapsing, 10 snippets; flexsearch is capped at 10 results per field)');
}
