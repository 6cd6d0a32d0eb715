/**
 * Worker-thread entry for background compaction: rebuilds the engine as of the start of
 * wal-<gen> from the files alone (newest good snapshot before <gen> + the closed logs up to it),
 * serializes it and writes snapshot-<gen> atomically. The serving thread never blocks on it.
 * workerData: { dir: string; gen: number }; posts { ok: true, bytes, serializeMs, writeMs } or
 * { ok: false, message }.
 */
import { parentPort, workerData } from 'node:worker_threads';
import path from 'node:path';
import { createEngine } from '../search/engine.ts';
import type { Engine } from '../contracts.ts';
import { writeFileAtomic } from './durable-fs.ts';
import { recover } from './recovery.ts';
import { loadEngine, snapshotFileParts } from './engine-snapshot.ts';
import { snapshotName } from './store-files.ts';
import { applyOp } from './write-plan.ts';

const { dir, gen } = workerData as { dir: string; gen: number };
try {
  const rec = await recover<Engine>(
    dir,
    {
      empty: () => createEngine(),
      load: loadEngine,
      dispose: (engine) => engine.close(),
      apply: (engine, op) => {
        try {
          applyOp(engine, op);
        } catch {
          /* the serving thread skipped it too, with a warning */
        }
      },
    },
    { beforeGen: gen },
  );
  const t0 = performance.now();
  let bytes: Uint8Array;
  try {
    bytes = rec.state.serialize();
  } finally {
    rec.state.close();
  }
  const t1 = performance.now();
  await writeFileAtomic(path.join(dir, snapshotName(gen)), snapshotFileParts(gen, bytes));
  parentPort!.postMessage({ ok: true, bytes: bytes.length, serializeMs: t1 - t0, writeMs: performance.now() - t1, loadMs: rec.timings.snapshotMs + rec.timings.replayMs });
} catch (err) {
  parentPort!.postMessage({ ok: false, message: (err as Error).message });
}
