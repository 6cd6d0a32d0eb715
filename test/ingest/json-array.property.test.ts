/** Property: the streaming JSON-array splitter reads back exactly what JSON.stringify wrote. */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readJson } from '../../src/ingest/json-readers.ts';
import { parseDate } from '../../src/ingest/dates.ts';

const tricky = fc.oneof(
  fc.string(),
  fc.constantFrom('[', ']', '{', '}', ',', '"', '\\', '\\"', '\n', 'نص عربي ، «مقتبس»', '\u200c', '😀'),
);
const text = fc.array(tricky, { maxLength: 6 }).map((parts) => parts.join(''));
const article = fc.record({
  id: fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim() === s && s.length > 0),
  title: text,
  body: text.map((s) => `متن ${s}`),
  nested: fc.option(fc.jsonValue({ maxDepth: 3 }), { nil: undefined }),
});

describe('readJson', () => {
  it('returns every element of any array of articles, with any indentation', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'fahras-prop-'));
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(article, { maxLength: 8 }), fc.constantFrom(undefined, 0, 2, '\t'), async (arts, indent) => {
        const file = path.join(dir, `a${n++}.json`);
        await writeFile(file, JSON.stringify(arts, null, indent as number | string | undefined));
        const got = [];
        for await (const ev of readJson(file, {})) if (ev.kind === 'article') got.push(ev.article);
        expect(got.map((a) => [a.id, a.title, a.body])).toEqual(
          arts.map((a) => [a.id.trim(), a.title.trim(), a.body.trim()]),
        );
      }),
      { numRuns: 150 },
    );
  });
});

describe('parseDate', () => {
  it('never throws and only returns real calendar days', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (s) => {
        const d = parseDate(s);
        if (d !== undefined) {
          expect(d).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          expect(new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10)).toBe(d);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
