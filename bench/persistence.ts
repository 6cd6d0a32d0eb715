/**
 * Persistence figures on the real corpus (`npm run bench persistence`):
 *   - raw log append throughput (encode + write + fdatasync) with one fsync per 100 / 1000 articles
 *   - store.put throughput (plan + log + fsync + engine indexing) in batches of 100 / 1000
 *   - snapshot of the whole corpus: serialize time (synchronous, blocks the event loop), write+fsync
 *     time, size
 *   - load time of the whole index (snapshot read + checksum + deserialize), and log replay speed
 * FAHRAS_BENCH_LIMIT=N uses the first N articles only.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ArchiveStore } from '../src/store/archive-store.ts';
import { encodeRecord } from '../src/store/log-format.ts';
import { LogWriter } from '../src/store/log-writer.ts';
import { logName } from '../src/store/store-files.ts';
import type { Article } from '../src/types.ts';
import { loadCorpus } from './corpus.ts';

const ms = (t0: number) => performance.now() - t0;
const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

async function rawLog(dir: string, articles: Article[], batch: number): Promise<number> {
  const log = await LogWriter.create(path.join(dir, logName(batch)), batch);
  const t0 = performance.now();
  for (let i = 0; i < articles.length; i += batch) {
    const ops = articles.slice(i, i + batch).map((article) => encodeRecord({ kind: 'put', article }));
    await log.append(Buffer.concat(ops));
  }
  const t = ms(t0);
  await log.close();
  return (articles.length / t) * 1000;
}

async function storePut(dir: string, articles: Article[], batch: number): Promise<number> {
  const store = await ArchiveStore.open(dir, { compactEveryRecords: 0 });
  const t0 = performance.now();
  for (let i = 0; i < articles.length; i += batch) await store.put(articles.slice(i, i + batch));
  const t = ms(t0);
  await store.close();
  return (articles.length / t) * 1000;
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
      console.log(`log append, fsync per ${batch}: ${fmt(rate)} articles/s (${fmt((rate * avg) / 1e6, 1)} MB/s)`);
    }
    for (const batch of [100, 1000]) {
      const rate = await storePut(path.join(tmp, `put-${batch}`), sample, batch);
      console.log(`store.put (log + engine), batches of ${batch}: ${fmt(rate)} articles/s on ${fmt(sample.length)} articles`);
    }

    const dir = path.join(tmp, 'full');
    const store = await ArchiveStore.open(dir, { compactEveryRecords: 0 });
    let t0 = performance.now();
    for (let i = 0; i < articles.length; i += 1000) await store.put(articles.slice(i, i + 1000));
    console.log(`ingest of ${fmt(articles.length)} via store.put: ${fmt(ms(t0) / 1000, 1)} s`);

    t0 = performance.now();
    const replayStore = path.join(tmp, 'full-image');
    await store.snapshot(replayStore); // warm-up serialize, and a backup to time a load from
    await store.compact();
    const c = store.status().lastCompaction!;
    console.log(
      `snapshot: ${fmt(c.bytes / 1e6, 1)} MB, serialize ${fmt(c.serializeMs)} ms (blocks the event loop), write+fsync ${fmt(c.writeMs)} ms`,
    );
    await store.close();

    for (let round = 1; round <= 3; round++) {
      t0 = performance.now();
      const re = await ArchiveStore.open(dir, { readOnly: true });
      const total = ms(t0);
      const l = re.status().load;
      console.log(`load #${round}: ${fmt(total)} ms total (snapshot read+check+deserialize ${fmt(l.snapshotMs)} ms), ${fmt(re.engine.size)} articles`);
      await re.close();
    }

    // Replay speed: a log with no snapshot (what a restart after a crash before compaction costs).
    const replayDir = path.join(tmp, 'replay');
    const w = await ArchiveStore.open(replayDir, { compactEveryRecords: 0 });
    const n = Math.min(articles.length, 10_000);
    for (let i = 0; i < n; i += 1000) await w.put(articles.slice(i, i + 1000));
    const r = await ArchiveStore.open(`${replayDir}`, { readOnly: true });
    console.log(`log replay: ${fmt(r.status().load.replayed)} records in ${fmt(r.status().load.replayMs)} ms`);
    await r.close();
    await w.close();
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
