/**
 * Inputs the fuzzers found (test/reliability/fuzz.test.ts), kept as plain table cases so the
 * owners see exactly what to fix. Each row: a reader/analyzer call on a hostile-but-legal input
 * must return a result or a clear error — never a TypeError — and must not take quadratic time.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyzer.ts';
import { dateFields } from '../../src/ingest/dates.ts';
import { parseHtmlArticle } from '../../src/ingest/html-page.ts';
import { readJsonl } from '../../src/ingest/json-readers.ts';
import { recordToArticle } from '../../src/ingest/record.ts';
import { rmDir, tempDir } from '../helpers/index-images.ts';
import { CASE_LIMIT_MS, timed } from '../helpers/fuzz.ts';

describe('ingest readers on JSON keys that name Object.prototype members', () => {
  // JSON.parse makes these own properties; a lookup in a plain {} map finds Object.prototype's.
  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'])('recordToArticle with a "%s" key keeps it as an extra field', (key) => {
    const raw = JSON.parse(`{"id":"x1","title":"عنوان","body":"نص المقال","${key}":{"a":1}}`);
    const r = recordToArticle(raw);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.article.body).toBe('نص المقال');
  });

  it('a JSONL line with a "constructor" key does not drop the rest of the file', async () => {
    const dir = tempDir('fahras-find-');
    try {
      const file = path.join(dir, 'a.jsonl');
      writeFileSync(file, ['{"id":"a1","title":"ت","body":"نص أول"}', '{"id":"a2","title":"ت","body":"نص ثان","constructor":{}}', '{"id":"a3","title":"ت","body":"نص ثالث"}'].join('\n'));
      const ids: string[] = [];
      for await (const ev of readJsonl(file, {})) if (ev.kind === 'article') ids.push(ev.article.id);
      expect(ids).toEqual(['a1', 'a2', 'a3']);
    } finally {
      rmDir(dir);
    }
  });
});

describe('dateFields on JSON values that have no string form', () => {
  it.each([
    ['{"toString":null}', {}],
    ['{"toString":1,"valueOf":2}', {}],
    ['{"a":[1,2]}', {}],
  ])('dateFields(%s) does not throw', (json) => {
    expect(() => dateFields(JSON.parse(json))).not.toThrow();
  });
});

describe('parseHtmlArticle on pages without an <html> element', () => {
  it.each(['', '   ', 'just text, no tags', 'نص بلا وسوم', '<!-- only a comment -->'])('%j → a skip problem, not a TypeError', (html) => {
    const r = parseHtmlArticle(html);
    if (!r.article) expect(r.problems.some((p) => p.severity === 'skip')).toBe(true);
  });
});

describe('tokenizer time on long letter runs when the text holds an email or URL', () => {
  // URL_OR_EMAIL in src/analysis/tokenize.ts: the email local part `[\p{L}\p{N}._%+-]*[\p{L}\p{N}]@`
  // is retried from every position of a letter run → O(n²). A 1 MB body (e.g. a base64 image
  // pasted into a scraped article) blocks the server for minutes.
  it.each([
    ['latin run + email', 'a'.repeat(20_000) + ' mail@example.org'],
    ['arabic run + url', 'ا'.repeat(5_000) + 'http://x'],
    ['base64-like run + url', 'QUJD'.repeat(5_000) + ' http://example.org/'],
  ])(`%s: analyze finishes within ${CASE_LIMIT_MS} ms`, (_name, text) => {
    expect(() => timed('analyze', text, () => analyze(text))).not.toThrow();
  });
});
