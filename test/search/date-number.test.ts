import { describe, expect, it } from 'vitest';
import { dateNumber } from '../../src/search/doc-table.ts';

/** The rule as it was written first (a regex), to compare the code-unit reader with. */
function byRegex(date: string | undefined): number {
  if (!date) return 0;
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(date);
  if (!m) return 0;
  return Number(m[1]) * 10000 + Number(m[2] ?? 0) * 100 + Number(m[3] ?? 0);
}

describe('dateNumber', () => {
  it('reads YYYY, YYYY-MM and YYYY-MM-DD prefixes; anything else is 0', () => {
    expect(dateNumber('2023-12-05')).toBe(20231205);
    expect(dateNumber('2023-12-05T10:00:00Z')).toBe(20231205);
    expect(dateNumber('2023-12')).toBe(20231200);
    expect(dateNumber('2023')).toBe(20230000);
    expect(dateNumber('2023-1-05')).toBe(20230000);
    expect(dateNumber('2023-12-5')).toBe(20231200);
    expect(dateNumber('٢٠٢٣-١٢-٠٥')).toBe(0);
    expect(dateNumber('')).toBe(0);
    expect(dateNumber(undefined)).toBe(0);
  });

  it('agrees with the regex on random strings of digits, dashes and other characters', () => {
    const alphabet = '0123456789--T: ٣a';
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed % n);
    for (let i = 0; i < 20_000; i++) {
      let s = '';
      const len = rand(14);
      for (let j = 0; j < len; j++) s += alphabet[rand(alphabet.length)];
      // Mostly date-shaped: a 4-digit year first.
      if (rand(3) > 0) s = String(1000 + rand(9000)) + s;
      expect(dateNumber(s), s).toBe(byRegex(s));
    }
  });
});
