/**
 * Torn and corrupt index files through the real server start (bounded: a sample of offsets and
 * bytes; test/stress/corrupt-files.test.ts tries every offset of the last record).
 *  - log cut inside its last record → the server starts, that record alone is gone, a warning says
 *    so, and a new write after the cut survives a restart;
 *  - a byte flipped in the newest snapshot → the server starts from the previous snapshot plus the
 *    logs (nothing lost) and says which snapshot it refused;
 *  - every snapshot damaged and the first log gone → `fahras serve` refuses to start, naming the
 *    files and what to do.
 */
import { readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { killAllChildren, spawnServer, StartFailed } from '../helpers/child-server.ts';
import { flipByte, snapshotImage, startFlipped, startTruncated, tornLogImage, type SnapshotImage, type TornImage } from '../helpers/corrupt-files.ts';
import { copyDir, rmDir } from '../helpers/index-images.ts';
import { getJson } from '../helpers/http.ts';

afterEach(killAllChildren);

describe('torn log through server start', () => {
  let img: TornImage;
  beforeAll(async () => {
    img = await tornLogImage();
  });
  afterAll(() => rmDir(img.dir));

  it('cut at sampled offsets inside the last record: starts, drops only that record', async () => {
    const [from, to] = img.lastRecord;
    // Record layout: marker 4 B, length 4 B, CRC 4 B, type 1 B, payload. Try each field boundary, the
    // middle of the payload and the byte before the end; the stress test tries every offset.
    const offsets = [...new Set([from, from + 4, from + 13, from + 14, Math.floor((from + to) / 2), to - 1])];
    for (const offset of offsets) {
      const r = await startTruncated(img, offset, offset === from + 14);
      expect({ offset, articles: r.articles, hasLast: r.hasLast, keptOk: r.keptOk }).toEqual({ offset, articles: 11, hasLast: false, keptOk: true });
      if (offset > from) expect(r.warnings.join('\n')).toMatch(/last record .* incomplete or damaged.*dropped/);
      if (r.afterWrite !== undefined) expect(r.afterWrite).toBe(12);
    }
  });

  it('the untouched log serves all 12 articles without warnings', async () => {
    const r = await startTruncated(img, img.lastRecord[1]);
    expect(r).toMatchObject({ articles: 12, hasLast: true, keptOk: true });
    expect(r.warnings).toEqual([]);
  });
});

describe('damaged snapshot through server start', () => {
  let img: SnapshotImage;
  beforeAll(async () => {
    img = await snapshotImage();
  });
  afterAll(() => rmDir(img.dir));

  it('a flipped byte (header, payload start, middle, end) falls back to the previous snapshot plus the logs', async () => {
    const size = statSync(path.join(img.dir, img.newest)).size;
    for (const at of [9, 63, Math.floor(size / 2), size - 1]) {
      const r = await startFlipped(img, at);
      expect({ at, articles: r.articles, missing: r.missing }).toEqual({ at, articles: 45, missing: [] });
      expect(r.warnings.join('\n')).toContain(`${img.newest}`);
      expect(r.warnings.join('\n')).toMatch(/skipped and the previous snapshot and the logs after it are used instead/);
    }
  });

  it('fahras serve (CLI) on a flipped snapshot: serves everything and logs which file it refused', async () => {
    const dir = copyDir(img.dir);
    try {
      flipByte(path.join(dir, img.newest), Math.floor(statSync(path.join(dir, img.newest)).size / 2));
      const s = await spawnServer(dir, { cli: true });
      expect((await getJson(`${s.url}/readyz`)).body.articles).toBe(45);
      const hit = await getJson(`${s.url}/api/articles/${img.batches[2]![3]!.id}`);
      expect(hit.body.article.body).toBe(img.batches[2]![3]!.body);
      await s.kill();
      expect(s.stdout() + s.stderr()).toMatch(new RegExp(`${img.newest.replace('.', '\\.')} is damaged[^"]*skipped`));
    } finally {
      rmDir(dir);
    }
  }, 60_000);

  it('fahras serve refuses to start when every snapshot is damaged and the first log is gone', async () => {
    const dir = copyDir(img.dir);
    try {
      for (const f of [img.newest, img.previous]) flipByte(path.join(dir, f), 70);
      rmSync(path.join(dir, 'wal-00000000.log'), { force: true });
      const err = await spawnServer(dir, { cli: true }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(StartFailed);
      const failed = err as StartFailed;
      expect(failed.code).not.toBe(0);
      expect(failed.stderr).toMatch(/Every snapshot .* is damaged/);
      expect(failed.stderr).toMatch(/restore a backup|reindex/);
    } finally {
      rmDir(dir);
    }
  }, 60_000);

  it('the image itself is intact (control)', () => {
    expect(readFileSync(path.join(img.dir, img.newest)).subarray(0, 8).toString('latin1')).toBe('FAHRASSN');
  });
});
