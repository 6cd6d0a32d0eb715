/**
 * The append-only log (wal-<gen>.log) byte format.
 *
 *   file header (16 bytes): "FAHRASWL" | format version u32 LE | generation u32 LE
 *   record:  marker FA 46 52 01 | payload length u32 LE | CRC-32 u32 LE | type u8 | payload
 *
 * The CRC covers the length field, the type byte and the payload, so a damaged length is caught.
 * The marker starts with 0xFA, a byte that never occurs in UTF-8 (RFC 3629 forbids F5..FF), so it
 * cannot appear inside a JSON payload: after a damaged record the reader re-synchronises on the
 * next marker whose record checks out, and only the damaged bytes are lost.
 * Payloads are UTF-8 JSON: type 1 = put (the article as stored), type 2 = delete ({"id"}).
 */
import type { Article } from '../types.ts';
import { crc32 } from './crc32.ts';

export const LOG_MAGIC = Buffer.from('FAHRASWL', 'latin1');
export const LOG_FORMAT_VERSION = 1;
export const LOG_HEADER_SIZE = 16;
export const RECORD_MARKER = Buffer.from([0xfa, 0x46, 0x52, 0x01]);
/** marker + length + crc + type */
export const RECORD_OVERHEAD = 13;
/** A length above this is damage, not data (an article is far smaller). */
export const MAX_PAYLOAD = 256 * 1024 * 1024;

const TYPE_PUT = 1;
const TYPE_DELETE = 2;

export type LogOp = { kind: 'put'; article: Article } | { kind: 'delete'; id: string };

export function encodeLogHeader(gen: number): Buffer {
  const b = Buffer.alloc(LOG_HEADER_SIZE);
  LOG_MAGIC.copy(b, 0);
  b.writeUInt32LE(LOG_FORMAT_VERSION, 8);
  b.writeUInt32LE(gen, 12);
  return b;
}

export function encodeRecord(op: LogOp): Buffer {
  const json = op.kind === 'put' ? JSON.stringify(op.article) : JSON.stringify({ id: op.id });
  const payloadLen = Buffer.byteLength(json, 'utf8');
  const b = Buffer.allocUnsafe(RECORD_OVERHEAD + payloadLen);
  RECORD_MARKER.copy(b, 0);
  b.writeUInt32LE(payloadLen, 4);
  b[12] = op.kind === 'put' ? TYPE_PUT : TYPE_DELETE;
  b.write(json, 13, 'utf8');
  b.writeUInt32LE(recordCrc(b, 0, payloadLen), 8);
  return b;
}

function recordCrc(buf: Uint8Array, at: number, payloadLen: number): number {
  const c = crc32(buf.subarray(at + 4, at + 8));
  return crc32(buf.subarray(at + 12, at + RECORD_OVERHEAD + payloadLen), c);
}

/** The record starting at `at` if it is complete, intact and well-formed; else undefined. */
function readRecord(buf: Buffer, at: number): { op: LogOp; end: number } | undefined {
  if (at + RECORD_OVERHEAD > buf.length) return undefined;
  if (buf.compare(RECORD_MARKER, 0, 4, at, at + 4) !== 0) return undefined;
  const len = buf.readUInt32LE(at + 4);
  if (len > MAX_PAYLOAD || at + RECORD_OVERHEAD + len > buf.length) return undefined;
  if (buf.readUInt32LE(at + 8) !== recordCrc(buf, at, len)) return undefined;
  const type = buf[at + 12];
  let value: unknown;
  try {
    value = JSON.parse(buf.toString('utf8', at + RECORD_OVERHEAD, at + RECORD_OVERHEAD + len));
  } catch {
    return undefined;
  }
  const end = at + RECORD_OVERHEAD + len;
  if (!value || typeof value !== 'object') return undefined;
  const id = (value as { id?: unknown }).id;
  if (typeof id !== 'string') return undefined;
  if (type === TYPE_PUT) return { op: { kind: 'put', article: value as Article }, end };
  if (type === TYPE_DELETE) return { op: { kind: 'delete', id }, end };
  return undefined;
}

export interface DecodedLog {
  /** Generation from the header (undefined when the header is damaged). */
  gen?: number;
  ops: LogOp[];
  /** Offset just past the last good record: where appending resumes. */
  validEnd: number;
  /** Damaged bytes dropped at the end of the file (a write cut short), if any. */
  tornTail?: { from: number; bytes: number };
  /** Damaged stretches in the middle that were skipped. */
  damaged: { from: number; to: number }[];
}

/** Thrown for a log written in a format version this build cannot read. */
export class LogVersionError extends Error {}

/**
 * Reads every intact record of a log file. A damaged header is reported (gen undefined) and the
 * records after it are still read; a torn tail and damaged stretches are reported, not thrown.
 */
export function decodeLog(buf: Buffer, file: string): DecodedLog {
  const out: DecodedLog = { ops: [], validEnd: LOG_HEADER_SIZE, damaged: [] };
  if (buf.length >= LOG_HEADER_SIZE && buf.compare(LOG_MAGIC, 0, 8, 0, 8) === 0) {
    const version = buf.readUInt32LE(8);
    if (version !== LOG_FORMAT_VERSION) {
      throw new LogVersionError(
        `${file} has log format version ${version}; this build of Fahras reads version ${LOG_FORMAT_VERSION}`,
      );
    }
    out.gen = buf.readUInt32LE(12);
  }
  let pos = LOG_HEADER_SIZE;
  while (pos < buf.length) {
    const r = readRecord(buf, pos);
    if (r) {
      out.ops.push(r.op);
      pos = out.validEnd = r.end;
      continue;
    }
    const next = nextGoodRecord(buf, pos + 1);
    if (next < 0) {
      out.tornTail = { from: pos, bytes: buf.length - pos };
      break;
    }
    out.damaged.push({ from: pos, to: next });
    pos = next;
  }
  return out;
}

function nextGoodRecord(buf: Buffer, from: number): number {
  for (let at = buf.indexOf(RECORD_MARKER, from); at >= 0; at = buf.indexOf(RECORD_MARKER, at + 1)) {
    if (readRecord(buf, at)) return at;
  }
  return -1;
}
