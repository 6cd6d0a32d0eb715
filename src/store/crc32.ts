/**
 * CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320), the checksum of every log record.
 * Uses node:zlib's native crc32 when the running Node has it (20.15+, 22.2+), else a
 * slicing-by-4 table version written here; both give identical values (tested).
 */
import * as zlib from 'node:zlib';

const TABLES: Uint32Array[] = (() => {
  const t0 = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t0[n] = c >>> 0;
  }
  const out = [t0];
  for (let s = 1; s < 4; s++) {
    const prev = out[s - 1]!;
    const t = new Uint32Array(256);
    for (let n = 0; n < 256; n++) t[n] = (t0[prev[n]! & 0xff]! ^ (prev[n]! >>> 8)) >>> 0;
    out.push(t);
  }
  return out;
})();

/** CRC-32 computed in JavaScript (slicing-by-4). `crc` continues a previous value. */
export function crc32Table(data: Uint8Array, crc = 0): number {
  const [t0, t1, t2, t3] = TABLES as [Uint32Array, Uint32Array, Uint32Array, Uint32Array];
  let c = ~crc >>> 0;
  let i = 0;
  const n = data.length;
  for (; i + 4 <= n; i += 4) {
    c ^= data[i]! | (data[i + 1]! << 8) | (data[i + 2]! << 16) | (data[i + 3]! << 24);
    c = t3[c & 0xff]! ^ t2[(c >>> 8) & 0xff]! ^ t1[(c >>> 16) & 0xff]! ^ t0[c >>> 24]!;
  }
  for (; i < n; i++) c = t0[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

const native = (zlib as unknown as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;

/** CRC-32 of `data`, continuing `crc` (0 to start). */
export const crc32: (data: Uint8Array, crc?: number) => number = native
  ? (data, crc = 0) => native(data, crc) >>> 0
  : crc32Table;
