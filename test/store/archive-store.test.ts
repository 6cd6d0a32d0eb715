import { existsSync, readFileSync, renameSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { StorageError, ValidationError } from '../../src/errors.ts';
import { ArchiveStore } from '../../src/store/archive-store.ts';
import { crc32 } from '../../src/store/crc32.ts';
import { encodeRecord } from '../../src/store/log-format.ts';
import { IncompatibleIndexError } from '../../src/store/recovery.ts';
import { FORMAT_VERSION } from '../../src/search/serialize.ts';
import { logName, snapshotName } from '../../src/store/store-files.ts';
import type { Article } from '../../src/types.ts';
import { makeArticle, makeArticles } from './fixtures/articles.ts';
import { crashImage, storeFiles, tempDir } from './helpers.ts';

const ids = (store: ArchiveStore) =>
  store.engine.search({ q: 'تقرير', size: 100, collapse: false }).hits.map((h) => h.id).sort();

describe('ArchiveStore round trip', () => {
  it('put, close, reopen: the same articles, searchable', async () => {
    const dir = tempDir();
    const store = await ArchiveStore.open(dir);
    expect(store.isEmpty()).toBe(true);
    const results = await store.put(makeArticles(0, 5));
    expect(results.map((r) => r.status)).toEqual(['added', 'added', 'added', 'added', 'added']);
    expect(store.engine.size).toBe(5);
    expect(ids(store)).toHaveLength(5);
    await store.close();
    expect(existsSync(path.join(dir, 'LOCK'))).toBe(false);

    const again = await ArchiveStore.open(dir);
    expect(again.engine.size).toBe(5);
    expect(again.status().snapshotGen).toBe(1);
    expect(again.warnings).toEqual([]);
    for (let i = 0; i < 5; i++) expect(again.engine.get(`gen-${i}`)).toEqual(makeArticle(i));
    expect(ids(again)).toEqual(ids(store));
    await again.close();
  });

  it('reopen after a crash replays the log', async () => {
    const dir = tempDir();
    const store = await ArchiveStore.open(dir, { compactEveryRecords: 0 });
    await store.put(makeArticles(0, 3));
    await store.put([makeArticle(1, 1)]);
    expect(await store.delete('gen-2')).toBe(true);
    expect(await store.delete('gen-2')).toBe(false);
    const image = crashImage(dir);
    await store.close();

    const re = await ArchiveStore.open(image);
    expect(re.status().snapshotGen).toBeUndefined();
    expect(re.status().load.replayed).toBe(5);
    expect(re.engine.size).toBe(2);
    expect(re.engine.get('gen-1')).toEqual(makeArticle(1, 1));
    expect(re.engine.get('gen-2')).toBeUndefined();
    expect(re.warnings.filter((w) => !/stale lock/.test(w))).toEqual([]);
    await re.close();
  });

  it('rejects invalid articles with a ValidationError naming the article', async () => {
    const store = await ArchiveStore.open(tempDir());
    await expect(store.put([makeArticle(0), { id: '', title: 'x', body: 'y' }])).rejects.toThrow(ValidationError);
    await expect(store.put([{ id: 'x', title: 'x' } as Article])).rejects.toThrow(/Article #1: article x: body must be a string/);
    expect(store.isEmpty()).toBe(true);
    await store.close();
  });
});

describe('duplicates', () => {
  it('ingesting the same articles twice adds nothing', async () => {
    const store = await ArchiveStore.open(tempDir());
    const batch = makeArticles(0, 40);
    expect((await store.put(batch)).every((r) => r.status === 'added')).toBe(true);
    const second = await store.put(batch);
    expect(second.every((r) => r.status === 'unchanged')).toBe(true);
    expect(store.engine.size).toBe(40);
    await store.close();
  });

  it.each([
    {
      name: 'same id, new content → updated',
      article: { ...makeArticle(3), title: 'عنوان جديد' },
      want: { id: 'gen-3', status: 'updated' },
    },
    {
      name: 'same url under another id → update of the stored article (its id kept)',
      article: { ...makeArticle(3), id: 'other-id', title: 'عنوان جديد' },
      want: { id: 'gen-3', status: 'updated' },
    },
    {
      name: 'same url, same content, another id → unchanged',
      article: { ...makeArticle(3), id: 'other-id' },
      want: { id: 'gen-3', status: 'unchanged' },
    },
    {
      name: 'same body under another id and url → duplicate, not indexed',
      article: { ...makeArticle(3), id: 'copy', url: 'https://elsewhere.example/copy', title: 'نسخة' },
      want: { id: 'copy', status: 'duplicate', duplicateOf: 'gen-3' },
    },
    {
      name: 'new body → added',
      article: { id: 'fresh', title: 'جديد', body: 'نص لم ينشر من قبل عن الفضاء والنجوم' },
      want: { id: 'fresh', status: 'added' },
    },
  ])('$name', async ({ article, want }) => {
    const store = await ArchiveStore.open(tempDir());
    await store.put(makeArticles(0, 5));
    const [r] = await store.put([article]);
    expect(r).toEqual(want);
    expect(store.engine.size).toBe(want.status === 'added' ? 6 : 5);
    if (want.status === 'updated') expect(store.engine.get(want.id)?.title).toBe('عنوان جديد');
    if (want.status === 'duplicate') expect(store.engine.get(want.id)).toBeUndefined();
    await store.close();
  });

  it('duplicates and same-url updates inside one batch are caught too', async () => {
    const store = await ArchiveStore.open(tempDir());
    const a = makeArticle(1);
    const results = await store.put([
      a,
      { ...a, id: 'copy-of-1', url: 'https://elsewhere.example/1' },
      { ...a, id: 'gen-1-again', title: 'تحديث' },
      { ...makeArticle(2), url: a.url, id: 'same-url' },
    ]);
    expect(results.map((r) => [r.id, r.status, r.duplicateOf])).toEqual([
      ['gen-1', 'added', undefined],
      ['copy-of-1', 'duplicate', 'gen-1'],
      ['gen-1', 'updated', undefined],
      ['gen-1', 'updated', undefined],
    ]);
    expect(store.engine.size).toBe(1);
    expect(store.engine.get('gen-1')?.body).toBe(makeArticle(2).body);
    await store.close();
  });
});

describe('writer chain', () => {
  it('concurrent callers are served in order, in one or more group commits', async () => {
    const dir = tempDir();
    const store = await ArchiveStore.open(dir);
    const calls = Array.from({ length: 30 }, (_, v) => store.put([makeArticle(7, v + 1)]));
    const del = store.delete('gen-7');
    const results = await Promise.all(calls);
    expect(results[0]![0]!.status).toBe('added');
    expect(results.slice(1).every((r) => r[0]!.status === 'updated')).toBe(true);
    expect(await del).toBe(true);
    const last = store.put([makeArticle(7, 99)]);
    expect((await last)[0]!.status).toBe('added');
    await store.close();
    const re = await ArchiveStore.open(dir);
    expect(re.engine.get('gen-7')).toEqual(makeArticle(7, 99));
    await re.close();
  });
});

describe('snapshots and compaction', () => {
  it('keeps the newest snapshot, the previous one and the logs from it on', async () => {
    const dir = tempDir();
    const store = await ArchiveStore.open(dir, { compactEveryRecords: 0 });
    for (let round = 0; round < 4; round++) {
      await store.put(makeArticles(round * 10, round * 10 + 10));
      await store.compact();
    }
    expect(storeFiles(dir)).toEqual([snapshotName(3), snapshotName(4), logName(3), logName(4)]);
    expect(store.status().lastCompaction?.where).toBe('worker');
    expect(store.warnings).toEqual([]);
    await store.put(makeArticles(40, 45));
    await store.close();
    expect(storeFiles(dir)).toEqual([snapshotName(4), snapshotName(5), logName(4), logName(5)]);
    const re = await ArchiveStore.open(dir);
    expect(re.engine.size).toBe(45);
    expect(re.status().load.replayed).toBe(0);
    await re.close();
  });

  it.each(['worker', 'inline'] as const)('a %s compaction holds exactly the acknowledged writes', async (compaction) => {
    const dir = tempDir();
    const store = await ArchiveStore.open(dir, { compactEveryRecords: 0, compaction });
    await store.put(makeArticles(0, 20));
    await store.put([makeArticle(3, 2)]);
    await store.delete('gen-4');
    await store.compact();
    expect(store.status().lastCompaction?.where).toBe(compaction);
    await store.put([makeArticle(5, 1)]);
    const image = crashImage(dir);
    await store.close();
    rmSync(path.join(image, logName(1)));
    writeFileSync(path.join(image, logName(1)), readFileSync(path.join(dir, logName(2))).subarray(0, 16));
    const re = await ArchiveStore.open(image, { readOnly: true });
    // Only the snapshot (the log after it emptied): the write after the compaction is not in it.
    expect(re.engine.size).toBe(19);
    expect(re.engine.get('gen-3')).toEqual(makeArticle(3, 2));
    expect(re.engine.get('gen-4')).toBeUndefined();
    expect(re.engine.get('gen-5')).toEqual(makeArticle(5));
    await re.close();
  });

  it('close skips the snapshot when the log holds fewer records than 1 % of the articles', async () => {
    const dir = tempDir();
    const store = await ArchiveStore.open(dir, { compactEveryRecords: 0 });
    await store.put(makeArticles(0, 300));
    await store.close();
    expect(storeFiles(dir)).toEqual([snapshotName(1), logName(0), logName(1)]);

    const one = await ArchiveStore.open(dir);
    await one.delete('gen-7');
    await one.close();
    expect(storeFiles(dir)).toEqual([snapshotName(1), logName(0), logName(1)]);

    const three = await ArchiveStore.open(dir);
    expect(three.status().load.replayed).toBe(1);
    expect(three.engine.size).toBe(299);
    await three.put(makeArticles(300, 302));
    await three.close();
    expect(storeFiles(dir)).toEqual([snapshotName(1), snapshotName(2), logName(1), logName(2)]);
    const again = await ArchiveStore.open(dir, { readOnly: true });
    expect(again.engine.size).toBe(301);
    expect(again.status().load.replayed).toBe(0);
    await again.close();
  });

  it('compacts automatically every N records, without losing writes made meanwhile', async () => {
    const dir = tempDir();
    const store = await ArchiveStore.open(dir, { compactEveryRecords: 25 });
    // Sequential puts: each background compaction runs while the next writes arrive.
    for (let i = 0; i < 100; i += 5) await store.put(makeArticles(i, i + 5));
    await store.compact();
    expect(store.status().snapshotGen).toBeGreaterThanOrEqual(2);
    const image = crashImage(dir);
    await store.close();
    const re = await ArchiveStore.open(image);
    expect(re.engine.size).toBe(100);
    await re.close();
  });

  it('a damaged newest snapshot falls back to the previous one plus the logs after it', async () => {
    const dir = tempDir();
    const store = await ArchiveStore.open(dir, { compactEveryRecords: 0 });
    await store.put(makeArticles(0, 10));
    await store.compact();
    await store.put(makeArticles(10, 20));
    await store.compact();
    await store.put(makeArticles(20, 25));
    const image = crashImage(dir);
    await store.close();

    const snap = path.join(image, snapshotName(2));
    const bytes = readFileSync(snap);
    for (const at of [3, 40, 64 + 17, Math.floor(bytes.length / 2), bytes.length - 1]) {
      const copy = crashImage(image);
      const b = Buffer.from(bytes);
      b[at]! ^= 0x10;
      writeFileSync(path.join(copy, snapshotName(2)), b);
      const re = await ArchiveStore.open(copy);
      expect(re.engine.size, `flipped byte ${at}`).toBe(25);
      expect(re.status().snapshotGen).toBe(1);
      expect(re.warnings.join('\n')).toMatch(/snapshot-00000002\.fhx is damaged: .*previous snapshot/);
      // The next compaction writes a good snapshot over the damaged generation's successor.
      await re.put([makeArticle(99)]);
      await re.close();
      const again = await ArchiveStore.open(copy);
      expect(again.engine.size).toBe(26);
      expect(again.warnings).toEqual([]);
      await again.close();
    }
  });

  it('an incompatible snapshot or log version stops start-up with an error naming fahras reindex', async () => {
    const dir = tempDir();
    const store = await ArchiveStore.open(dir);
    await store.put(makeArticles(0, 3));
    await store.close();

    const snapDir = crashImage(dir);
    const snap = path.join(snapDir, snapshotName(1));
    const b = readFileSync(snap);
    b.writeUInt32LE(9, 8);
    b.writeUInt32LE(crc32(b.subarray(0, 60)), 60);
    writeFileSync(snap, b);
    const err = await ArchiveStore.open(snapDir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IncompatibleIndexError);
    expect((err as IncompatibleIndexError).message).toMatch(/snapshot format version 9; this build of Fahras reads version 1/);
    expect((err as IncompatibleIndexError).hint).toMatch(/fahras reindex/);
    expect(existsSync(path.join(snapDir, 'LOCK'))).toBe(false);

    const logDir = crashImage(dir);
    const log = path.join(logDir, logName(1));
    const l = readFileSync(log);
    l.writeUInt32LE(5, 8);
    writeFileSync(log, l);
    await expect(ArchiveStore.open(logDir)).rejects.toThrow(/log format version 5/);
  });

  it('close({ snapshot: false }) leaves the writes in the log only, and they are all there at the next open', async () => {
    const dir = tempDir();
    const store = await ArchiveStore.open(dir);
    await store.put(makeArticles(0, 4));
    await store.close({ snapshot: false });
    expect(storeFiles(dir).filter((f) => f.startsWith('snapshot-'))).toEqual([]);
    const again = await ArchiveStore.open(dir, { readOnly: true });
    expect(again.engine.size).toBe(4);
    await again.close();
  });

  it('a snapshot of an older engine format (checksums fine) stops start-up with an error naming fahras reindex', async () => {
    const dir = tempDir();
    const store = await ArchiveStore.open(dir);
    await store.put(makeArticles(0, 3));
    await store.close();
    // Rewrite the engine's own version (payload bytes 8–11, after "FAHRASIX") to 3, the format
    // before the article text stayed on disk, with valid checksums: what an index written by the
    // previous release looks like to this one.
    const snap = path.join(dir, snapshotName(1));
    const b = readFileSync(snap);
    expect(b.subarray(64, 72).toString('latin1')).toBe('FAHRASIX');
    b.writeUInt32LE(3, 64 + 8);
    b.writeUInt32LE(crc32(b.subarray(64)), 24);
    b.writeUInt32LE(crc32(b.subarray(0, 60)), 60);
    writeFileSync(snap, b);
    const err = await ArchiveStore.open(dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IncompatibleIndexError);
    expect((err as IncompatibleIndexError).message).toMatch(new RegExp(`cannot read it: .*format version 3, this build reads ${FORMAT_VERSION}`));
    expect((err as IncompatibleIndexError).hint).toMatch(/fahras reindex/);
    expect(existsSync(path.join(dir, 'LOCK'))).toBe(false);
  });

  it('a missing log, or every snapshot damaged without the first log, stops start-up saying what to restore', async () => {
    const dir = tempDir();
    const store = await ArchiveStore.open(dir, { compactEveryRecords: 0 });
    await store.put(makeArticles(0, 5));
    await store.compact();
    await store.put(makeArticles(5, 10));
    await store.compact();
    await store.put(makeArticles(10, 12));
    const image = crashImage(dir);
    await store.close();
    expect(storeFiles(image)).toEqual([snapshotName(1), snapshotName(2), logName(1), logName(2)]);

    const missing = crashImage(image);
    rmSync(path.join(missing, snapshotName(2)));
    rmSync(path.join(missing, logName(1)));
    await expect(ArchiveStore.open(missing)).rejects.toThrow(/log wal-00000001\.log is missing/);

    const allBad = crashImage(image);
    for (const g of [1, 2]) writeFileSync(path.join(allBad, snapshotName(g)), 'garbage');
    const err = await ArchiveStore.open(allBad).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/Every snapshot .* is damaged and the logs from the start are gone/);
    expect((err as { hint?: string }).hint).toMatch(/restore a backup .*fahras reindex/);
  });

  it('snapshot(dest) writes a consistent, openable backup while writes continue', async () => {
    const dir = tempDir();
    const store = await ArchiveStore.open(dir);
    await store.put(makeArticles(0, 30));
    const during = store.put(makeArticles(30, 60));
    const backup = await store.snapshot(path.join(tempDir(), 'backup'));
    await during;
    await expect(store.snapshot(backup)).rejects.toThrow(/already holds an index/);
    await store.close();
    const b = await ArchiveStore.open(backup, { readOnly: true });
    expect([30, 60]).toContain(b.engine.size);
    expect(b.engine.get('gen-0')).toEqual(makeArticle(0));
    await b.close();
  });
});

describe('torn last record', () => {
  it('a log cut at every byte inside its last record opens and drops only that record', async () => {
    const dir = tempDir();
    const store = await ArchiveStore.open(dir, { compactEveryRecords: 0 });
    await store.put([makeArticle(0)]);
    await store.put([makeArticle(1)]);
    await store.put([makeArticle(2)]);
    const image = crashImage(dir);
    await store.close();

    const wal = path.join(image, logName(0));
    const full = statSync(wal).size;
    const lastLen = encodeRecord({ kind: 'put', article: makeArticle(2) }).length;
    for (let cut = full - lastLen + 1; cut < full; cut++) {
      const copy = crashImage(image);
      truncateSync(path.join(copy, logName(0)), cut);
      const re = await ArchiveStore.open(copy);
      expect(re.engine.size, `cut at ${cut}`).toBe(2);
      expect(re.engine.get('gen-1')).toEqual(makeArticle(1));
      expect(re.warnings.join('\n')).toMatch(/last record .* incomplete or damaged.*dropped/);
      if (cut % 50 === 0 || cut === full - 1) {
        // Appending after the repair lands on a clean end: the next open has nothing to drop.
        await re.put([makeArticle(3)]);
        const again = await ArchiveStore.open(crashImage(copy));
        expect(again.engine.size).toBe(3);
        expect(again.warnings.filter((w) => !/stale lock/.test(w))).toEqual([]);
        await again.close();
      }
      await re.close();
    }
  });

  it('a damaged record in the middle is skipped and reported with its byte range', async () => {
    const dir = tempDir();
    const store = await ArchiveStore.open(dir, { compactEveryRecords: 0 });
    for (let i = 0; i < 3; i++) await store.put([makeArticle(i)]);
    const image = crashImage(dir);
    await store.close();
    const wal = path.join(image, logName(0));
    const b = readFileSync(wal);
    const first = encodeRecord({ kind: 'put', article: makeArticle(0) }).length;
    b[16 + first + 30]! ^= 0xff;
    writeFileSync(wal, b);
    const re = await ArchiveStore.open(image);
    expect(re.engine.size).toBe(2);
    expect(re.engine.get('gen-1')).toBeUndefined();
    expect(re.warnings.join('\n')).toMatch(/damaged bytes \d+–\d+ .* in the middle of the log were skipped/);
    await re.close();
  });
});

describe('unwritable folder', () => {
  it('writes reject with StorageError, the index keeps what was acknowledged, searches work', async () => {
    const parent = tempDir();
    const dir = path.join(parent, 'index');
    const store = await ArchiveStore.open(dir);
    await store.put(makeArticles(0, 5));
    // Root can write anywhere, so take the folder away: a file now stands where it was.
    renameSync(dir, path.join(parent, 'moved'));
    writeFileSync(dir, 'not a folder');
    const err = await store.put(makeArticles(5, 10)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StorageError);
    expect((err as StorageError).status).toBe(503);
    expect((err as StorageError).message).toMatch(/Cannot write to .*wal-00000000\.log/);
    await expect(store.delete('gen-0')).rejects.toThrow(StorageError);
    expect(store.engine.size).toBe(5);
    expect(store.engine.get('gen-5')).toBeUndefined();
    expect(store.engine.get('gen-0')).toEqual(makeArticle(0));
    expect(ids(store)).toHaveLength(5);
    await store.close();
    // The moved folder holds every acknowledged write.
    const re = await ArchiveStore.open(path.join(parent, 'moved'));
    expect(re.engine.size).toBe(5);
    await re.close();
  });

  it('an index path under a file cannot be created: StorageError with a fix', async () => {
    const file = path.join(tempDir(), 'plain-file');
    writeFileSync(file, 'x');
    const err = await ArchiveStore.open(path.join(file, 'index')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StorageError);
    expect((err as StorageError).hint).toMatch(/file, not a folder/);
  });

  it('readOnly: loads, searches, never writes', async () => {
    const dir = tempDir();
    const w = await ArchiveStore.open(dir);
    await w.put(makeArticles(0, 4));
    const before = storeFiles(dir).map((f) => [f, statSync(path.join(dir, f)).size]);
    const r = await ArchiveStore.open(dir, { readOnly: true });
    expect(r.engine.size).toBe(4);
    await expect(r.put([makeArticle(9)])).rejects.toThrow(/opened read-only/);
    await r.close();
    expect(storeFiles(dir).map((f) => [f, statSync(path.join(dir, f)).size])).toEqual(before);
    await w.close();
    await expect(ArchiveStore.open(tempDir() + '/none', { readOnly: true })).rejects.toThrow(/No index in/);
  });
});

describe('LOCK', () => {
  it('a second writer on the same folder is refused with a clear message', async () => {
    const dir = tempDir();
    const a = await ArchiveStore.open(dir);
    await expect(ArchiveStore.open(dir)).rejects.toThrow(/already open for writing in this process/);
    await a.close();
    const b = await ArchiveStore.open(dir);
    await b.close();
  });

  it('a lock held by a live process stops the writer; a dead one is taken over', async () => {
    const dir = tempDir();
    await (await ArchiveStore.open(dir)).close();
    writeFileSync(path.join(dir, 'LOCK'), `${process.ppid} ${(await import('node:os')).hostname()}\n`);
    const err = await ArchiveStore.open(dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StorageError);
    expect((err as Error).message).toMatch(new RegExp(`in use by process ${process.ppid}`));
    // pid 2^22+1 is above Linux's pid_max limit, so no process has it.
    writeFileSync(path.join(dir, 'LOCK'), `4194305 ${(await import('node:os')).hostname()}\n`);
    const s = await ArchiveStore.open(dir);
    expect(s.warnings.join('\n')).toMatch(/stale lock .* process 4194305/);
    await s.close();
  });
});
