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

/** Checks the header and payload checksum of a whole snapshot file read into `buf`. */
export function decodeSnapshot(buf: Buffer, file: string): DecodedSnapshot {
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
  if (buf.readUInt32LE(24) !== crc32(payload)) {
    throw new SnapshotError(`${file} is damaged: payload checksum mismatch`, 'damaged');
  }
  return { gen: buf.readUInt32LE(12), writtenAt: buf.readDoubleLE(28), payload };
}
