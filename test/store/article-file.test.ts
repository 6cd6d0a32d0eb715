/**
 * A loaded index reads its articles' text from the snapshot file it was loaded from (engine format
 * 4, region 3): through compactions that delete that file, until the store closes.
 */
import { readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { StorageError } from '../../src/errors.ts';
import type { SearchEngine } from '../../src/search/engine.ts';
import { ArchiveStore } from '../../src/store/archive-store.ts';
import { crc32 } from '../../src/store/crc32.ts';
import { snapshotName } from '../../src/store/store-files.ts';
import { makeArticle, makeArticles } from './fixtures/articles.ts';
import { storeFiles, tempDir } from './helpers.ts';

const onLinux = process.platform === 'linux';

/** How many of this process's descriptors are open on a file inside `dir` (Linux: /proc/self/fd). */
function openIn(dir: string): number {
  let n = 0;
  for (const fd of readdirSync('/proc/self/fd')) {
    try {
      const target = readlinkSync(`/proc/self/fd/${fd}`);
      if (target.startsWith(dir + path.sep) && /snapshot-/.test(target)) n++;
    } catch {
      /* closed meanwhile */
    }
  }
  return n;
}

async function savedIndex(n = 20): Promise<string> {
  const dir = tempDir();
  const store = await ArchiveStore.open(dir);
  await store.put(makeArticles(0, n));
  await store.close();
  return dir;
}

describe('articles read from the snapshot file', () => {
  it('a loaded article reads the same after its snapshot file was compacted away', async () => {
    const dir = await savedIndex();
    const store = await ArchiveStore.open(dir, { compaction: 'inline' });
    const before = store.engine.get('gen-5');
    expect(before).toEqual(makeArticle(5));
    // A hit's fields (articleShown: one read into a reused buffer) are the article's, from the file.
    const docs = (store.engine as SearchEngine).docs;
    for (let i = 0; i < 20; i++) {
      const { dateText: _d, tags: _t, extra: _x, ...shown } = store.engine.get(`gen-${i}`)!;
      expect(docs.articleShown(docs.byId.get(`gen-${i}`)!)).toEqual(shown);
    }
    // Two compactions: the first keeps snapshot 1 as the fallback, the second deletes it.
    await store.put([makeArticle(100)]);
    await store.compact();
    await store.put([makeArticle(101)]);
    await store.compact();
    expect(storeFiles(dir)).not.toContain(snapshotName(1));
    expect(store.engine.get('gen-5')).toEqual(before);
    expect(store.engine.search({ q: makeArticle(7).title }).hits[0]?.id).toBe('gen-7');
    // A snapshot written from the engine copies that text from the deleted file.
    await store.put([makeArticle(102)]);
    await store.close();
    const again = await ArchiveStore.open(dir, { readOnly: true });
    expect(again.engine.get('gen-5')).toEqual(before);
    expect(again.engine.size).toBe(23);
    await again.close();
  });

  it.skipIf(!onLinux)('the store holds one descriptor of its snapshot and close releases it', async () => {
    const dir = await savedIndex();
    expect(openIn(dir)).toBe(0);
    const store = await ArchiveStore.open(dir, { readOnly: true });
    expect(openIn(dir)).toBe(1);
    await store.close();
    expect(openIn(dir)).toBe(0);
    // Reading a loaded article after close says so instead of reading a recycled descriptor.
    expect(() => store.engine.get('gen-3')).toThrow(StorageError);
  });

  it.skipIf(!onLinux)('a snapshot that cannot be loaded leaves no descriptor open', async () => {
    const dir = await savedIndex();
    const snap = path.join(dir, snapshotName(1));
    const b = readFileSync(snap);
    b.writeUInt32LE(3, 64 + 8); // engine format 3, checksums fixed: incompatible
    b.writeUInt32LE(crc32(b.subarray(64)), 24);
    b.writeUInt32LE(crc32(b.subarray(0, 60)), 60);
    writeFileSync(snap, b);
    await expect(ArchiveStore.open(dir, { readOnly: true })).rejects.toThrow(/fahras reindex|cannot read/);
    expect(openIn(dir)).toBe(0);
  });

  it('a flipped byte in the article text (left on disk) is damage: the snapshot is skipped', async () => {
    const dir = tempDir();
    const store = await ArchiveStore.open(dir, { compaction: 'inline' });
    await store.put(makeArticles(0, 10));
    await store.compact();
    await store.put(makeArticles(10, 20));
    await store.close(); // snapshot 2: 20 articles; snapshot 1 and the logs after it stay as the fallback
    const snap = path.join(dir, snapshotName(2));
    const b = readFileSync(snap);
    const diskFrom = Number(b.readBigUInt64LE(44));
    expect(diskFrom).toBeGreaterThan(0);
    expect(64 + diskFrom).toBeLessThan(b.length);
    b[64 + diskFrom + 3]! ^= 0x01; // inside the first article's body
    writeFileSync(snap, b);
    const again = await ArchiveStore.open(dir, { readOnly: true });
    expect(again.warnings.join('\n')).toMatch(/snapshot-00000002\.fhx is damaged: payload checksum mismatch/);
    expect(again.engine.size).toBe(20);
    expect(again.engine.get('gen-0')).toEqual(makeArticle(0));
    await again.close();
  });
});
