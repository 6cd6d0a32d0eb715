/**
 * Fahras' side of `npm run bench search` (run in its own process by bench/search-child.ts):
 * build, snapshot round trip, the bench's query shapes, and per-shape timings.
 */
import { SearchEngine, deserializeEngine } from '../src/search/engine.ts';
import type { Article, FacetName } from '../src/types.ts';
import { timeCalls, timeOnce } from './measure.ts';
import type { QueryReport, Shape, SnapshotReport } from './search-report.ts';

const ALL_FACETS: FacetName[] = ['author', 'column', 'source', 'category', 'tag', 'year', 'month'];

export function buildFahras(docs: readonly Article[]): SearchEngine {
  const e = new SearchEngine();
  e.putAll(docs);
  return e;
}

/** The six query shapes. The rare word is a title word held by 3–10 documents, picked deterministically. */
export function fahrasShapes(e: SearchEngine, docs: readonly Article[]): Shape[] {
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

/**
 * serialize() and deserializeEngine() once. The loaded copy is returned: the queries are timed on
 * it, as a serving process queries the index it loaded (the built engine holds every article as
 * JS strings, whose major GCs would otherwise be part of every p99).
 */
export function measureSnapshot(e: SearchEngine): { report: SnapshotReport; loaded: SearchEngine } {
  const ser = timeOnce(() => e.serialize());
  const bytes = ser.value;
  // Memory of a loaded index is measured by bench/loaded-memory.ts in a fresh process (a store
  // open reads article text from disk; an in-memory load here would not show that).
  const load = timeOnce(() => deserializeEngine(bytes));
  const report = { bytes: bytes.byteLength, serializeCpuMs: ser.cpuMs, loadCpuMs: load.cpuMs, loadWallMs: load.wallMs };
  return { report, loaded: load.value as SearchEngine };
}

export function queryFahras(e: SearchEngine, s: Shape, runs: number): QueryReport {
  const { q, ...rest } = s.req;
  return {
    name: s.name,
    hits: e.search(s.req).total,
    search: timeCalls(() => e.search(s.req), runs),
    rank: timeCalls(() => e.rank(q, 10, rest), runs),
    facets: timeCalls(() => e.search({ ...s.req, facets: ALL_FACETS }), runs),
  };
}
