/**
 * Runs compactor-worker.ts in a worker thread and waits for its answer. The thread starts from a
 * plain-JavaScript boot file that registers the tsx loader there (loader hooks registered on the
 * main thread do not reach worker threads).
 */
import { Worker } from 'node:worker_threads';

export interface WorkerCompaction {
  bytes: number;
  loadMs: number;
  serializeMs: number;
  writeMs: number;
}

/** Writes snapshot-<gen> of `dir` from its files, in a worker thread. Rejects if the worker fails. */
export function compactInWorker(dir: string, gen: number): Promise<WorkerCompaction> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const worker = new Worker(new URL('./compactor-worker-boot.mjs', import.meta.url), {
      workerData: { dir, gen },
      stdout: false,
      stderr: false,
    });
    worker.once('message', (m: ({ ok: true } & WorkerCompaction) | { ok: false; message: string }) => {
      settled = true;
      if (m.ok) resolve({ bytes: m.bytes, loadMs: m.loadMs, serializeMs: m.serializeMs, writeMs: m.writeMs });
      else reject(new Error(m.message));
    });
    worker.once('error', (err) => {
      if (!settled) reject(err);
      settled = true;
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the compaction worker exited with code ${code} before answering`));
      settled = true;
    });
  });
}
