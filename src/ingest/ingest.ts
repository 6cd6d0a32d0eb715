/**
 * Reads files and folders into a store in batches and tallies what happened. The store decides
 * what is new, updated (same id or URL), unchanged or a duplicate (same body under another id);
 * this reports it. Bad records are skipped and reported; nothing else stops the run except the
 * store failing to write.
 */
import type { Article } from '../types.ts';
import { listInputs, READERS, type Format } from './formats.ts';
import { bytesSoFar, type ByteCounter } from './open-input.ts';
import type { ReadOptions, ReadProblem, Where } from './types.ts';

export type WriteStatus = 'added' | 'updated' | 'unchanged' | 'duplicate';

/** The part of ArchiveStore ingesting needs. */
export interface IngestTarget {
  put(articles: Article[]): Promise<{ id: string; status: WriteStatus; duplicateOf?: string }[]>;
}

export interface IngestSummary {
  files: number;
  /** Articles read from the files (records that became articles). */
  read: number;
  added: number;
  updated: number;
  unchanged: number;
  duplicates: number;
  /** Records or files not ingested, by reason. */
  skipped: Record<string, number>;
  /** Ingested with a problem (e.g. date kept as text), by reason. */
  warnings: Record<string, number>;
  /** Files inside folders ignored for their extension. */
  ignoredFiles: number;
}

export interface IngestProgress {
  articles: number;
  bytesRead: number;
  bytesTotal: number;
  file: string;
}

export interface IngestOptions extends ReadOptions {
  /** Read every file in this format, whatever its extension. */
  format?: Format;
  /** Articles per store.put call (default 500). */
  batchSize?: number;
  onProblem?: (p: ReadProblem) => void;
  onDuplicate?: (d: { id: string; duplicateOf?: string } & Where) => void;
  onProgress?: (p: IngestProgress) => void;
}

export const emptySummary = (): IngestSummary => ({
  files: 0, read: 0, added: 0, updated: 0, unchanged: 0, duplicates: 0, skipped: {}, warnings: {}, ignoredFiles: 0,
});

/** Reads `paths` into `target`; with `target` null (a dry run) the files are only read and checked. */
export async function ingestPaths(target: IngestTarget | null, paths: string[], opts: IngestOptions = {}): Promise<IngestSummary> {
  const summary = emptySummary();
  const batchSize = opts.batchSize ?? 500;
  const problem = (p: ReadProblem) => {
    const tally = p.severity === 'skip' ? summary.skipped : summary.warnings;
    tally[p.reason] = (tally[p.reason] ?? 0) + 1;
    opts.onProblem?.(p);
  };
  const listing = await listInputs(paths, opts.format);
  for (const m of listing.missing) problem({ kind: 'problem', severity: 'skip', file: m.file, reason: 'missing file', detail: m.reason });
  summary.ignoredFiles = listing.ignored.length;
  const counter: ByteCounter = { bytes: 0 };
  const bytesTotal = listing.files.reduce((n, f) => n + f.size, 0);
  let batch: { article: Article; where: Where }[] = [];
  let current = '';
  const progress = () => opts.onProgress?.({ articles: summary.read, bytesRead: bytesSoFar(counter), bytesTotal, file: current });

  // One batch may be in the store (waiting for its fsync) while the next one is read.
  let inFlight: Promise<void> | undefined;
  const write = async (sent: typeof batch) => {
    if (!target) return progress();
    let results;
    try {
      results = await target.put(sent.map((b) => b.article));
    } catch (e) {
      throw new StoreWriteFailure(e);
    }
    results.forEach((r, i) => {
      if (r.status === 'duplicate') {
        summary.duplicates++;
        opts.onDuplicate?.({ id: r.id, duplicateOf: r.duplicateOf, ...sent[i]!.where });
      } else summary[r.status]++;
    });
    progress();
  };
  const flush = async () => {
    await inFlight;
    inFlight = undefined;
    if (!batch.length) return;
    const sent = batch;
    batch = [];
    const p = write(sent);
    p.catch(() => {}); // surfaced by the next flush's await
    inFlight = p;
  };

  for (const input of listing.files) {
    current = input.file;
    summary.files++;
    try {
      for await (const ev of READERS[input.format](input.file, opts, counter)) {
        if (ev.kind === 'problem') {
          problem(ev);
          continue;
        }
        summary.read++;
        batch.push({ article: ev.article, where: { file: ev.file, line: ev.line } });
        if (batch.length >= batchSize) await flush();
      }
    } catch (e) {
      if (e instanceof StoreWriteFailure) throw e.cause;
      // Unreadable or corrupt file (e.g. a broken .gz): what was read so far is kept.
      problem({ kind: 'problem', severity: 'skip', file: input.file, reason: 'unreadable file', detail: (e as Error).message });
    }
    counter.bytes += input.size; // the whole file counts as done, whatever the reader consumed
    counter.current = undefined;
    progress();
  }
  try {
    await flush();
    await inFlight;
  } catch (e) {
    throw e instanceof StoreWriteFailure ? e.cause : e;
  }
  return summary;
}

/** Marks an error raised by the store (not by reading a file): it stops the run. */
class StoreWriteFailure extends Error {
  constructor(override readonly cause: unknown) {
    super('store write failed');
  }
}
