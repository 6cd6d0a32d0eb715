/**
 * Long torn/corrupt-file run through the real server start: the log cut at EVERY byte offset
 * inside its last record, and 60 random bytes of the newest snapshot flipped one at a time.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotImage, startFlipped, startTruncated, tornLogImage, type SnapshotImage, type TornImage } from '../helpers/corrupt-files.ts';
import { prng } from '../helpers/http.ts';
import { rmDir } from '../helpers/index-images.ts';

describe('torn log, every offset (stress)', () => {
  let img: TornImage;
  beforeAll(async () => {
    img = await tornLogImage();
  });
  afterAll(() => rmDir(img.dir));

  it('cut at every byte offset inside the last record: starts, drops only that record, says so', async () => {
    const [from, to] = img.lastRecord;
    const bad: string[] = [];
    for (let offset = from; offset < to; offset++) {
      const r = await startTruncated(img, offset, offset % 25 === 0);
      if (r.articles !== 11 || r.hasLast || !r.keptOk) bad.push(`offset ${offset}: ${JSON.stringify(r)}`);
      if (offset > from && !/last record .* incomplete or damaged.*dropped/.test(r.warnings.join('\n'))) bad.push(`offset ${offset}: no torn-record warning`);
      if (r.afterWrite !== undefined && r.afterWrite !== 12) bad.push(`offset ${offset}: a write after recovery did not survive a restart (${r.afterWrite})`);
    }
    console.log(`torn log: ${to - from} offsets tried (record of ${to - from} bytes), ${bad.length} bad`);
    expect(bad).toEqual([]);
  }, 900_000);
});

describe('flipped snapshot bytes (stress)', () => {
  let img: SnapshotImage;
  beforeAll(async () => {
    img = await snapshotImage();
  });
  afterAll(() => rmDir(img.dir));

  it('60 random byte flips in the newest snapshot: each falls back to the previous snapshot + logs, nothing lost', async () => {
    const size = statSync(path.join(img.dir, img.newest)).size;
    const rnd = prng(Number(process.env.FAHRAS_SEED ?? 42));
    const bad: string[] = [];
    for (let k = 0; k < 60; k++) {
      const at = Math.floor(rnd() * size);
      const r = await startFlipped(img, at);
      if (r.articles !== 45 || r.missing.length) bad.push(`byte ${at}: ${r.articles} articles, missing ${r.missing.join(',')}`);
      if (!r.warnings.join('\n').includes(img.newest)) bad.push(`byte ${at}: no warning naming ${img.newest}`);
    }
    console.log(`snapshot flips: 60 bytes of ${size} tried, ${bad.length} bad`);
    expect(bad).toEqual([]);
  }, 900_000);
});
