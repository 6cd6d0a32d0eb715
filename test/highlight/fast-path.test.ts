/**
 * The fast path of highlighting (word-scan.ts scans words and letter masks; letters.ts lets only
 * tokens whose letters can match be analyzed) must give exactly what tokenizing and analyzing
 * every token gives. These tests check its assumptions against the real tokenizer, normalizer and
 * analyzer, and compare both paths on random and real texts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyze } from '../../src/analysis/analyzer.ts';
import { normalize } from '../../src/analysis/normalize.ts';
import { exactRequirement, maskOf, NONEMPTY, SAFE_RANGES, termRequirement } from '../../src/highlight/letters.ts';
import { scanText } from '../../src/highlight/text-tokens.ts';
import { escapeHtml, escapeRange } from '../../src/highlight/escape.ts';
import { mayHoldLinks, scanWords } from '../../src/highlight/word-scan.ts';
import { forEachSpan } from '../../src/analysis/tokenize.ts';
import { highlightHtml, snippetFromTokens, snippetHtml } from '../../src/highlight/highlight.ts';
import { parseQuery } from '../../src/query/parse.ts';
import { matchSpecFromQuery } from '../../src/query/match-spec.ts';
import { hasCorpus, loadCorpus } from '../../bench/corpus.ts';

const sampleTexts: string[] = readFileSync(new URL('../../index-data/sample/articles.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter(Boolean)
  .flatMap((line) => {
    const a = JSON.parse(line) as { title?: string; body?: string };
    return [a.title ?? '', a.body ?? ''];
  });

const safeUnits: string[] = [];
for (const [from, to] of SAFE_RANGES) for (let c = from; c <= to; c++) safeUnits.push(String.fromCharCode(c));

/** What matching relies on, for every token of `text`. */
function checkTokens(text: string): void {
  const tokens = analyze(text);
  const tt = scanText(text);
  expect(tt.n).toBe(tokens.length);
  tokens.forEach((t, i) => {
    expect([tt.starts[i], tt.ends[i]]).toEqual([t.start, t.end]);
    const m = maskOf(text, t.start, t.end);
    if (m < 0) return; // unsafe: always analyzed
    expect(m & NONEMPTY).toBe(NONEMPTY);
    expect(m & exactRequirement(t.exact)).toBe(exactRequirement(t.exact));
    expect(m & termRequirement(t.term)).toBe(termRequirement(t.term));
  });
}

/** scanWords gives forEachSpan's spans, each with its letter mask. */
function checkScan(text: string): void {
  if (mayHoldLinks(text)) return;
  const want: number[] = [];
  forEachSpan(text, (s, e) => want.push(s, e, maskOf(text, s, e)));
  const got: number[] = [];
  scanWords(text, (s, e, m) => got.push(s, e, m));
  expect(got).toEqual(want);
}

describe('word scan', () => {
  it('gives the tokenizer\'s spans on random text (numbers, marks, controls, scripts, surrogates)', () => {
    const pieces = ['عُمان', 'ب', 'a', 'Z', '1', '٣', '۴', '.', ',', '\u066B', '\u066C', '3.5', '1,200', '1,20', '1,2345', '٣٫٥', '١٬٢٠٠', '12.', '1.a', 'a.1',
      '\u064B', 'ـ', '\u0670', '\u06E5', '\u200C', '\u200F', '\u0600', '\u00AD', 'ﻻ', 'É', 'e\u0301', '\uD83D\uDE00', '\uD835\uDC00', '\uD800', '\uDC00',
      ' ', '\u00A0', '\n', '«', '»', '،', '؟', '-', '/', ':', '…', 'x1', 'G20', 'mp3'];
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((a) => a.join('')),
          fc.string({ unit: 'binary', maxLength: 80 }),
          fc.string({ unit: fc.constantFrom(...'ب1a.,٫٬ \u064B\u200C\u00A0ـÉ'), maxLength: 30 }),
        ),
        checkScan,
      ),
      { numRuns: 3000 },
    );
  });

  it('gives the tokenizer\'s spans on the sample archive', () => {
    for (const t of sampleTexts) checkScan(t);
  });
});

describe('letter masks', () => {
  it('normalize() maps the safe code units one at a time (every pair)', () => {
    const single = safeUnits.map((u) => normalize(u));
    for (const s of single) expect(s.length).toBeLessThanOrEqual(1);
    for (let a = 0; a < safeUnits.length; a++) {
      for (let b = 0; b < safeUnits.length; b++) {
        const joined = normalize(safeUnits[a]! + safeUnits[b]!);
        if (joined !== single[a]! + single[b]!) expect([a, b, joined]).toEqual([a, b, single[a]! + single[b]!]);
      }
    }
  });

  it('hold the letters of every exact form and stemmed term (sample archive)', () => {
    for (const t of sampleTexts) checkTokens(t);
  });

  it('ta marbuta restored from ت: a term can hold a ه that the surface lacks', () => {
    // ال + اللت + كم: the ت before كم is read as ة, the protected الله stops the suffix loop.
    const [t] = analyze('الاللتكم');
    expect(t!.term).toBe('الله');
    expect(termRequirement('الله') & maskOf('الاللتكم', 0, 8)).toBe(termRequirement('الله'));
    expect(exactRequirement('الله') & maskOf('الاللتكم', 0, 8)).not.toBe(exactRequirement('الله'));
    checkTokens('حكومتها وحكومتهم بيتها سياراتها الحكومة الاللتكم وجهتنا');
    const spec = matchSpecFromQuery(parseQuery('الله'));
    expect(highlightHtml('قال الاللتكم', spec)).toBe('قال <mark>الاللتكم</mark>');
  });

  it('scan gives analyze()\'s tokens, dropping spans of deleted characters only (random text)', () => {
    const pieces = ['عُمان', 'ة', 'ت', 'ۥ', '\u06E5', '\u06E5\u06E6', 'ـ', '\u064B', '\u200C', 'ﻻ', 'و\u0654', '\u0654', 'ا\u0653', 'É', 'a', '١٢', '3.5', '1,200', 'x@y.zz', 'http://a.b/c', '\uD83D\uDE00', '\uD800', ' ', '،'];
    fc.assert(
      fc.property(fc.oneof(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map((a) => a.join('')), fc.string({ unit: 'binary', maxLength: 60 })), (text) => {
        checkTokens(text);
      }),
      { numRuns: 1500 },
    );
  });
});

describe('analyzing only possible matches gives the same HTML as analyzing every token', () => {
  const queries = ['عمان', '"سلطنة عمان"', 'الحكومة', 'حكومتها', 'حكو*', 'اقتص*', '"في عمان"', 'في', 'x', 'ab*', '3.5', '1200', 'ﻻ', 'É', '"x@y.zz"', 'ة', 'تا*', 'بيت'];
  const same = (text: string, q: string, fragments: number, words: number) => {
    const spec = matchSpecFromQuery(parseQuery(q));
    const opts = { fragments, words };
    expect(snippetHtml(text, spec, opts)).toBe(snippetFromTokens(text, analyze(text), spec, opts));
  };

  it('on random texts', () => {
    const pieces = ['عُمان', 'عمان', 'سلطنة', 'حكومتها', 'الحكومة', 'حكومة', 'بيتها', 'في', 'اقتصاد', 'x', 'AB', '3.5', '1,200', '١٢٠٠', 'ﻻ', 'É', 'x@y.zz', 'ة', 'ت', '\u06E5', 'ـ', '\u064B', ' ', '\n', '«', '»', '،'];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...pieces), { maxLength: 60 }).map((a) => a.join(' ')),
        fc.constantFrom(...queries),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 30 }),
        same,
      ),
      { numRuns: 1500 },
    );
  });

  it('on the sample archive', () => {
    for (const text of sampleTexts) for (const q of queries.slice(0, 8)) same(text, q, 2, 24);
  });

  it('the title is marked the same way', () => {
    const spec = matchSpecFromQuery(parseQuery('عمان حكومتها اقتص*'));
    expect(highlightHtml('حكومتها في عُمان والاقتصاد', spec)).toBe('<mark>حكومتها</mark> في <mark>عُمان والاقتصاد</mark>');
  });
});

const shared = hasCorpus();
if (!shared) console.warn('test/highlight/letters.test.ts: corpus part SKIPPED (../shared/corpus not found beside the checkout)');

describe.skipIf(!shared)('letter masks on real articles (../shared/corpus)', () => {
  it('hold the letters of every token of 300 articles', () => {
    for (const a of loadCorpus(3000).filter((_, i) => i % 10 === 0)) {
      checkTokens(a.title + '\n' + a.body);
      checkScan(a.body);
    }
  });
});

describe('escapeRange', () => {
  it('is escapeHtml of the slice, white space runs folded when asked (random text)', () => {
    const unit = fc.constantFrom(...'a ب\t\n\r\u00A0\u2003\u2028\u3000\uFEFF\u200B&<>"\'x');
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit, maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 30 })), fc.nat(), fc.nat(), (text, x, y) => {
        const from = x % (text.length + 1);
        const to = from + (y % (text.length - from + 1));
        const slice = text.slice(from, to);
        expect(escapeRange(text, from, to, false)).toBe(escapeHtml(slice));
        expect(escapeRange(text, from, to, true)).toBe(escapeHtml(slice.replace(/\s+/g, ' ')));
      }),
      { numRuns: 3000 },
    );
  });
});
