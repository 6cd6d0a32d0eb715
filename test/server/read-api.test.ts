/**
 * The read endpoints over real HTTP against a real index, each answer checked against the
 * OpenAPI document the server itself serves.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTICLES } from './fixtures.ts';
import { serve, rawGet, type TestServer } from './helpers.ts';
import { OpenApiCheck } from './openapi-check.ts';

let s: TestServer;
let api: OpenApiCheck;
const enc = encodeURIComponent;

beforeAll(async () => {
  s = await serve(ARTICLES);
  api = new OpenApiCheck(await (await s.get('/api/openapi.json')).json());
});
afterAll(() => s?.stop());

/** GET, parse JSON, and check it against the documented schema of `template`. */
async function getChecked(template: string, url: string): Promise<{ res: Response; body: any }> {
  const res = await s.get(url);
  const body = await res.json();
  api.expectValid(template, 'GET', res, body);
  return { res, body };
}

describe('GET /api/search', () => {
  it('finds Arabic words through their inflected forms, with marks, facets and paging fields', async () => {
    const { res, body } = await getChecked('/api/search', `/api/search?q=${enc('النفط')}&facets=author,year,category`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json; charset=utf-8/);
    expect(body).toMatchObject({ query: 'النفط', page: 1, size: 10, relaxed: false });
    expect(body.hits.map((h: { id: string }) => h.id)).toContain('eco-1');
    expect(body.hits[0].snippet).toContain('<mark>');
    expect(body.facets.author).toEqual(expect.arrayContaining([{ value: 'خالد المنصور', count: expect.any(Number) }]));
    expect(body.facets.year.length).toBeGreaterThan(0);
  });

  it('applies repeated filters and date ranges', async () => {
    const { body } = await getChecked('/api/search', `/api/search?author=${enc('سلمى الحربي')}&author=${enc('فهد العتيبي')}&from=2014&to=2015-06&sort=oldest`);
    expect(body.hits.map((h: { id: string }) => h.id)).toEqual(['col-2', 'col-3', 'sport-1']);
  });

  it('pages', async () => {
    const { body: p1 } = await getChecked('/api/search', '/api/search?sort=newest&size=3&page=1');
    const { body: p2 } = await getChecked('/api/search', '/api/search?sort=newest&size=3&page=2');
    expect(p1.hits).toHaveLength(3);
    expect(p2.page).toBe(2);
    expect(p1.total).toBe(p2.total);
    const ids = [...p1.hits, ...p2.hits].map((h: { id: string }) => h.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('takes Arabic percent-encoded, and as typed in a URL (fetch encodes it as UTF-8)', async () => {
    const encoded = await (await s.get(`/api/search?q=${enc('معرض الكتاب')}`)).json();
    const typed = await (await fetch(`${s.url}/api/search?q=معرض الكتاب`)).json();
    expect(typed.query).toBe('معرض الكتاب');
    expect(typed.total).toBeGreaterThan(0);
    expect(typed.hits.map((h: { id: string }) => h.id)).toEqual(encoded.hits.map((h: { id: string }) => h.id));
    const path = await (await fetch(`${s.url}/api/authors/سلمى الحربي?size=1`)).json();
    expect(path.total).toBe(3);
  });

  it.each([
    ['raw UTF-8 Arabic bytes', Buffer.from('/api/search?q=معرض', 'utf8')],
    ['raw bytes that are not UTF-8', Buffer.from([...Buffer.from('/api/search?q='), 0xd9, 0x28])],
  ])('answers %s in the request line with 400 problem+json saying how to encode', async (_name, target) => {
    const raw = await rawGet(s.url, target);
    expect(raw.status).toBe(400);
    expect(raw.headers['content-type']).toMatch(/^application\/problem\+json/);
    const body = JSON.parse(raw.body);
    expect(body).toMatchObject({ status: 400, code: 'bad_encoding' });
    expect(body.hint).toMatch(/encodeURIComponent|data-urlencode/);
  });

  const badRequests: [string, string, RegExp][] = [
    ['a date that is not a date', '/api/search?q=x&from=2015-13-01', /from: "2015-13-01" has month 13/],
    ['February 30', '/api/search?to=2015-02-30', /2015-02 has days 01 to 28/],
    ['an unknown sort', '/api/search?q=x&sort=best', /sort must be one of relevance, newest, oldest/],
    ['page 0', '/api/search?q=x&page=0', /page must be at least 1/],
    ['size 10000', '/api/search?q=x&size=10000', /size must be at most 100/],
    ['a query over 1000 characters', `/api/search?q=${'ب'.repeat(1001)}`, /q must be at most 1000 characters/],
    ['an unknown parameter', '/api/search?query=x', /unknown parameter "query"/],
    ['an unknown facet', '/api/search?facets=colour', /facets must be a comma-separated list/],
    ['from after to', '/api/search?from=2016&to=2015', /is after to/],
  ];
  it.each(badRequests)('answers 400 problem+json for %s', async (_name, url, detail) => {
    const { res, body } = await getChecked('/api/search', url);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(body).toMatchObject({ status: 400, code: 'validation', type: 'urn:fahras:problem:validation', instance: '/api/search' });
    expect(body.detail).toMatch(detail);
    expect(body.hint).toBeTruthy();
  });

  it('reports a query syntax error as 400 with its position', async () => {
    const q = 'النفط date:2015-13';
    const { res, body } = await getChecked('/api/search', `/api/search?q=${enc(q)}`);
    expect(res.status).toBe(400);
    expect(body.code).toBe('query_syntax');
    expect(body.detail).toMatch(/month 13/);
    expect(body.position).toBe(q.indexOf('13'));
    expect(body.hint).toBeTruthy();
  });

  it.each(['/api/search?q=%E0%A4%A', '/api/search?q=%', '/api/search?q=%D9%85%D8', '/api/search?q=%ZZ'])('answers 400 bad_encoding for %s', async (url) => {
    const { res, body } = await getChecked('/api/search', url);
    expect(res.status).toBe(400);
    expect(body.code).toBe('bad_encoding');
  });

  it('gives later pages and other sort orders the same facets as page 1 (counted over all matches)', async () => {
    const base = `/api/search?q=${enc('المعرض الكتاب المدن')}&size=2&facets=author,year,source`;
    const { body: p1 } = await getChecked('/api/search', base);
    const { body: p2 } = await getChecked('/api/search', `${base}&page=2`);
    const { body: newest } = await getChecked('/api/search', `${base}&sort=newest`);
    const { body: fewer } = await getChecked('/api/search', `/api/search?q=${enc('المعرض الكتاب المدن')}&size=2&facets=year`);
    expect(p1.total).toBeGreaterThan(2);
    expect(p2.facets).toEqual(p1.facets);
    expect(newest.facets).toEqual(p1.facets);
    expect(fewer.facets).toEqual({ year: p1.facets.year });
    expect(p2.hits.map((h: { id: string }) => h.id)).not.toEqual(p1.hits.map((h: { id: string }) => h.id));
  });

  it('answers the same request from the cache, and says so', async () => {
    const url = `/api/search?q=${enc('المدن')}&size=5`;
    const first = await s.get(url);
    const second = await s.get(url);
    expect(second.headers.get('x-cache')).toBe('hit');
    expect(await second.json()).toEqual(await first.json());
  });
});

describe('GET /api/articles/:id', () => {
  it('returns the article with the query words marked', async () => {
    const { res, body } = await getChecked('/api/articles/{id}', `/api/articles/eco-1?q=${enc('النفط')}`);
    expect(res.status).toBe(200);
    expect(body.article).toMatchObject({ id: 'eco-1', author: 'خالد المنصور', date: '2015-07-21', tags: ['نفط', 'أسواق'] });
    expect(body.bodyHtml).toContain('<mark>النفط</mark>');
    expect(body.titleHtml).toContain('<mark>');
  });

  it('returns it unmarked without q', async () => {
    const { body } = await getChecked('/api/articles/{id}', '/api/articles/col-1');
    expect(body.bodyHtml).not.toContain('<mark>');
  });

  it('answers 404 problem+json for an unknown id', async () => {
    const { res, body } = await getChecked('/api/articles/{id}', '/api/articles/no-such-article');
    expect(res.status).toBe(404);
    expect(body.code).toBe('not_found');
    expect(body.detail).toContain('no-such-article');
  });

  it('answers 400 for a path with broken percent-encoding', async () => {
    const { res, body } = await getChecked('/api/articles/{id}', '/api/articles/%E0%A4%A');
    expect(res.status).toBe(400);
    expect(body.code).toBe('bad_encoding');
  });

  it('lists related articles', async () => {
    const { res, body } = await getChecked('/api/articles/{id}/related', '/api/articles/col-2/related?n=3');
    expect(res.status).toBe(200);
    expect(body.id).toBe('col-2');
    expect(body.hits.length).toBeLessThanOrEqual(3);
    expect(body.hits.map((h: { id: string }) => h.id)).not.toContain('col-2');
  });

  it('answers 404 for related of an unknown id and 400 for a bad n', async () => {
    expect((await getChecked('/api/articles/{id}/related', '/api/articles/nope/related')).res.status).toBe(404);
    expect((await getChecked('/api/articles/{id}/related', '/api/articles/col-2/related?n=0')).res.status).toBe(400);
  });
});

describe('GET /api/suggest', () => {
  it('completes a prefix', async () => {
    const { res, body } = await getChecked('/api/suggest', `/api/suggest?q=${enc('المكت')}`);
    expect(res.status).toBe(200);
    expect(body.query).toBe('المكت');
    expect(body.suggestions.length).toBeGreaterThan(0);
    expect(body.suggestions.every((x: { text: string }) => typeof x.text === 'string')).toBe(true);
  });

  it('returns nothing for an empty prefix and refuses a long one', async () => {
    expect((await getChecked('/api/suggest', '/api/suggest?q=')).body.suggestions).toEqual([]);
    expect((await getChecked('/api/suggest', `/api/suggest?q=${'ب'.repeat(101)}`)).res.status).toBe(400);
  });
});

describe('GET /api/authors', () => {
  it('lists authors with counts, most articles first', async () => {
    const { body } = await getChecked('/api/authors', '/api/authors');
    expect(body.authors[0]).toEqual({ value: 'سلمى الحربي', count: 3 });
    expect(body.authors).toContainEqual({ value: 'واس - الرياض', count: 2 });
  });

  it("pages an author's articles, newest first, with q", async () => {
    const { body } = await getChecked('/api/authors/{name}', `/api/authors/${enc('سلمى الحربي')}?size=2`);
    expect(body.total).toBe(3);
    expect(body.hits.map((h: { id: string }) => h.id)).toEqual(['col-3', 'col-2']);
    const { body: withQ } = await getChecked('/api/authors/{name}', `/api/authors/${enc('سلمى الحربي')}?q=${enc('المكتبات')}`);
    expect(withQ.hits.map((h: { id: string }) => h.id)).toEqual(['col-2']);
  });

  it('answers 404 for an unknown author and 400 for an author parameter', async () => {
    expect((await getChecked('/api/authors/{name}', `/api/authors/${enc('لا أحد')}`)).res.status).toBe(404);
    expect((await getChecked('/api/authors/{name}', `/api/authors/${enc('سلمى الحربي')}?author=x`)).res.status).toBe(400);
  });
});

describe('GET /api/analyze', () => {
  it('returns tokens with offsets into the text', async () => {
    const text = 'وبالمكتبات، الكِتاب';
    const { body } = await getChecked('/api/analyze', `/api/analyze?text=${enc(text)}`);
    expect(body.tokens).toHaveLength(2);
    for (const t of body.tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(body.tokens[1].exact).toBe('الكتاب');
  });

  it('requires text', async () => {
    const { res, body } = await getChecked('/api/analyze', '/api/analyze');
    expect(res.status).toBe(400);
    expect(body.detail).toMatch(/text is required/);
  });
});

describe('GET /api/stats, /healthz, /readyz, /api/openapi.json', () => {
  it('stats count the index', async () => {
    const { body } = await getChecked('/api/stats', '/api/stats');
    expect(body.articles).toBe(ARTICLES.length);
    expect(body.authors).toBe(4);
  });

  it('probes answer', async () => {
    expect((await getChecked('/healthz', '/healthz')).body).toEqual({ status: 'ok' });
    expect((await getChecked('/readyz', '/readyz')).body).toEqual({ status: 'ready', articles: ARTICLES.length });
  });

  it('the OpenAPI document is 3.1 and documents every route', async () => {
    const doc = await (await s.get('/api/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining([
      '/api/search', '/api/articles', '/api/articles/bulk', '/api/articles/{id}', '/api/articles/{id}/related', '/api/suggest',
      '/api/authors', '/api/authors/{name}', '/api/analyze', '/api/stats', '/healthz', '/readyz',
    ]));
  });
});

describe('unknown routes and methods', () => {
  it('answers 404 problem+json for an unknown API path', async () => {
    const res = await s.get('/api/nothing-here');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/problem\+json/);
  });

  it('answers 405 with Allow for a wrong method', async () => {
    const res = await fetch(`${s.url}/api/search`, { method: 'DELETE' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET');
  });
});
