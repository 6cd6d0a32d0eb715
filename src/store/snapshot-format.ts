/**
 * The snapshot (snapshot-<gen>.fhx) byte format: a 64-byte header, then the engine's bytes.
 *
 *   0  "FAHRASSN"            8  format version u32 LE   12 generation u32 LE
 *   16 payload length u64 LE 24 payload CRC-32 u32 LE   28 written at (ms since epoch) f64 LE
 *   36 keptFrom u64 LE       44 diskFrom u64 LE         52 reserved (zeros)
 *   60 CRC-32 of bytes 0..59 u32 LE
 *
 * keptFrom/diskFrom split the payload into three regions (0/0: not split, all in region 2):
 * region 1 is read for the loader and dropped after, region 2 is kept in memory, region 3 stays
 * in the file, read on demand through the descriptor handed to the loader (engine format 4:
 * article text; see src/search/serialize.ts). All regions are checksummed at every load.
 *
 * snapshot-<gen> holds everything in the logs before wal-<gen>. The header has its own checksum so
 * a flipped header byte reads as damage, never as a (false) "incompatible version".
 */
import { closeSync, fstat, open, read } from 'node:fs';
import { promisify } from 'node:util';
import { crc32 } from './crc32.ts';

export const SNAPSHOT_MAGIC = Buffer.from('FAHRASSN', 'latin1');
export const SNAPSHOT_FORMAT_VERSION = 1;
export const SNAPSHOT_HEADER_SIZE = 64;

/** Where regions 2 and 3 of a payload start (payload offsets). */
export interface PayloadRegions {
  keptFrom: number;
  diskFrom: number;
}

export function encodeSnapshotHeader(gen: number, payload: Uint8Array, writtenAt = Date.now(), regions?: PayloadRegions): Buffer {
  const h = Buffer.alloc(SNAPSHOT_HEADER_SIZE);
  SNAPSHOT_MAGIC.copy(h, 0);
  h.writeUInt32LE(SNAPSHOT_FORMAT_VERSION, 8);
  h.writeUInt32LE(gen, 12);
  h.writeBigUInt64LE(BigInt(payload.length), 16);
  h.writeUInt32LE(crc32(payload), 24);
  h.writeDoubleLE(writtenAt, 28);
  if (regions) {
    h.writeBigUInt64LE(BigInt(regions.keptFrom), 36);
    h.writeBigUInt64LE(BigInt(regions.diskFrom), 44);
  }
  h.writeUInt32LE(crc32(h.subarray(0, 60)), 60);
  return h;
}

/** Why a snapshot file cannot be used. */
export class SnapshotError extends Error {
  constructor(
    message: string,
    /** 'damaged': checksum/length/magic wrong (fall back); 'incompatible': another format version. */
    readonly kind: 'damaged' | 'incompatible',
  ) {
    super(message);
  }
}

export interface DecodedSnapshot {
  gen: number;
  writtenAt: number;
  payload: Uint8Array;
}

interface SnapshotHeader extends PayloadRegions {
  gen: number;
  writtenAt: number;
  length: number;
  crc: number;
}

/** The header's fields; throws SnapshotError unless it is a sound header for a file of `fileSize` bytes. */
function checkHeader(buf: Buffer, file: string, fileSize: number): SnapshotHeader {
  if (buf.length < SNAPSHOT_HEADER_SIZE || buf.compare(SNAPSHOT_MAGIC, 0, 8, 0, 8) !== 0) {
    throw new SnapshotError(`${file} is damaged: it does not start with a Fahras snapshot header`, 'damaged');
  }
  if (buf.readUInt32LE(60) !== crc32(buf.subarray(0, 60))) {
    throw new SnapshotError(`${file} is damaged: header checksum mismatch`, 'damaged');
  }
  const version = buf.readUInt32LE(8);
  if (version !== SNAPSHOT_FORMAT_VERSION) {
    throw new SnapshotError(
      `${file} has snapshot format version ${version}; this build of Fahras reads version ${SNAPSHOT_FORMAT_VERSION}`,
      'incompatible',
    );
  }
  const length = Number(buf.readBigUInt64LE(16));
  if (SNAPSHOT_HEADER_SIZE + length !== fileSize) {
    throw new SnapshotError(
      `${file} is damaged: header says ${length} payload bytes, file has ${fileSize - SNAPSHOT_HEADER_SIZE}`,
      'damaged',
    );
  }
  let keptFrom = Number(buf.readBigUInt64LE(36));
  let diskFrom = Number(buf.readBigUInt64LE(44));
  if (keptFrom === 0 && diskFrom === 0) diskFrom = length;
  if (!(keptFrom % 8 === 0 && keptFrom <= diskFrom && diskFrom <= length)) {
    throw new SnapshotError(`${file} is damaged: its header's region offsets (${keptFrom}, ${diskFrom}) do not fit the payload`, 'damaged');
  }
  return { gen: buf.readUInt32LE(12), writtenAt: buf.readDoubleLE(28), length, crc: buf.readUInt32LE(24), keptFrom, diskFrom };
}

/** Chunks of a snapshot read: the payload CRC of one chunk runs while the next is being read. */
const READ_CHUNK = 8 << 20;

const openP = promisify(open);
const fstatP = promisify(fstat);
const readP = (fd: number, buf: Uint8Array, at: number, len: number, pos: number) =>
  new Promise<number>((resolve, reject) => read(fd, buf, at, len, pos, (err, n) => (err ? reject(err) : resolve(n))));

export interface ReadSnapshot {
  gen: number;
  writtenAt: number;
  /** Regions 1 and 2 of the payload, each its own ArrayBuffer (so typed arrays can view them aligned). */
  regions: [Buffer, Buffer];
  /** Region 3, left in the file: the caller owns `fd` (undefined when region 3 is empty). */
  disk?: { fd: number; position: number; length: number };
  /** Wall time of the whole read (checksum included: they overlap). */
  readMs: number;
  /** Time spent computing the checksum, inside readMs. */
  checkMs: number;
}

/**
 * Reads and checks a snapshot file: the header, then the whole payload checksummed chunk by chunk
 * (the read of chunk k+1, a thread-pool pread, overlaps the CRC of chunk k). Regions 1 and 2 are
 * kept in buffers; region 3 passes through two scratch buffers and stays in the file, whose
 * descriptor is returned open. Throws SnapshotError (descriptor closed) when the file is damaged
 * or of another version.
 */
export async function readSnapshotFile(file: string): Promise<ReadSnapshot> {
  const t0 = performance.now();
  const fd = await openP(file, 'r');
  let keepOpen = false;
  let checkMs = 0;
  try {
    const size = (await fstatP(fd)).size;
    const head = Buffer.alloc(Math.min(size, SNAPSHOT_HEADER_SIZE));
    if (head.length && (await readP(fd, head, 0, head.length, 0)) !== head.length) throw shrank(file);
    const h = checkHeader(head, file, size);
    const regions: [Buffer, Buffer] = [Buffer.allocUnsafeSlow(h.keptFrom), Buffer.allocUnsafeSlow(h.diskFrom - h.keptFrom)];
    const tail = h.length - h.diskFrom;
    const scratch = tail > 0 ? [Buffer.allocUnsafeSlow(Math.min(READ_CHUNK, tail)), Buffer.allocUnsafeSlow(Math.min(READ_CHUNK, tail))] : [];
    // The reads, in file order: [destination, offset in it, length, payload offset].
    const jobs: [Buffer, number, number, number][] = [];
    let at = 0;
    for (const [dest, len] of [[regions[0], h.keptFrom], [regions[1], h.diskFrom - h.keptFrom]] as const) {
      for (let o = 0; o < len; o += READ_CHUNK) jobs.push([dest, o, Math.min(READ_CHUNK, len - o), at + o]);
      at += len;
    }
    for (let o = 0, k = 0; o < tail; o += READ_CHUNK, k++) jobs.push([scratch[k % 2]!, 0, Math.min(READ_CHUNK, tail - o), at + o]);
    const readJob = ([dest, off, len, pos]: (typeof jobs)[number]) => readP(fd, dest, off, len, SNAPSHOT_HEADER_SIZE + pos);
    let crc = 0;
    let pending = jobs.length ? readJob(jobs[0]!) : undefined;
    for (let j = 0; j < jobs.length; j++) {
      const n = await pending!;
      const [dest, off, len] = jobs[j]!;
      if (n !== len) throw shrank(file); // short read: the file shrank meanwhile
      pending = j + 1 < jobs.length ? readJob(jobs[j + 1]!) : undefined;
      const t = performance.now();
      crc = crc32(dest.subarray(off, off + len), crc);
      checkMs += performance.now() - t;
    }
    if (crc !== h.crc) throw new SnapshotError(`${file} is damaged: payload checksum mismatch`, 'damaged');
    keepOpen = tail > 0;
    return {
      gen: h.gen,
      writtenAt: h.writtenAt,
      regions,
      disk: keepOpen ? { fd, position: SNAPSHOT_HEADER_SIZE + h.diskFrom, length: tail } : undefined,
      readMs: performance.now() - t0,
      checkMs,
    };
  } finally {
    if (!keepOpen) closeSync(fd);
  }
}

function shrank(file: string): SnapshotError {
  return new SnapshotError(`${file} is damaged: it is shorter than its header says (truncated while being read?)`, 'damaged');
}

/**
 * Checks the header and payload checksum of a whole snapshot file read into `buf`; `payloadCrc`
 * when the caller computed it while reading.
 */
export function decodeSnapshot(buf: Buffer, file: string, payloadCrc?: number): DecodedSnapshot {
  const h = checkHeader(buf.subarray(0, SNAPSHOT_HEADER_SIZE), file, buf.length);
  const payload = buf.subarray(SNAPSHOT_HEADER_SIZE);
  if (h.crc !== (payloadCrc ?? crc32(payload))) {
    throw new SnapshotError(`${file} is damaged: payload checksum mismatch`, 'damaged');
  }
  return { gen: h.gen, writtenAt: h.writtenAt, payload };
}
