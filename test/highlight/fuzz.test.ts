import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { highlightHtml, snippetHtml } from '../../src/highlight/highlight.ts';
import { parseQuery } from '../../src/query/parse.ts';
import { matchSpecFromQuery } from '../../src/query/match-spec.ts';
import { QueryError } from '../../src/errors.ts';

const unescape = (html: string) =>
  html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

const PIECES = ['عُمان', 'عمان', 'و', 'ال', ' ', '\n', '«', '»', '<', '&', '"', 'a', 'ـ', '\u064B', '\u200C', '١٢', '3.5', 'x@y.z', 'http://a.b/c', '\uD83D\uDE00', '\uD800'];
const textArb = fc.oneof(
  fc.array(fc.constantFrom(...PIECES), { maxLength: 80 }).map((a) => a.join('')),
  fc.string({ unit: 'binary', maxLength: 120 }),
);
const queryArb = fc.oneof(fc.constantFrom('عمان', '"و عمان"', 'عم*', 'a OR x', '"عمان عمان"', '-عمان a'), fc.string({ unit: 'grapheme', maxLength: 20 }));

describe('highlighting fuzz', () => {
  it('never throws; highlightHtml keeps the text; snippets only hold escaped text and marks', () => {
    fc.assert(
      fc.property(textArb, queryArb, fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 40 }), (text, q, fragments, words) => {
        let spec;
        try {
          spec = matchSpecFromQuery(parseQuery(q));
        } catch (e) {
          if (e instanceof QueryError) return;
          throw e;
        }
        const html = highlightHtml(text, spec);
        expect(unescape(html.replace(/<\/?mark>/g, ''))).toBe(text);
        const snip = snippetHtml(text, spec, { fragments, words });
        expect(snip.replace(/<\/?mark>/g, '')).not.toMatch(/[<>"']/);
        expect((snip.match(/<mark>/g) ?? []).length).toBe((snip.match(/<\/mark>/g) ?? []).length);
      }),
      { numRuns: 1500 },
    );
  });
});
