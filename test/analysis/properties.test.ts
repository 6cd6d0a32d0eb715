import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyze, createAnalyzer } from '../../src/analysis/analyzer.ts';
import { normalize } from '../../src/analysis/normalize.ts';
import { forEachSpan } from '../../src/analysis/tokenize.ts';
import { hashRegion } from '../../src/analysis/hash.ts';

/** Strings biased toward Arabic letters, marks, controls, punctuation, digits and surrogates. */
const PIECES = [
  'ا', 'أ', 'إ', 'آ', 'ٱ', 'ى', 'ي', 'ی', 'ة', 'ه', 'ۀ', 'ؤ', 'ئ', 'ء', 'ك', 'ک', 'ل', 'م', 'ن', 'و', 'ب',
  '\u064B', '\u064E', '\u0651', '\u0652', '\u0653', '\u0654', '\u0670', '\u0610', '\u06D6', '\u06ED',
  'ـ', '\u200C', '\u200D', '\u200E', '\u200F', '\u061C', '\u202B', '\u2067', '\uFEFF', '\u00AD', '\u200B',
  '،', '؛', '؟', '«', '»', '٪', '٫', '٬', '۔', '…', '.', ',', '-', '@', '://', 'www.', ' ', '\n',
  '٠', '٣', '۵', '1', '9', 'A', 'z', 'É', 'ß', 'İ', 'Σ', 'ﻻ', 'ﷲ', 'ﺏ', 'Ａ', '²', '①', '𝐀',
  '\uD800', '\uDC00', '😀', '\u0301', 'e',
];
const arabicish = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((a) => a.join(''));
const anyString = fc.oneof(arabicish, fc.string({ unit: 'binary', maxLength: 60 }), fc.string({ unit: 'grapheme', maxLength: 30 }));

describe('properties', () => {
  it('normalize is idempotent', () => {
    fc.assert(
      fc.property(anyString, (s) => {
        const once = normalize(s);
        expect(normalize(once)).toBe(once);
      }),
      { numRuns: 3000 },
    );
  });

  it('normalize is idempotent with every option combination', () => {
    const opts = fc.record({ foldTaMarbuta: fc.boolean(), foldAlefMadda: fc.boolean(), hamzaSeats: fc.constantFrom('letters' as const, 'hamza' as const, 'keep' as const) });
    fc.assert(
      fc.property(anyString, opts, (s, o) => {
        const once = normalize(s, o);
        expect(normalize(once, o)).toBe(once);
      }),
      { numRuns: 1000 },
    );
  });

  it('analyze never throws; tokens are non-empty and point at the original; positions count up', () => {
    fc.assert(
      fc.property(anyString, (s) => {
        const tokens = analyze(s);
        tokens.forEach((t, i) => {
          expect(t.text).toBe(s.slice(t.start, t.end));
          expect(t.text.length).toBeGreaterThan(0);
          expect(t.exact.length).toBeGreaterThan(0);
          expect(t.term.length).toBeGreaterThan(0);
          expect(t.position).toBe(i);
          if (i > 0) expect(t.start).toBeGreaterThanOrEqual(tokens[i - 1]!.end);
        });
      }),
      { numRuns: 3000 },
    );
  });

  it('the scan-time hash of every span equals hashRegion over it (the cache relies on it)', () => {
    fc.assert(
      fc.property(anyString, (s) => {
        forEachSpan(s, (start, end, hash) => {
          expect(hash).toBe(hashRegion(s, start, end));
        });
      }),
      { numRuns: 3000 },
    );
  });

  it('the cache never changes a result: a 2-entry cache and the default one agree', () => {
    const tiny = createAnalyzer({ cacheSize: 2 });
    fc.assert(
      fc.property(fc.array(arabicish, { minLength: 1, maxLength: 8 }), (parts) => {
        const s = parts.join(' ');
        expect(tiny.analyze(s)).toEqual(analyze(s));
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    ['only marks', '\u064E\u064F\u0650\u0651'.repeat(1000)],
    ['only punctuation', '،؛؟«»…!?.,;:'.repeat(1000)],
    ['only invisible controls', '\u200C\u200D\u200E\u200F\uFEFF'.repeat(1000)],
    ['lone surrogates', '\uD800\uDC00\uDBFF'.repeat(1000) + '\uD800'],
  ])('edge input: %s', (_name, s) => {
    expect(() => analyze(s)).not.toThrow();
    for (const t of analyze(s)) expect(t.exact).not.toBe('');
  });

  it('a 1 MB string is analyzed in one piece', () => {
    const unit = 'قالَ الوزيرُ، إنّ الحكومة ستدعم ١٬٢٠٠ مشروعٍ في عُمان. ';
    const s = unit.repeat(Math.ceil(1_000_000 / unit.length));
    const tokens = analyze(s);
    expect(tokens.length).toBe(Math.ceil(1_000_000 / unit.length) * 9);
    const last = tokens[tokens.length - 1]!;
    expect(s.slice(last.start, last.end)).toBe(last.text);
  });
});
