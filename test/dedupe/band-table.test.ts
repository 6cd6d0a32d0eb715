import { describe, expect, it } from 'vitest';
import { BandTable } from '../../src/dedupe/band-table.ts';

describe('BandTable', () => {
  it('push returns the previous head; heads survive growth, cells() and restore()', () => {
    const t = new BandTable();
    const keys = Array.from({ length: 5000 }, (_, i) => (Math.imul(i + 1, 0x9e3779b1) >>> 0) | (i % 3 === 0 ? 0x80000000 : 0));
    keys.push(0); // forced non-zero, as key 1 would be
    keys.forEach((k, slot) => expect(t.push(k, slot)).toBe(-1));
    keys.forEach((k, slot) => expect(t.push(k, slot + 10_000)).toBe(slot));
    expect(t.head(12345)).toBe(-1);
    const { keys: cellKeys, heads } = t.cells();
    expect(cellKeys.length).toBe(heads.length);
    expect(cellKeys.length & (cellKeys.length - 1)).toBe(0);
    const r = BandTable.restore(cellKeys, heads, 20_000);
    keys.forEach((k, slot) => expect(r.head(k)).toBe(slot + 10_000));
    expect(r.cells()).toEqual({ keys: cellKeys, heads });
    expect(r.bytes).toBe(t.bytes);
    expect(() => BandTable.restore(cellKeys, heads, 100)).toThrow(/out of range/);
  });
});
