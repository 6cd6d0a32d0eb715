/**
 * Memory and load time of a SERVING process's index: `ArchiveStore.open(dir, { readOnly: true })`
 * as `fahras serve` does, documents included. Prints heap, external (array buffers included) and
 * RSS growth after gc, and load CPU/wall. Run each measurement in a fresh process:
 *   node --expose-gc --import tsx bench/loaded-memory.ts DIR [runs]      (measure; runs loads in a row)
 *   node --import tsx bench/loaded-memory.ts --folder DIR ENGINE.bin     (make DIR from engine bytes
 *                                                                         written by bench/snapshot-71k.ts)
 * Raw text: the 71k corpus's title+body+author+source+category, 198 MB of UTF-8 (bench search).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { SearchEngine } from '../src/search/engine.ts';
import { ArchiveStore } from '../src/store/archive-store.ts';
import { writeFileAtomic } from '../src/store/durable-fs.ts';
import { snapshotFileParts } from '../src/store/engine-snapshot.ts';
import { snapshotName } from '../src/store/store-files.ts';

const RAW_MB = 198;
const args = process.argv.slice(2);
if (args[0] === '--folder') {
  const [dir, engineFile] = args.slice(1);
  if (!dir || !engineFile) throw new Error('usage: --folder DIR ENGINE.bin');
  mkdirSync(dir, { recursive: true });
  await writeFileAtomic(path.join(dir, snapshotName(1)), snapshotFileParts(1, readFileSync(engineFile)));
  console.log(`wrote ${path.join(dir, snapshotName(1))}`);
} else {
  const dir = args[0];
  if (!dir) throw new Error('usage: node --expose-gc --import tsx bench/loaded-memory.ts DIR [runs]');
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with node --expose-gc');
  const MB = (b: number) => b / 1e6;
  const settle = () => {
    for (let i = 0; i < 3; i++) gc();
    return process.memoryUsage();
  };
  const runs = Number(args[1] ?? 1);
  for (let run = 1; run <= runs; run++) {
    const m0 = settle();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const store = await ArchiveStore.open(dir, { readOnly: true });
    const wall = performance.now() - t0;
    const c = process.cpuUsage(c0);
    const m1 = settle();
    const heap = MB(m1.heapUsed - m0.heapUsed);
    const ext = MB(m1.external - m0.external); // includes arrayBuffers
    const total = heap + ext;
    console.log(
      `run ${run}: ${store.engine.size} articles; load ${((c.user + c.system) / 1000).toFixed(0)} ms CPU, ${wall.toFixed(0)} ms wall ` +
        `(read+check ${store.status().load.readMs.toFixed(0)} ms, deserialize ${store.status().load.loadMs.toFixed(0)} ms); ` +
        `heap ${heap.toFixed(0)} MB + external ${ext.toFixed(0)} MB (array buffers ${MB(m1.arrayBuffers - m0.arrayBuffers).toFixed(0)}) = ${total.toFixed(0)} MB = ${(total / RAW_MB).toFixed(2)}× raw; ` +
        `RSS +${MB(m1.rss - m0.rss).toFixed(0)} MB (${MB(m1.rss).toFixed(0)} MB)`,
    );
    // What a results page pays per article: docs.article (text read from the file) and titleOf.
    const docs = (store.engine as SearchEngine).docs;
    const picks = Array.from({ length: 20_000 }, (_, i) => (i * 7919) % docs.slots);
    for (const read of ['article', 'titleOf'] as const) {
      const r0 = process.cpuUsage();
      let chars = 0;
      for (const d of picks) chars += read === 'article' ? docs.article(d)!.body.length : docs.titleOf(d)!.length;
      const r = process.cpuUsage(r0);
      console.log(`  ${read}: ${((r.user + r.system) / picks.length).toFixed(1)} µs CPU per article (${picks.length} spread docs, ${(chars / picks.length).toFixed(0)} chars each)`);
    }
    await store.close();
  }
}
