/**
 * ArchiveStore: an Engine made crash-safe by an append-only log plus periodic snapshots.
 *
 *   put/delete → plan against the engine (write-plan.ts) → one log append + fdatasync per group
 *   of queued callers (group commit, one writer chain, callers served in order) → apply to the
 *   engine → resolve. Searches read `engine` directly and only ever see durable writes.
 *   compact     → in the writer chain: start wal-<g+1>, serialize the engine (synchronous);
 *                 then, off the chain, write snapshot-<g+1> atomically and delete files older than
 *                 the PREVIOUS snapshot (kept, with its logs, as the fallback if the newest is damaged).
 *   open        → lock, newest good snapshot + replay of the logs after it (recovery.ts).
 */
import { existsSync, mkdirSync, promises as fsp, statSync } from 'node:fs';
import path from 'node:path';
import type { Engine } from '../contracts.ts';
import { FahrasError, StorageError, ValidationError } from '../errors.ts';
import { checkArticle } from '../search/article-check.ts';
import { createEngine } from '../search/engine.ts';
import type { Article } from '../types.ts';
import { fsyncDir, storageError, writeFileAtomic } from './durable-fs.ts';
import { compactInWorker } from './compactor.ts';
import { acquireLock } from './lock.ts';
import { encodeRecord } from './log-format.ts';
import { LogWriter } from './log-writer.ts';
import { FileVanishedError, recover } from './recovery.ts';
import { loadEngine, snapshotFileParts } from './engine-snapshot.ts';
import { hasStoreFiles, listStoreFiles, logName, snapshotName } from './store-files.ts';
import { applyOp, WritePlan, type PutResult } from './write-plan.ts';

export type { PutResult } from './write-plan.ts';

export interface StoreLogger {
  info(msg: string): void;
  warn(msg: string): void;
}

export interface OpenOptions {
  /** Create the folder / an empty index when none exists (default true). */
  create?: boolean;
  /** Serve searches only: no lock, no writes, the files are never modified. */
  readOnly?: boolean;
  /** Fold the log into a new snapshot after this many logged records (default 10 000; 0 = never automatically). */
  compactEveryRecords?: number;
  logger?: StoreLogger;
  /**
   * Where automatic and explicit compactions serialize the index (the one on close always runs
   * inline): 'worker' (default) rebuilds it from the files in a worker thread, so searches never
   * stall, at the cost of CPU and a second copy of the index in memory for the duration;
   * 'inline' serializes on this thread (blocks it; cheapest in total, right for batch ingest).
   */
  compaction?: 'worker' | 'inline';
}

/** What the last open / compaction measured, for logs and `fahras stats`. */
export interface StoreStatus {
  articles: number;
  snapshotGen?: number;
  logGen: number;
  logBytes: number;
  recordsSinceSnapshot: number;
  load: { snapshotMs: number; readMs: number; checkMs: number; loadMs: number; replayMs: number; replayed: number };
  lastCompaction?: { where: 'worker' | 'inline'; serializeMs: number; writeMs: number; bytes: number; workerLoadMs?: number };
}

type Job =
  | { kind: 'put'; articles: Article[]; resolve(r: PutResult[]): void; reject(e: unknown): void }
  | { kind: 'delete'; id: string; resolve(r: boolean): void; reject(e: unknown): void }
  | { kind: 'rotate'; resolve(gen: number): void; reject(e: unknown): void };

const DEFAULT_COMPACT_EVERY = 10_000;
const noLogger: StoreLogger = { info() {}, warn() {} };

export class ArchiveStore {
  readonly warnings: string[] = [];
  private queue: Job[] = [];
  private draining = false;
  private compaction: Promise<void> = Promise.resolve();
  private compactionPending = false;
  private closing = false;
  private closed = false;
  private lastCompaction?: StoreStatus['lastCompaction'];

  private constructor(
    readonly dir: string,
    readonly engine: Engine,
    private readonly readOnly: boolean,
    private readonly compactEvery: number,
    private readonly compactWhere: 'worker' | 'inline',
    private readonly logger: StoreLogger,
    private log: LogWriter | undefined,
    private gen: number,
    private snapshotGen: number | undefined,
    private recordsSinceSnapshot: number,
    private readonly releaseLock: (() => void) | undefined,
    private readonly load: StoreStatus['load'],
  ) {}

  static async open(dir: string, opts: OpenOptions = {}): Promise<ArchiveStore> {
    const create = opts.create ?? true;
    const readOnly = opts.readOnly ?? false;
    const logger = opts.logger ?? noLogger;
    const early: string[] = [];
    const warn = (m: string) => {
      early.push(m);
      logger.warn(m);
    };

    if (!existsSync(dir)) {
      if (!create || readOnly) throw noIndex(dir);
      try {
        mkdirSync(dir, { recursive: true });
      } catch (err) {
        throw storageError('create the index folder', dir, err);
      }
    } else if (!statSync(dir).isDirectory()) {
      throw new StorageError(`The index path ${dir} is a file, not a folder`, 'give --index a folder path');
    }
    let files;
    try {
      files = listStoreFiles(dir);
    } catch (err) {
      throw storageError('list the index folder', dir, err);
    }
    if (!hasStoreFiles(files) && (!create || readOnly)) throw noIndex(dir);

    const releaseLock = readOnly ? undefined : acquireLock(dir, warn);
    try {
      if (!readOnly) for (const t of files.temps) await fsp.rm(t, { force: true });
      const rec = await recoverRetrying(dir, warn);
      for (const w of rec.warnings) warn(w);

      let log: LogWriter | undefined;
      let gen = rec.lastLog?.gen ?? rec.snapshotGen ?? 0;
      if (!readOnly) {
        log = rec.lastLog
          ? await LogWriter.open(path.join(dir, logName(gen)), rec.lastLog.validEnd)
          : await LogWriter.create(path.join(dir, logName(gen)), gen);
      }
      const store = new ArchiveStore(
        dir, rec.state, readOnly, opts.compactEveryRecords ?? DEFAULT_COMPACT_EVERY, opts.compaction ?? 'worker', logger, log, gen,
        rec.snapshotGen, rec.replayed, releaseLock,
        { ...rec.timings, replayed: rec.replayed },
      );
      store.warnings.push(...early);
      logger.info(
        `Opened ${dir}: ${store.engine.size} articles (snapshot ${rec.snapshotGen ?? 'none'} in ${rec.timings.snapshotMs.toFixed(0)} ms, ` +
          `${rec.replayed} log records replayed in ${rec.timings.replayMs.toFixed(0)} ms)${readOnly ? ', read-only' : ''}`,
      );
      store.maybeCompact();
      return store;
    } catch (err) {
      releaseLock?.();
      throw err;
    }
  }

  // ------------------------------------------------------------------ writes

  /** Adds or updates articles; resolves once they are durable (log fsync'd) and searchable. */
  put(articles: Article[]): Promise<PutResult[]> {
    const refused = this.refuseWrites();
    if (refused) return Promise.reject(refused);
    if (!Array.isArray(articles)) return Promise.reject(new ValidationError('put() takes an array of articles'));
    for (let i = 0; i < articles.length; i++) {
      try {
        // The engine's own rules, checked before logging so the log never holds a write it refuses.
        checkArticle(articles[i]!);
      } catch (err) {
        const e = err as FahrasError;
        return Promise.reject(new ValidationError(`Article #${i + 1}: ${e.message}`, e.hint));
      }
    }
    if (articles.length === 0) return Promise.resolve([]);
    return new Promise((resolve, reject) => this.enqueue({ kind: 'put', articles, resolve, reject }));
  }

  /** Deletes an article; resolves true once the deletion is durable, false if there was none. */
  delete(id: string): Promise<boolean> {
    const refused = this.refuseWrites();
    if (refused) return Promise.reject(refused);
    return new Promise((resolve, reject) => this.enqueue({ kind: 'delete', id, resolve, reject }));
  }

  private refuseWrites(): FahrasError | undefined {
    if (this.closing || this.closed) return new StorageError(`The index at ${this.dir} is closed`, 'open it again to write');
    if (this.readOnly) return new StorageError(`The index at ${this.dir} was opened read-only`, 'open it without readOnly (only one writer per folder)');
    return undefined;
  }

  private enqueue(job: Job): void {
    this.queue.push(job);
    if (this.draining) return;
    // Start on the next microtask so callers in the same tick share one group commit.
    this.draining = true;
    queueMicrotask(() => void this.drain());
  }

  /** The single writer chain: takes every queued write up to the next rotation as one group. */
  private async drain(): Promise<void> {
    try {
      while (this.queue.length) {
        const head = this.queue[0]!;
        if (head.kind === 'rotate') {
          this.queue.shift();
          await this.rotate(head);
          continue;
        }
        const n = this.queue.findIndex((j) => j.kind === 'rotate');
        const group = this.queue.splice(0, n < 0 ? this.queue.length : n) as Exclude<Job, { kind: 'rotate' }>[];
        try {
          await this.commit(group);
        } catch (err) {
          for (const job of group) job.reject(err);
        }
      }
    } finally {
      this.draining = false;
    }
  }

  private async commit(group: Exclude<Job, { kind: 'rotate' }>[]): Promise<void> {
    const plan = new WritePlan(this.engine);
    const results = group.map((job) => (job.kind === 'put' ? job.articles.map((a) => plan.put(a)) : plan.delete(job.id)));
    if (plan.ops.length) {
      try {
        await this.log!.append(Buffer.concat(plan.ops.map(encodeRecord)));
      } catch (err) {
        for (const job of group) job.reject(err);
        return;
      }
      for (const op of plan.ops) {
        try {
          applyOp(this.engine, op);
        } catch (err) {
          this.warn(`The engine refused a logged ${op.kind} (${(err as Error).message}); it stays in the log`);
        }
      }
      this.recordsSinceSnapshot += plan.ops.length;
    }
    group.forEach((job, i) => (job.resolve as (r: unknown) => void)(results[i]));
    this.maybeCompact();
  }

  // ------------------------------------------------------------------ snapshots

  private maybeCompact(): void {
    if (this.readOnly || this.closing || this.compactionPending) return;
    if (this.compactEvery <= 0 || this.recordsSinceSnapshot < this.compactEvery) return;
    this.compactionPending = true;
    setImmediate(() => {
      if (this.closing) return void (this.compactionPending = false);
      this.compact()
        .catch((err) => this.warn(`Background compaction failed (the log keeps every write; it will be retried): ${(err as Error).message}`))
        .finally(() => (this.compactionPending = false));
    });
  }

  /** Folds the log into a new snapshot. Writes keep flowing to the new log meanwhile. */
  compact(): Promise<void> {
    if (this.readOnly) return Promise.reject(this.refuseWrites());
    const run = this.compaction.catch(() => {}).then(() => this.compactNow(this.compactWhere));
    this.compaction = run;
    return run;
  }

  private async compactNow(where: 'worker' | 'inline'): Promise<void> {
    if (this.closed || this.readOnly) return;
    if (this.recordsSinceSnapshot === 0 && (this.snapshotGen === this.gen || this.engine.size === 0)) return;
    const gen = await new Promise<number>((resolve, reject) => this.enqueue({ kind: 'rotate', resolve, reject }));
    let done: NonNullable<StoreStatus['lastCompaction']> | undefined;
    if (where === 'worker') {
      try {
        const w = await compactInWorker(this.dir, gen);
        done = { where, serializeMs: w.serializeMs, writeMs: w.writeMs, bytes: w.bytes, workerLoadMs: w.loadMs };
      } catch (err) {
        this.warn(`Compaction in a worker thread failed (${(err as Error).message}); compacting on the main thread instead`);
      }
    }
    if (!done) {
      // The engine may already hold writes logged after the rotation. Harmless: replaying a suffix
      // of id-keyed puts/deletes onto a state that includes it gives the same state.
      const t0 = performance.now();
      const bytes = this.engine.serialize();
      const t1 = performance.now();
      await writeFileAtomic(path.join(this.dir, snapshotName(gen)), snapshotFileParts(gen, bytes));
      done = { where: 'inline', serializeMs: t1 - t0, writeMs: performance.now() - t1, bytes: bytes.length };
    }
    const previous = this.snapshotGen;
    this.snapshotGen = gen;
    this.lastCompaction = done;
    this.logger.info(
      `Wrote ${snapshotName(gen)} (${done.where}): ${(done.bytes / 1e6).toFixed(1)} MB, serialize ${done.serializeMs.toFixed(0)} ms, ` +
        `write+fsync ${done.writeMs.toFixed(0)} ms${done.workerLoadMs === undefined ? '' : `, worker rebuild ${done.workerLoadMs.toFixed(0)} ms`}`,
    );
    await this.removeOldFiles(previous);
  }

  /** In the writer chain: switch to a new log, so wal-<gen> starts exactly where the snapshot ends. */
  private async rotate(job: Extract<Job, { kind: 'rotate' }>): Promise<void> {
    try {
      const gen = this.gen + 1;
      const next = await LogWriter.create(path.join(this.dir, logName(gen)), gen);
      const old = this.log!;
      this.log = next;
      this.gen = gen;
      this.recordsSinceSnapshot = 0;
      await old.close();
      job.resolve(gen);
    } catch (err) {
      job.reject(err);
    }
  }

  /** Keeps the newest snapshot, the one before it (the fallback) and the logs from that one on. */
  private async removeOldFiles(previous: number | undefined): Promise<void> {
    const files = listStoreFiles(this.dir);
    const keepFrom = previous ?? files.snapshots.filter((g) => g < this.snapshotGen!).at(-1);
    if (keepFrom === undefined) return;
    const doomed = [
      ...files.snapshots.filter((g) => g < keepFrom).map(snapshotName),
      ...files.logs.filter((g) => g < keepFrom).map(logName),
    ];
    if (!doomed.length) return;
    for (const name of doomed) await fsp.rm(path.join(this.dir, name), { force: true });
    await fsyncDir(this.dir);
  }

  /**
   * Writes a consistent copy of the index (every acknowledged write) into the folder `dest`
   * while serving; `fahras serve --index <dest>` opens it. Returns the folder.
   */
  async snapshot(dest?: string): Promise<string> {
    const target = dest ?? path.join(this.dir, `backup-${new Date().toISOString().replace(/[:.]/g, '-')}`);
    if (path.resolve(target) === path.resolve(this.dir)) {
      throw new ValidationError(`The backup folder must not be the index folder itself (${target})`, 'pick another folder');
    }
    try {
      mkdirSync(target, { recursive: true });
    } catch (err) {
      throw storageError('create the backup folder', target, err);
    }
    if (hasStoreFiles(listStoreFiles(target)) || existsSync(path.join(target, 'LOCK'))) {
      throw new ValidationError(`The backup folder ${target} already holds an index`, 'pick an empty folder');
    }
    // The engine only changes synchronously after an fsync, so this is exactly the acknowledged state.
    const bytes = this.engine.serialize();
    await writeFileAtomic(path.join(target, snapshotName(1)), snapshotFileParts(1, bytes));
    return target;
  }

  // ------------------------------------------------------------------ misc

  isEmpty(): boolean {
    return this.engine.size === 0;
  }

  status(): StoreStatus {
    return {
      articles: this.engine.size,
      snapshotGen: this.snapshotGen,
      logGen: this.gen,
      logBytes: this.log?.bytes ?? 0,
      recordsSinceSnapshot: this.recordsSinceSnapshot,
      load: this.load,
      lastCompaction: this.lastCompaction,
    };
  }

  /**
   * Waits for queued writes, folds the log into a snapshot (unless it holds fewer records than 1 %
   * of the articles and a snapshot exists), releases the lock. `snapshot: false` skips the
   * snapshot (the log keeps every write): for a folder about to be thrown away.
   */
  async close(opts: { snapshot?: boolean } = {}): Promise<void> {
    if (this.closed || this.closing) return;
    this.closing = true;
    try {
      while (this.draining || this.queue.length) await new Promise((r) => setImmediate(r));
      await this.compaction.catch(() => {});
      // A log that is tiny next to the index (e.g. one `fahras delete`) is cheaper to replay at the
      // next start than a full snapshot is to write now (seconds of CPU on a large index).
      const worthIt = this.snapshotGen === undefined || this.recordsSinceSnapshot >= Math.max(1, Math.floor(this.engine.size / 100));
      if (!this.readOnly && worthIt && opts.snapshot !== false) {
        await this.compactNow('inline').catch((err) => this.warn(`Compaction on close failed (the log keeps every write): ${(err as Error).message}`));
      }
      while (this.draining || this.queue.length) await new Promise((r) => setImmediate(r));
    } finally {
      await this.log?.close();
      this.releaseLock?.();
      this.closed = true;
      // The snapshot file the engine reads its articles from.
      this.engine.close();
    }
  }

  private warn(msg: string): void {
    this.warnings.push(msg);
    this.logger.warn(msg);
  }
}

/** Recovery, started again (up to 3 times) if a writer compacted files away while we read. */
async function recoverRetrying(dir: string, warn: (m: string) => void) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await recover<Engine>(dir, {
        empty: () => createEngine(),
        load: loadEngine,
        dispose: (engine) => engine.close(),
        apply: (engine, op) => {
          try {
            applyOp(engine, op);
          } catch (err) {
            warn(`A logged ${op.kind} of article ${op.kind === 'put' ? op.article.id : op.id} could not be applied and was skipped: ${(err as Error).message}`);
          }
        },
      });
    } catch (err) {
      if (!(err instanceof FileVanishedError) || attempt >= 3) throw err;
    }
  }
}

function noIndex(dir: string): FahrasError {
  return new FahrasError(`No index in ${dir}`, 404, 'no_index', 'build one first: `fahras ingest <files> --index ' + dir + '`');
}
