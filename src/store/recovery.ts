/**
 * Start-up: the newest snapshot that checks out, then every log from its generation on, in order.
 *   - a damaged snapshot (checksum, length, header) is skipped with a warning and the previous one
 *     is used with the logs after it (compaction keeps them until the next snapshot is safe);
 *   - a snapshot or log from another format version stops start-up with an error naming
 *     `fahras reindex` (falling back would silently drop everything newer);
 *   - a torn last record is dropped with a warning; a damaged record in the middle of a log is
 *     skipped with a warning giving the file and byte range, and the records after it are kept;
 *   - a missing log between the snapshot and the newest log stops start-up (acknowledged writes
 *     would be lost silently).
 * Generic over the state so the file logic is independent of the engine.
 */
import { closeSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { FahrasError } from '../errors.ts';
import { decodeLog, LogVersionError, type LogOp } from './log-format.ts';
import { readSnapshotFile, SnapshotError, type ReadSnapshot } from './snapshot-format.ts';
import { listStoreFiles, logName, snapshotName } from './store-files.ts';

/** A snapshot's payload as read: regions 1–2 in memory, region 3 left in the file (snapshot-format.ts). */
export type SnapshotPayload = Pick<ReadSnapshot, 'regions' | 'disk'>;

export interface RecoveryTarget<S> {
  empty(): S;
  /**
   * Builds the state from a snapshot payload; throws if the payload is unreadable. Owns
   * `payload.disk.fd` from the call on (closes it on failure; the state holds it otherwise).
   */
  load(payload: SnapshotPayload): S;
  apply(state: S, op: LogOp): void;
  /** Releases a loaded state that recovery then gives up on (a later error). */
  dispose?(state: S): void;
}

export interface Recovered<S> {
  state: S;
  /** Generation of the snapshot used (undefined: started from empty). */
  snapshotGen?: number;
  /** The log to append to next, where its good bytes end, and whether its tail must be cut. */
  lastLog?: { gen: number; validEnd: number; torn: boolean };
  /** Records replayed from the logs. */
  replayed: number;
  warnings: string[];
  /** snapshotMs = read + load of the snapshot used (and of damaged ones tried first); checkMs is the
   *  checksum time, which overlaps readMs (computed chunk by chunk while reading). */
  timings: { snapshotMs: number; readMs: number; checkMs: number; loadMs: number; replayMs: number };
}

const REINDEX_HINT =
  'run `fahras reindex` to rebuild the index from your source files with this version (or restore a backup made by a matching version)';

export class IncompatibleIndexError extends FahrasError {
  constructor(message: string) {
    super(message, 503, 'index_incompatible', REINDEX_HINT);
  }
}

export class UnrecoverableIndexError extends FahrasError {
  constructor(message: string, hint: string) {
    super(message, 503, 'index_unrecoverable', hint);
  }
}

/**
 * A file listed a moment ago is gone: a writer compacted meanwhile (a read-only opener runs beside
 * a live writer). Recovery is simply started again.
 */
export class FileVanishedError extends FahrasError {
  constructor(readonly file: string) {
    super(`${file} was removed while the index was being read (a compaction by the writer)`, 503, 'index_busy', 'try again');
  }
}

export interface RecoverOptions {
  /** Rebuild the state as of the start of wal-<beforeGen>: ignore newer snapshots and logs. */
  beforeGen?: number;
}

export async function recover<S>(dir: string, target: RecoveryTarget<S>, opts: RecoverOptions = {}): Promise<Recovered<S>> {
  const all = listStoreFiles(dir);
  const before = opts.beforeGen ?? Infinity;
  const files = { ...all, snapshots: all.snapshots.filter((g) => g < before), logs: all.logs.filter((g) => g < before) };
  const warnings: string[] = [];
  const t0 = performance.now();
  let readMs = 0;
  let checkMs = 0;
  let loadMs = 0;

  let state: S | undefined;
  let snapshotGen: number | undefined;
  for (const gen of [...files.snapshots].reverse()) {
    const file = path.join(dir, snapshotName(gen));
    try {
      const snap = await readSnapshotFile(file);
      readMs += snap.readMs;
      checkMs += snap.checkMs;
      const t = performance.now();
      if (snap.gen !== gen) {
        if (snap.disk) closeSync(snap.disk.fd);
        throw new SnapshotError(`${file} is damaged: its header says generation ${snap.gen}`, 'damaged');
      }
      try {
        state = target.load({ regions: snap.regions, disk: snap.disk });
        loadMs = performance.now() - t;
      } catch (err) {
        throw new IncompatibleIndexError(
          `${file} passed its checksum but this build cannot read it: ${(err as Error).message}`,
        );
      }
      snapshotGen = gen;
      break;
    } catch (err) {
      if (err instanceof SnapshotError && err.kind === 'damaged') {
        warnings.push(`${err.message}; it was skipped and the previous snapshot and the logs after it are used instead`);
        continue;
      }
      if (err instanceof SnapshotError) throw new IncompatibleIndexError(err.message);
      if (err instanceof FahrasError) throw err;
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new FileVanishedError(file);
      throw new UnrecoverableIndexError(`Cannot read ${file}: ${(err as Error).message}`, 'check the file permissions and the disk');
    }
  }
  const t1 = performance.now();
  try {
    return replayLogs(dir, files, target, state, snapshotGen, warnings, { snapshotMs: t1 - t0, readMs, checkMs, loadMs }, t1);
  } catch (err) {
    if (state !== undefined) target.dispose?.(state);
    throw err;
  }
}

/** Step 2: the logs from the snapshot's generation on, replayed onto `state` (or an empty one). */
function replayLogs<S>(
  dir: string,
  files: ReturnType<typeof listStoreFiles>,
  target: RecoveryTarget<S>,
  loaded: S | undefined,
  snapshotGen: number | undefined,
  warnings: string[],
  timings: Omit<Recovered<S>['timings'], 'replayMs'>,
  t1: number,
): Recovered<S> {
  let state = loaded;
  const fromGen = snapshotGen ?? 0;
  if (snapshotGen === undefined && files.snapshots.length > 0 && !files.logs.includes(0)) {
    throw new UnrecoverableIndexError(
      `Every snapshot in ${dir} is damaged and the logs from the start are gone, so the index cannot be rebuilt from this folder`,
      `restore a backup (ArchiveStore.snapshot / \`fahras backup\`) or run \`fahras reindex\`; the damaged files: ${files.snapshots.map(snapshotName).join(', ')}`,
    );
  }
  state ??= target.empty();

  const logs = files.logs.filter((g) => g >= fromGen);
  const last = logs.at(-1);
  if (last !== undefined) {
    for (let g = fromGen; g <= last; g++) {
      if (!logs.includes(g)) {
        throw new UnrecoverableIndexError(
          `The log ${logName(g)} is missing from ${dir}: the writes it held would be lost`,
          `put the file back (from a backup), or run \`fahras reindex\` to rebuild the index`,
        );
      }
    }
  }

  let replayed = 0;
  let lastLog: Recovered<S>['lastLog'];
  for (const gen of logs) {
    const file = path.join(dir, logName(gen));
    let log;
    try {
      log = decodeLog(readFileSync(file), file);
    } catch (err) {
      if (err instanceof LogVersionError) throw new IncompatibleIndexError(err.message);
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new FileVanishedError(file);
      throw new UnrecoverableIndexError(`Cannot read ${file}: ${(err as Error).message}`, 'check the file permissions and the disk');
    }
    if (log.gen === undefined) warnings.push(`${file}: the file header is damaged; its records were read anyway`);
    else if (log.gen !== gen) warnings.push(`${file}: its header says generation ${log.gen}; it was read as generation ${gen}`);
    for (const d of log.damaged) {
      warnings.push(
        `${file}: damaged bytes ${d.from}–${d.to} (${d.to - d.from} bytes) in the middle of the log were skipped; ` +
          `the writes stored there are lost (re-ingest them or restore a backup), the records after them were kept`,
      );
    }
    if (log.tornTail) {
      warnings.push(
        `${file}: the last record (bytes ${log.tornTail.from}–${log.tornTail.from + log.tornTail.bytes}, ` +
          `${log.tornTail.bytes} bytes) is incomplete or damaged, most likely a write cut short by a crash before it was acknowledged; it was dropped`,
      );
    }
    for (const op of log.ops) target.apply(state, op);
    replayed += log.ops.length;
    lastLog = { gen, validEnd: log.validEnd, torn: log.tornTail !== undefined };
  }
  return { state, snapshotGen, lastLog, replayed, warnings, timings: { ...timings, replayMs: performance.now() - t1 } };
}
