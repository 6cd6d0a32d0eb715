/**
 * Property: whatever a client puts in the query string or a write body, the API answers with JSON
 * (or problem+json) and a status below 500. Random strings (Arabic, marks, symbols, query syntax,
 * lone surrogates), random parameter names and values, random JSON bodies.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTICLES } from './fixtures.ts';
import { serve, type TestServer } from './helpers.ts';

let s: TestServer;
beforeAll(async () => {
  s = await serve(ARTICLES);
});
afterAll(() => s?.stop());

const arabic = fc.string({ unit: fc.constantFrom(...'ابتثجحخدذرزسشصضطظعغفقكلمنهويىةءآأإؤئ ًٌٍَُِّْـ'.split('')), maxLength: 30 });
const syntax = fc.string({ unit: fc.constantFrom(...' "()*+-:.ORأو'.split('')), maxLength: 10 });
const anyText = fc.oneof(arabic, syntax, fc.string({ maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 20 }), fc.constant('date:2015-13'), fc.constant('title:'));
const paramName = fc.oneof(fc.constantFrom('q', 'author', 'column', 'source', 'category', 'tag', 'from', 'to', 'sort', 'page', 'size', 'facets', 'collapse', 'n', 'text'), fc.string({ maxLength: 8 }));
const paramValue = fc.oneof(anyText, fc.integer({ min: -5, max: 200_000 }).map(String), fc.constantFrom('2015', '2015-02-29', '2016-02-29', 'newest', 'author,year', 'true', ''));
const params = fc.array(fc.tuple(paramName, paramValue), { maxLength: 6 });
const endpoint = fc.constantFrom('/api/search', '/api/suggest', '/api/analyze', '/api/authors', '/api/articles/col-1', '/api/articles/col-1/related', '/api/authors/%D8%B3%D9%84%D9%85%D9%89%20%D8%A7%D9%84%D8%AD%D8%B1%D8%A8%D9%8A', '/api/stats');

function queryString(pairs: [string, string][]): string {
  // encodeURIComponent throws on lone surrogates; send U+FFFD for them, as a browser would.
  const enc = (x: string) => encodeURIComponent(x.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'));
  return pairs.map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&');
}

describe('no 500 for any input', () => {
  it('GET endpoints with random parameters answer < 500 with JSON', async () => {
    await fc.assert(
      fc.asyncProperty(endpoint, params, async (path, pairs) => {
        const res = await s.get(`${path}?${queryString(pairs)}`);
        expect(res.status, `${path}?${queryString(pairs)}`).toBeLessThan(500);
        expect(res.headers.get('content-type')).toMatch(/^application\/(problem\+)?json/);
        await res.json();
      }),
      { numRuns: 300 },
    );
  });

  it('writes with random JSON bodies (objects, arrays, NDJSON lines) answer < 500 with JSON', async () => {
    const article = fc.record(
      { id: fc.oneof(anyText, fc.integer()), title: fc.oneof(anyText, fc.constant(null)), body: anyText, date: paramValue, tags: fc.array(anyText, { maxLength: 3 }), url: fc.oneof(fc.webUrl(), anyText) },
      { requiredKeys: [] },
    );
    const body = fc.oneof(article, fc.array(article, { maxLength: 3 }), fc.jsonValue());
    await fc.assert(
      fc.asyncProperty(body, fc.constantFrom('POST /api/articles', 'PUT /api/articles/fuzz', 'POST /api/articles/bulk'), async (value, route) => {
        const [method, path] = route.split(' ') as [string, string];
        const payload = path.endsWith('bulk') ? (Array.isArray(value) ? value : [value]).map((v) => JSON.stringify(v)).join('\n') : JSON.stringify(value);
        const res = await s.write(method, path, payload ?? 'null', path.endsWith('bulk') ? { 'content-type': 'application/x-ndjson' } : {});
        expect(res.status, `${route} ${payload?.slice(0, 200)}`).toBeLessThan(500);
        await res.json();
      }),
      { numRuns: 200 },
    );
  });
});
