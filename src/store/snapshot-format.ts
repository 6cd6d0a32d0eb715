/**
 * The snapshot (snapshot-<gen>.fhx) byte format: a 64-byte header, then the engine's bytes.
 *
 *   0  "FAHRASSN"            8  format version u32 LE   12 generation u32 LE
 *   16 payload length u64 LE 24 payload CRC-32 u32 LE   28 written at (ms since epoch) f64 LE
 *   36 reserved (zeros)      60 CRC-32 of bytes 0..59 u32 LE
 *
 * snapshot-<gen> holds everything in the logs before wal-<gen>. The header has its own checksum so
 * a flipped header byte reads as damage, never as a (false) "incompatible version".
 */
import { open } from 'node:fs/promises';
import { crc32 } from './crc32.ts';

export const SNAPSHOT_MAGIC = Buffer.from('FAHRASSN', 'latin1');
export const SNAPSHOT_FORMAT_VERSION = 1;
export const SNAPSHOT_HEADER_SIZE = 64;

export function encodeSnapshotHeader(gen: number, payload: Uint8Array, writtenAt = Date.now()): Buffer {
  const h = Buffer.alloc(SNAPSHOT_HEADER_SIZE);
  SNAPSHOT_MAGIC.copy(h, 0);
  h.writeUInt32LE(SNAPSHOT_FORMAT_VERSION, 8);
  h.writeUInt32LE(gen, 12);
  h.writeBigUInt64LE(BigInt(payload.length), 16);
  h.writeUInt32LE(crc32(payload), 24);
  h.writeDoubleLE(writtenAt, 28);
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

/** Chunks of a snapshot read: the payload CRC of one chunk runs while the next is being read. */
const READ_CHUNK = 8 << 20;

export interface ReadSnapshot {
  buf: Buffer;
  /** CRC-32 of buf[SNAPSHOT_HEADER_SIZE..] (0 when the file is shorter than a header). */
  payloadCrc: number;
  /** Wall time of the whole read (checksum included: they overlap). */
  readMs: number;
  /** Time spent computing the checksum, inside readMs. */
  checkMs: number;
}

/**
 * Reads a snapshot file into one buffer (its own ArrayBuffer, so the engine's typed arrays can view
 * it aligned) and checksums the payload on the way: the read of chunk k+1 (a thread-pool pread)
 * overlaps the CRC of chunk k, so the checksum costs little wall time on a machine with two cores.
 */
export async function readSnapshotFile(file: string): Promise<ReadSnapshot> {
  const t0 = performance.now();
  const fh = await open(file, 'r');
  let checkMs = 0;
  try {
    const size = (await fh.stat()).size;
    let buf = Buffer.allocUnsafeSlow(size);
    let crc = 0;
    let got = 0;
    const readAt = (at: number) => fh.read(buf, at, Math.min(READ_CHUNK, size - at), at);
    let pending = size > 0 ? readAt(0) : undefined;
    while (pending) {
      const { bytesRead } = await pending;
      if (bytesRead === 0) {
        buf = buf.subarray(0, got); // the file shrank meanwhile: decodeSnapshot reports it as damaged
        break;
      }
      const from = got;
      got += bytesRead;
      pending = got < size ? readAt(got) : undefined;
      const start = Math.max(from, SNAPSHOT_HEADER_SIZE);
      if (got > start) {
        const t = performance.now();
        crc = crc32(buf.subarray(start, got), crc);
        checkMs += performance.now() - t;
      }
    }
    return { buf, payloadCrc: crc, readMs: performance.now() - t0, checkMs };
  } finally {
    await fh.close();
  }
}

/**
 * Checks the header and payload checksum of a whole snapshot file read into `buf`; `payloadCrc`
 * when the caller computed it while reading (readSnapshotFile).
 */
export function decodeSnapshot(buf: Buffer, file: string, payloadCrc?: number): DecodedSnapshot {
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
  if (SNAPSHOT_HEADER_SIZE + length !== buf.length) {
    throw new SnapshotError(
      `${file} is damaged: header says ${length} payload bytes, file has ${buf.length - SNAPSHOT_HEADER_SIZE}`,
      'damaged',
    );
  }
  const payload = buf.subarray(SNAPSHOT_HEADER_SIZE);
  if (buf.readUInt32LE(24) !== (payloadCrc ?? crc32(payload))) {
    throw new SnapshotError(`${file} is damaged: payload checksum mismatch`, 'damaged');
  }
  return { gen: buf.readUInt32LE(12), writtenAt: buf.readDoubleLE(28), payload };
}
