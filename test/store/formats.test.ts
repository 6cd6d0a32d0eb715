import { closeSync, mkdtempSync, readSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { crc32, crc32Table } from '../../src/store/crc32.ts';
import { decodeLog, encodeLogHeader, encodeRecord, LogVersionError, type LogOp } from '../../src/store/log-format.ts';
import { decodeSnapshot, encodeSnapshotHeader, readSnapshotFile, SnapshotError } from '../../src/store/snapshot-format.ts';

const ops: LogOp[] = [
  { kind: 'put', article: { id: 'a1', title: 'عنوان أول', body: 'نص المقال الأول' } },
  { kind: 'put', article: { id: 'a2', title: 'عنوان ثان', body: 'نص المقال الثاني', tags: ['سياسة'] } },
  { kind: 'delete', id: 'a1' },
  { kind: 'put', article: { id: 'a3', title: 'ثالث', body: 'نص ثالث', extra: { n: 3 } } },
];

function logBytes(list: LogOp[]): Buffer {
  return Buffer.concat([encodeLogHeader(7), ...list.map(encodeRecord)]);
}

describe('crc32', () => {
  it.each([
    ['', 0x00000000],
    ['a', 0xe8b7be43],
    ['123456789', 0xcbf43926],
    ['The quick brown fox jumps over the lazy dog', 0x414fa339],
  ])('crc32(%j) = %s', (text, want) => {
    expect(crc32(Buffer.from(text))).toBe(want);
    expect(crc32Table(Buffer.from(text))).toBe(want);
  });
  it('table and native agree on odd lengths and continuation', () => {
    const b = Buffer.from('فهرس '.repeat(1001), 'utf8');
    for (const n of [0, 1, 3, 5, 1023, b.length]) expect(crc32Table(b.subarray(0, n))).toBe(crc32(b.subarray(0, n)));
    expect(crc32Table(b.subarray(7), crc32Table(b.subarray(0, 7)))).toBe(crc32(b));
  });
});

describe('log format', () => {
  it('round-trips records', () => {
    const d = decodeLog(logBytes(ops), 'wal');
    expect(d.gen).toBe(7);
    expect(d.ops).toEqual(ops);
    expect(d.tornTail).toBeUndefined();
    expect(d.damaged).toEqual([]);
  });

  it('a log cut at every byte inside the last record keeps all earlier records', () => {
    const full = logBytes(ops);
    const lastStart = full.length - encodeRecord(ops.at(-1)!).length;
    for (let cut = lastStart + 1; cut < full.length; cut++) {
      const d = decodeLog(full.subarray(0, cut), 'wal');
      expect(d.ops).toEqual(ops.slice(0, -1));
      expect(d.validEnd).toBe(lastStart);
      expect(d.tornTail).toEqual({ from: lastStart, bytes: cut - lastStart });
    }
    expect(decodeLog(full.subarray(0, lastStart), 'wal').tornTail).toBeUndefined();
  });

  it('a flipped byte anywhere in the last record drops only that record', () => {
    const full = logBytes(ops);
    const lastStart = full.length - encodeRecord(ops.at(-1)!).length;
    for (let at = lastStart; at < full.length; at++) {
      const b = Buffer.from(full);
      b[at]! ^= 0x20;
      const d = decodeLog(b, 'wal');
      expect(d.ops).toEqual(ops.slice(0, -1));
      expect(d.tornTail?.from).toBe(lastStart);
    }
  });

  it('damage in the middle skips only the damaged record and reports its byte range', () => {
    const recs = ops.map(encodeRecord);
    const full = logBytes(ops);
    const secondStart = 16 + recs[0]!.length;
    const secondEnd = secondStart + recs[1]!.length;
    for (const at of [secondStart, secondStart + 5, secondStart + 9, secondStart + 12, secondEnd - 1]) {
      const b = Buffer.from(full);
      b[at]! ^= 0xff;
      const d = decodeLog(b, 'wal');
      expect(d.ops).toEqual([ops[0], ops[2], ops[3]]);
      expect(d.damaged).toEqual([{ from: secondStart, to: secondEnd }]);
      expect(d.tornTail).toBeUndefined();
    }
  });

  it('a damaged header still yields the records; another version throws', () => {
    const b = logBytes(ops);
    b[0] = 0;
    const d = decodeLog(b, 'wal');
    expect(d.gen).toBeUndefined();
    expect(d.ops).toEqual(ops);
    const v = logBytes(ops);
    v.writeUInt32LE(99, 8);
    expect(() => decodeLog(v, 'wal-x.log')).toThrow(LogVersionError);
    expect(() => decodeLog(v, 'wal-x.log')).toThrow(/version 99.*reads version 1/);
  });
});

describe('snapshot format', () => {
  const payload = Buffer.from('engine bytes '.repeat(100));
  const file = () => Buffer.concat([encodeSnapshotHeader(3, payload, 1700000000000), payload]);

  it('round-trips', () => {
    const s = decodeSnapshot(file(), 'snap');
    expect(s.gen).toBe(3);
    expect(s.writtenAt).toBe(1700000000000);
    expect(Buffer.from(s.payload)).toEqual(payload);
  });

  it('every flipped byte is caught as damage, never as another version', () => {
    const good = file();
    for (let at = 0; at < good.length; at += at < 64 ? 1 : 37) {
      const b = Buffer.from(good);
      b[at]! ^= 0x01;
      let err: unknown;
      try {
        decodeSnapshot(b, 'snap');
      } catch (e) {
        err = e;
      }
      expect(err, `byte ${at}`).toBeInstanceOf(SnapshotError);
      expect((err as SnapshotError).kind).toBe('damaged');
    }
  });

  it('a truncated snapshot is damaged; another version is incompatible', () => {
    expect(() => decodeSnapshot(file().subarray(0, 100), 'snap')).toThrow(/damaged/);
    const b = file();
    b.writeUInt32LE(2, 8);
    b.writeUInt32LE(crc32(b.subarray(0, 60)), 60);
    try {
      decodeSnapshot(b, 'snap');
      expect.unreachable();
    } catch (e) {
      expect((e as SnapshotError).kind).toBe('incompatible');
      expect((e as Error).message).toMatch(/version 2.*reads version 1/);
    }
  });

  it('reading a file checksums it chunk by chunk; regions 1–2 are read, region 3 stays in the file; a flipped byte anywhere is damage', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'fahras-snapread-'));
    try {
      const big = Buffer.alloc(20 << 20);
      for (let i = 0; i < big.length; i += 4) big.writeUInt32LE((i * 2654435761) >>> 0, i);
      const f = path.join(dir, 'snap');
      const regions = { keptFrom: 4 << 20, diskFrom: (12 << 20) + 8 };
      writeFileSync(f, Buffer.concat([encodeSnapshotHeader(5, big, 0, regions), big]));
      const r = await readSnapshotFile(f);
      expect(r.gen).toBe(5);
      expect(r.regions.map((b) => b.byteOffset % 8)).toEqual([0, 0]);
      expect(Buffer.concat(r.regions).equals(big.subarray(0, regions.diskFrom))).toBe(true);
      expect(r.disk).toMatchObject({ position: 64 + regions.diskFrom, length: big.length - regions.diskFrom });
      const tail = Buffer.alloc(r.disk!.length);
      readSync(r.disk!.fd, tail, 0, tail.length, r.disk!.position);
      closeSync(r.disk!.fd);
      expect(tail.equals(big.subarray(regions.diskFrom))).toBe(true);
      // Not split (zeros in the header): all of it in region 2, nothing left open.
      writeFileSync(f, Buffer.concat([encodeSnapshotHeader(5, big), big]));
      const whole = await readSnapshotFile(f);
      expect(whole.regions[0].length).toBe(0);
      expect(whole.regions[1].equals(big)).toBe(true);
      expect(whole.disk).toBeUndefined();
      for (const at of [1 << 20, 17 << 20]) {
        const header = encodeSnapshotHeader(5, big, 0, regions);
        const damaged = Buffer.from(big);
        damaged[at]! ^= 0x10;
        writeFileSync(f, Buffer.concat([header, damaged]));
        await expect(readSnapshotFile(f)).rejects.toThrow(/payload checksum mismatch/);
      }
      writeFileSync(f, Buffer.concat([encodeSnapshotHeader(5, big, 0, regions), big.subarray(0, 100)]));
      await expect(readSnapshotFile(f)).rejects.toThrow(/damaged: header says/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
