/**
 * Persistence figures on the real corpus (`npm run bench persistence`):
 *   - raw log append throughput (encode + write + fdatasync), one fsync per 100 / 1000 articles
 *   - store.put throughput (plan + log + fsync + engine indexing), batches of 100 / 1000
 *   - snapshot of the whole corpus: size; inline serialize (blocks the event loop) and write+fsync
 *   - worker compaction: how long the serving thread's event loop stalls meanwhile (max delay)
 *   - load of the whole index: read, checksum, engine deserialize; log replay speed
 * Times are wall clock AND this process's CPU time: the bench machine is shared, and CPU time is
 * what an idle machine's wall time would be. FAHRAS_BENCH_LIMIT=N uses the first N articles.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { ArchiveStore } from '../src/store/archive-store.ts';
import { encodeRecord } from '../src/store/log-format.ts';
import { LogWriter } from '../src/store/log-writer.ts';
import { logName } from '../src/store/store-files.ts';
import type { Article } from '../src/types.ts';
import { loadCorpus } from './corpus.ts';

const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
/** Wall and CPU milliseconds of `fn`. */
async function timed<T>(fn: () => Promise<T> | T): Promise<{ value: T; wall: number; cpu: number }> {
  const c0 = cpuMs();
  const t0 = performance.now();
  const value = await fn();
  return { value, wall: performance.now() - t0, cpu: cpuMs() - c0 };
}
const both = (t: { wall: number; cpu: number }) => `${fmt(t.wall)} ms wall / ${fmt(t.cpu)} ms CPU`;

async function rawLog(dir: string, articles: Article[], batch: number): Promise<number> {
  const log = await LogWriter.create(path.join(dir, logName(batch)), batch);
  const t = await timed(async () => {
    for (let i = 0; i < articles.length; i += batch) {
      await log.append(Buffer.concat(articles.slice(i, i + batch).map((article) => encodeRecord({ kind: 'put', article }))));
    }
  });
  await log.close();
  return (articles.length / t.wall) * 1000;
}

async function storePut(dir: string, articles: Article[], batch: number) {
  const store = await ArchiveStore.open(dir, { compactEveryRecords: 0 });
  const t = await timed(async () => {
    for (let i = 0; i < articles.length; i += batch) await store.put(articles.slice(i, i + batch));
  });
  await store.close();
  return t;
}

export async function run(): Promise<void> {
  const limit = Number(process.env.FAHRAS_BENCH_LIMIT ?? Infinity);
  const articles = loadCorpus(limit);
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'fahras-bench-store-'));
  try {
    const sample = articles.slice(0, 5000);
    const avg = sample.reduce((s, a) => s + encodeRecord({ kind: 'put', article: a }).length, 0) / sample.length;
    console.log(`articles: ${fmt(articles.length)}, average log record ${fmt(avg)} bytes`);
    for (const batch of [100, 1000]) {
      const rate = await rawLog(tmp, sample, batch);
      console.log(`log append (encode+write+fdatasync), fsync per ${batch}: ${fmt(rate)} articles/s (${fmt((rate * avg) / 1e6, 1)} MB/s)`);
    }
    for (const batch of [100, 1000]) {
      const t = await storePut(path.join(tmp, `put-${batch}`), sample, batch);
      console.log(
        `store.put (plan+log+engine), batches of ${batch}: ${fmt((sample.length / t.wall) * 1000)} articles/s wall, ${fmt((sample.length / t.cpu) * 1000)} per CPU-second`,
      );
    }

    const dir = path.join(tmp, 'full');
    const store = await ArchiveStore.open(dir, { compactEveryRecords: 0, compaction: 'inline' });
    const ingest = await timed(async () => {
      for (let i = 0; i < articles.length; i += 1000) await store.put(articles.slice(i, i + 1000));
    });
    console.log(`ingest of ${fmt(articles.length)} via store.put (batches of 1000): ${both(ingest)}; ${fmt(store.engine.size)} articles indexed`);

    const inline = await timed(() => store.compact());
    const c = store.status().lastCompaction!;
    console.log(`snapshot: ${fmt(c.bytes / 1e6, 1)} MB; inline compaction ${both(inline)} = serialize ${fmt(c.serializeMs)} ms (event loop blocked) + write+fsync ${fmt(c.writeMs)} ms`);
    await store.close();

    // Worker compaction after 1 000 updates, measuring the serving thread's event-loop stalls.
    const w = await ArchiveStore.open(dir, { compactEveryRecords: 0, compaction: 'worker' });
    await w.put(articles.slice(0, 1000).map((a) => ({ ...a, title: `${a.title} ·` })));
    const h = monitorEventLoopDelay({ resolution: 10 });
    h.enable();
    const worker = await timed(() => w.compact());
    h.disable();
    const wc = w.status().lastCompaction!;
    console.log(
      `worker compaction: ${fmt(worker.wall)} ms wall (worker: rebuild ${fmt(wc.workerLoadMs ?? 0)} ms, serialize ${fmt(wc.serializeMs)} ms, write ${fmt(wc.writeMs)} ms); ` +
        `serving thread max event-loop delay ${fmt(h.max / 1e6)} ms, p99 ${fmt(h.percentile(99) / 1e6)} ms`,
    );
    await w.close();

    // Memory of a loaded index: bench/loaded-memory.ts, in a fresh process. Measured here it was
    // unreliable: the previous round's store was still counted in the baseline.
    for (let round = 1; round <= 3; round++) {
      const t = await timed(() => ArchiveStore.open(dir, { readOnly: true }));
      const l = t.value.status().load;
      // The checksum is computed chunk by chunk while the file is read: its time is inside "read".
      console.log(
        `load #${round}: ${both(t)}: read ${fmt(l.readMs)} ms (checksum ${fmt(l.checkMs)} ms of it, overlapped), deserialize ${fmt(l.loadMs)} ms, replay ${fmt(l.replayed)} records ${fmt(l.replayMs)} ms; ${fmt(t.value.engine.size)} articles`,
      );
      await t.value.close();
    }

    // Replay: a log with no snapshot (a restart after a crash before any compaction).
    const replayDir = path.join(tmp, 'replay');
    const rw = await ArchiveStore.open(replayDir, { compactEveryRecords: 0 });
    const n = Math.min(articles.length, 10_000);
    for (let i = 0; i < n; i += 1000) await rw.put(articles.slice(i, i + 1000));
    const r = await timed(() => ArchiveStore.open(replayDir, { readOnly: true }));
    const rl = r.value.status().load;
    console.log(`log replay: ${fmt(rl.replayed)} records, ${both(r)} (${fmt((rl.replayed / r.cpu) * 1000)} records per CPU-second)`);
    await r.value.close();
    await rw.close();
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
