import { describe, expect, it } from 'vitest';
import { Vocabulary } from '../../src/analysis/vocabulary.ts';

describe('Vocabulary', () => {
  it('gives each word one dense id, short and long words alike, through growth and epochs', () => {
    // Prefixes of one another (a short word compared in the probe table must not match a longer
    // one), one- to nine-unit words, Latin and digits.
    const base = ['ا', 'اب', 'ابج', 'ابجد', 'ابجده', 'ابجدهوز', 'ابجدهوزحط', 'a', 'ab', 'abcd', 'abcde', '1', '12', '1234', '12345'];
    const words = [...base, ...Array.from({ length: 6000 }, (_, i) => `ك${i}`), ...Array.from({ length: 3000 }, (_, i) => `w${i}x${i}`)];
    const v = new Vocabulary(1 << 16);
    words.forEach((w, i) => expect(v.intern(w)).toBe(i));
    words.forEach((w, i) => expect(v.intern(w)).toBe(i));
    expect(v.size).toBe(words.length);
    words.forEach((w, i) => {
      const from = v.charStart[i]!;
      expect(String.fromCharCode(...v.chars.subarray(from, v.charStart[i + 1]!))).toBe(w);
      expect(v.words[i]).toBe(w);
    });
    v.clear();
    const again = [...words].reverse();
    again.forEach((w, i) => expect(v.intern(w)).toBe(i));
    v.clear(true);
    expect(v.intern('ابجد')).toBe(0);
    expect(v.intern('ابج')).toBe(1);
    expect(v.intern('ابجد')).toBe(0);
  });
});
