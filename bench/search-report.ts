/**
 * What one engine's process (bench/search-child.ts) reports to `npm run bench search`
 * (bench/search.ts): plain JSON, sent over the fork's IPC channel.
 */
import type { CallTimes } from './measure.ts';
import type { SearchRequest } from '../src/types.ts';

export type EngineName = 'fahras' | 'flexsearch' | 'minisearch';

/** One bench query: Fahras' request and the same information need as text for the baselines. */
export interface Shape {
  name: string;
  req: SearchRequest;
  text: string;
}

/** The parent's order to a child. */
export interface ChildTask {
  engine: EngineName;
  limit: number | null;
  runs: number;
  /** Picked by the Fahras child (its rare word needs the index); absent for it. */
  shapes?: Shape[];
}

export interface QueryReport {
  name: string;
  /** Fahras: total matches; FlexSearch: distinct ids of its (10 per field) results; MiniSearch: all matches. */
  hits: number;
  /** Fahras: whole search() (10 hits with snippets); baselines: their search call, top 10. */
  search: CallTimes;
  /** Fahras only: rank(q, 10), ranking without snippets. */
  rank?: CallTimes;
  /** Fahras only: search() with all seven facets. */
  facets?: CallTimes;
}

export interface SnapshotReport {
  bytes: number;
  serializeCpuMs: number;
  loadCpuMs: number;
  loadWallMs: number;
}

export interface EngineReport {
  engine: EngineName;
  articles: number;
  /** UTF-8 bytes of title, body, author, source and category. */
  rawBytes: number;
  gc: boolean;
  buildCpuMs: number;
  buildWallMs: number;
  /** Heap + buffers growth over the build (documents were loaded before). */
  buildHeap: number;
  /** Peak resident memory during the build above the resident memory before it (maxRSS). */
  buildPeakRss: number;
  /** Heap + buffers of the process while it answers queries: the engine alone, corpus dropped. */
  queryHeap: number;
  snapshot?: SnapshotReport;
  shapes?: Shape[];
  queries: QueryReport[];
}
