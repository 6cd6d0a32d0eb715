import { describe, expect, it } from 'vitest';
import { SurfaceCache } from '../../src/analysis/surface-cache.ts';

/** Words sharing a set and a tag (one hash for all) must still be told apart by their code units. */
describe('SurfaceCache: words with one hash', () => {
  const HASH = 0x5bd1e995 | 0;
  // Pairs of one length that differ only past the line's 8 units, or past unit 12 (compared by string).
  const words = ['abcdefghij', 'abcdefghik', 'abcdefghijkl', 'abcdefghijkm', 'abcdefghijklmnop', 'abcdefghijklmnoq', 'abcdefgh', 'abcdefgi'];
  const text = words.join(' ');
  const at = words.map((w) => text.indexOf(w));
  const units = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);

  it('lookup and lookupUnits give each word its own entry, computed once while it stays', () => {
    let computed = 0;
    const cache = new SurfaceCache(16, (s) => {
      computed++;
      return { exact: s.toUpperCase(), term: s, stop: false };
    });
    // Four ways per set: take the words four at a time so each group stays cached.
    for (let g = 0; g < words.length; g += 4) {
      const group = [g, g + 1, g + 2, g + 3];
      const before = computed;
      for (let round = 0; round < 3; round++) {
        for (const i of group) {
          const e = round % 2 === 0 ? cache.lookup(text, at[i]!, at[i]! + words[i]!.length, HASH) : cache.lookupUnits(text, units, at[i]!, at[i]! + words[i]!.length, HASH);
          expect(cache.strings[3 * e]).toBe(words[i]);
          expect(cache.strings[3 * e + 1]).toBe(words[i]!.toUpperCase());
        }
      }
      expect(computed - before).toBe(4);
    }
  });
});
