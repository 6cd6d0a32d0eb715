/**
 * Rebuilding an index folder with the current analysis and engine, from the articles already
 * stored (after an analyzer change) or from source files (when the stored index is from an
 * incompatible version and cannot be opened).
 *
 * The new index is built in a temporary folder with an ordinary ArchiveStore (same write rules as
 * ingest), then swapped in crash-safely: its engine is written into the index folder as a snapshot
 * one generation newer than anything there (atomic write), and only then are the older
 * snapshots and logs deleted. A crash at any point leaves either the old index or the new one.
 * Holds the folder's write lock during the swap: stop `fahras serve` on that folder first.
 */
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Article } from '../types.ts';
import { SearchEngine } from '../search/engine.ts';
import { ArchiveStore } from '../store/archive-store.ts';
import { writeFileAtomic, fsyncDir } from '../store/durable-fs.ts';
import { acquireLock } from '../store/lock.ts';
import { snapshotFileParts } from '../store/engine-snapshot.ts';
import { listStoreFiles, logName, snapshotName } from '../store/store-files.ts';
import type { Engine } from '../contracts.ts';
import { UsageError } from './errors.ts';

/** Every stored article. Uses the engine's document table (the Engine contract has no iterator). */
export function storedArticles(engine: Engine): Article[] {
  if (!(engine instanceof SearchEngine)) {
    throw new UsageError('this index engine cannot list its articles', 'rebuild from your source files: fahras reindex <files...>');
  }
  const out: Article[] = [];
  for (const id of engine.docs.byId.keys()) {
    const a = engine.get(id);
    if (a) out.push(a);
  }
  return out;
}

const warnToStderr = (m: string) => process.stderr.write(`fahras: warning: ${m}\n`);

/**
 * Builds a new index with `fill` (which writes into a fresh store) and swaps it into `dir`.
 * Returns the number of articles in the new index.
 */
export async function rebuildInto(dir: string, fill: (tmp: ArchiveStore) => Promise<void>): Promise<number> {
  const tmpDir = path.join(dir, `.reindex-${process.pid}`);
  await rm(tmpDir, { recursive: true, force: true });
  let bytes: Uint8Array;
  let count: number;
  const tmp = await ArchiveStore.open(tmpDir, { create: true, compactEveryRecords: 0, logger: { info() {}, warn: warnToStderr } });
  try {
    // Nobody searches the new index while it fills: a bulk load (fewer, larger merges).
    tmp.engine.beginBulk();
    await fill(tmp);
    tmp.engine.endBulk();
    bytes = tmp.engine.serialize();
    count = tmp.engine.size;
  } catch (e) {
    await tmp.close({ snapshot: false }).catch(() => {});
    await rm(tmpDir, { recursive: true, force: true });
    throw e;
  }
  // Its snapshot is `bytes`, written below: no second serialize into a folder about to be removed.
  await tmp.close({ snapshot: false }).catch(() => {});
  const release = acquireLock(dir, warnToStderr);
  try {
    const files = listStoreFiles(dir);
    const gen = Math.max(0, ...files.snapshots, ...files.logs) + 1;
    await writeFileAtomic(path.join(dir, snapshotName(gen)), snapshotFileParts(gen, bytes));
    // The new snapshot is durable: the old generations can go.
    for (const g of files.snapshots) await rm(path.join(dir, snapshotName(g)), { force: true });
    for (const g of files.logs) await rm(path.join(dir, logName(g)), { force: true });
    await fsyncDir(dir);
  } finally {
    release();
    await rm(tmpDir, { recursive: true, force: true });
  }
  return count;
}

/** Articles stored in `dir`, read with the current engine (throws if it cannot open the index). */
export async function readStoredArticles(dir: string): Promise<Article[]> {
  if (!existsSync(dir)) throw new UsageError(`No index in ${dir}`, 'check --index');
  // Writable open: takes the lock, so no server is writing while we read.
  const store = await ArchiveStore.open(dir, { create: false, logger: { info() {}, warn: warnToStderr } });
  try {
    return storedArticles(store.engine);
  } finally {
    await store.close();
  }
}
