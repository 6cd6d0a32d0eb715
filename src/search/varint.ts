/** Unsigned LEB128 varints in growable byte buffers (positions are stored delta-coded this way). */
import { GrowableArray } from './growable.ts';

export function writeVarint(out: GrowableArray<Uint8Array>, v: number): void {
  while (v >= 0x80) {
    out.push((v & 0x7f) | 0x80);
    v >>>= 7;
  }
  out.push(v);
}

/** Reads a varint at `pos[0]` and advances it. */
export function readVarint(bytes: Uint8Array, pos: { i: number }): number {
  let v = 0;
  let shift = 0;
  let b: number;
  do {
    b = bytes[pos.i++]!;
    v |= (b & 0x7f) << shift;
    shift += 7;
  } while (b & 0x80);
  return v >>> 0;
}
