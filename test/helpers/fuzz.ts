/**
 * Fuzz targets shared by test/reliability/fuzz.test.ts (~2k cases each) and
 * test/stress/fuzz.test.ts (100k for the cheap targets). Each case must return a valid result or
 * throw one of our clear errors (QueryError / ValidationError), and must finish within
 * CASE_LIMIT_MS for inputs ≤ 10 KB, so catastrophic regex backtracking fails the run. A slow case
 * is re-timed twice before it counts (a GC pause or the shared machine — load average 10–20 while
 * this was written — can stall any one call); super-linear work is slow every time.
 */
import fc from 'fast-check';
import type { Engine } from '../../src/contracts.ts';
import { FahrasError, QueryError, ValidationError } from '../../src/errors.ts';

export const CASE_LIMIT_MS = 200;
export const MAX_INPUT_CHARS = 10_000;

/** Runs `fn(input)`; a case over the limit is re-timed twice more and fails only if all three are. */
export function timed<T>(what: string, input: string, fn: () => T): T {
  const times: number[] = [];
  for (;;) {
    const t0 = performance.now();
    const out = fn();
    const ms = performance.now() - t0;
    if (ms <= CASE_LIMIT_MS) return out;
    times.push(ms);
    if (times.length === 3) {
      throw new Error(`${what} took ${times.map((t) => t.toFixed(0)).join(', ')} ms (limit ${CASE_LIMIT_MS}) on ${input.length} chars: ${JSON.stringify(input.slice(0, 200))}…`);
    }
  }
}

/** Calls fn; returns its value, or the error when it is one of ours (`allowed`); rethrows anything else. */
export function clearErrorOr<T>(fn: () => T, allowed: (new (...a: any[]) => FahrasError)[]): T | FahrasError {
  try {
    return fn();
  } catch (err) {
    if (allowed.some((E) => err instanceof E)) {
      const e = err as FahrasError;
      if (!e.message || e.message.length < 5) throw new Error(`unclear ${e.name}: "${e.message}"`);
      return e;
    }
    throw err;
  }
}

// ------------------------------------------------------------------ generators

/** Pieces that matter to our parsers: Arabic letters and marks, query syntax, HTML, separators. */
const PIECES = [
  ' ', '  ', '\n', '\r\n', '\t', '\u00A0', '\u200C', '\u200D', '\u200F', '\u202B', '\uFEFF', '\u0640', '\u064B', '\u0651', '\u0670',
  'ال', 'و', 'ب', 'ك', 'ها', 'ات', 'ين', 'ة', 'ى', 'أ', 'إ', 'آ', 'ؤ', 'ئ', 'ء', 'ﻻ', 'ﷺ', '٣', '٢٠٢٣', '۱۴۰۲', '2023', '12', '31', '/', '-', '.', ':', '،', '؛', '؟',
  'مصر', 'القاهرة', 'الاقتصاد', 'عُمان', 'الكاتب', 'يناير', 'كانون الثاني', 'جمادى الآخرة', 'ربيع الأول', 'Dec', 'December',
  '(', ')', '"', '«', '»', '“', '”', '+', '-', '*', ' OR ', ' أو ', ' AND ', ' NOT ', '|', 'title:', 'author:', 'date:', '..', 'tag:', 'column:',
  '<', '>', '</', '<p>', '</p>', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<!--', '-->', '<![CDATA[', '&amp;', '&#x27;', '&', '"\'', '<h1>', '<title>',
  '<script type="application/ld+json">', '{"@type":"NewsArticle","headline":"', '"articleBody":"', '}', '{', '[', ']', ',', '\\', '\\u0000', 'null', 'true',
  'http://', 'https://example.org/a?b=1', 'user@example.org', '---', '===', '\f', 'إقرأ أيضاً:', 'اقرأ أيضا', 'بقلم:', 'الكاتب:', 'التاريخ:', 'المصدر:',
  '\uD800', '\uDC00', '\u0000', '\u0007', '\uFFFD', '\uFFFF', '😀', '🇸🇦', 'e\u0301',
];

/** A string of ≤ maxLength chars mixing syntax pieces, arbitrary Unicode and long repeats. */
export function textArb(maxPieces = 80): fc.Arbitrary<string> {
  const repeat = fc
    .tuple(fc.constantFrom('ا', 'ب', ' ', '(', '"', '-', '*', 'a', '<', 'ـ', '\u064B', '٣', 'اب', '.', '/', '\n'), fc.integer({ min: 100, max: 5_000 }))
    .map(([s, n]) => s.repeat(n));
  return fc
    .oneof(
      { weight: 6, arbitrary: fc.array(fc.constantFrom(...PIECES), { maxLength: maxPieces }).map((a) => a.join('')) },
      { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 200 }) },
      { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
      { weight: 1, arbitrary: repeat },
      { weight: 1, arbitrary: fc.tuple(repeat, fc.array(fc.constantFrom(...PIECES), { maxLength: 10 })).map(([r, p]) => r + p.join('') + r) },
    )
    .map((s) => s.slice(0, MAX_INPUT_CHARS));
}

/** JSON-ish values: objects with article field names (and aliases, dangerous keys) and odd values. */
export function recordArb(): fc.Arbitrary<unknown> {
  const key = fc.constantFrom('id', 'title', 'body', 'date', 'author', 'source', 'category', 'url', 'column', 'tags', 'headline', 'text', 'content',
    'published', 'link', 'writer', 'section', 'keywords', '__proto__', 'constructor', 'prototype', 'toString', '', 'Body', 'TITLE', 'عنوان');
  const value = fc.oneof(
    textArb(20),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(textArb(5), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom('name', '@type', 'x'), textArb(5), { maxKeys: 2 }),
    fc.date({ noInvalidDate: false }).map((d) => (Number.isNaN(d.getTime()) ? 'Invalid Date' : d.toISOString())),
  );
  return fc.oneof(
    { weight: 8, arbitrary: fc.dictionary(key, value, { maxKeys: 8 }) },
    { weight: 1, arbitrary: value },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
  );
}

// ------------------------------------------------------------------ checks

export function isCalendarDate(d: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
  if (!m) return false;
  const date = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  return date.getUTCFullYear() === +m[1]! && date.getUTCMonth() === +m[2]! - 1 && date.getUTCDate() === +m[3]!;
}

/** Searches through a real engine: a result or a QueryError/ValidationError, never anything else. */
export function searchOrClearError(engine: Engine, q: string): unknown {
  return clearErrorOr(() => engine.search({ q, size: 5, facets: ['author', 'year'] }), [QueryError, ValidationError]);
}

export { QueryError, ValidationError };
