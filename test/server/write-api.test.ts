/**
 * Write endpoints over real HTTP: API keys, validation, bulk NDJSON, durability (reopen the index
 * folder and find the writes), and that nothing can be polluted through `__proto__`.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArchiveStore } from '../../src/store/archive-store.ts';
import { ARTICLES, NEW_ARTICLE } from './fixtures.ts';
import { KEY, serve, type TestServer } from './helpers.ts';
import { OpenApiCheck } from './openapi-check.ts';

let s: TestServer;
let api: OpenApiCheck;
const enc = encodeURIComponent;

beforeAll(async () => {
  s = await serve(ARTICLES);
  api = new OpenApiCheck(await (await s.get('/api/openapi.json')).json());
});
afterAll(() => s?.stop());

async function checked(template: string, method: string, res: Response): Promise<any> {
  const body = await res.json();
  api.expectValid(template, method, res, body);
  return body;
}

async function searchIds(q: string): Promise<string[]> {
  const body = await (await s.get(`/api/search?q=${enc(q)}`)).json();
  return body.hits.map((h: { id: string }) => h.id);
}

describe('API keys', () => {
  it('refuses writes with 401 when the key is missing, with WWW-Authenticate', async () => {
    const res = await fetch(`${s.url}/api/articles`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(NEW_ARTICLE) });
    const body = await checked('/api/articles', 'POST', res);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(body).toMatchObject({ code: 'unauthorized' });
    expect(body.hint).toMatch(/Authorization: Bearer/);
  });

  it.each([['a wrong key', `Bearer ${KEY}x`], ['a prefix of the key', `Bearer ${KEY.slice(0, 5)}`], ['another scheme', `Basic ${KEY}`], ['an empty bearer', 'Bearer ']])(
    'refuses %s with 401',
    async (_name, authorization) => {
      const res = await s.write('POST', '/api/articles', NEW_ARTICLE, { authorization });
      expect(res.status).toBe(401);
      expect((await checked('/api/articles', 'POST', res)).code).toBe('unauthorized');
    },
  );

  it('refuses every write with 403 when no key is configured, saying how to set one', async () => {
    const open = await serve([], { apiKeys: [] });
    try {
      for (const [method, path] of [['POST', '/api/articles'], ['POST', '/api/articles/bulk'], ['PUT', '/api/articles/x'], ['DELETE', '/api/articles/x']]) {
        const res = await open.write(method!, path!, NEW_ARTICLE);
        expect(res.status, `${method} ${path}`).toBe(403);
        const body = await res.json();
        expect(body.code).toBe('writes_disabled');
        expect(body.hint).toMatch(/FAHRAS_API_KEYS/);
      }
    } finally {
      await open.stop();
    }
  });

  it('accepts any of several keys', async () => {
    const multi = await serve([], { apiKeys: ['first-key', 'second-key'] });
    try {
      const res = await multi.write('PUT', '/api/articles/k', { title: 't', body: 'b' }, { authorization: 'Bearer second-key' });
      expect(res.status).toBe(201);
    } finally {
      await multi.stop();
    }
  });
});

describe('POST /api/articles', () => {
  it('adds one article, durably, and makes it searchable at once', async () => {
    const res = await s.write('POST', '/api/articles', NEW_ARTICLE);
    expect(res.status).toBe(201);
    expect(await checked('/api/articles', 'POST', res)).toEqual({ id: 'new-1', status: 'added' });
    expect(await searchIds('مهرجان الشعر')).toContain('new-1');
    const view = await (await s.get('/api/articles/new-1')).json();
    expect(view.article).toEqual(NEW_ARTICLE);
  });

  it('a write refreshes cached searches and facet counts', async () => {
    const url = `/api/search?q=${enc('السياحة الصحراوية')}&facets=author`;
    const before = await (await s.get(url)).json();
    expect(before.hits.map((h: { id: string }) => h.id)).not.toContain('fresh-1');
    expect((await s.get(url)).headers.get('x-cache')).toBe('hit');
    await s.write('POST', '/api/articles', { id: 'fresh-1', title: 'السياحة الصحراوية', body: 'تزدهر السياحة الصحراوية في الشتاء', author: 'كاتب جديد' });
    const after = await s.get(url);
    expect(after.headers.get('x-cache')).toBe('miss');
    const body = await after.json();
    expect(body.hits[0].id).toBe('fresh-1');
    expect(body.facets.author).toContainEqual({ value: 'كاتب جديد', count: 1 });
    const page2 = await (await s.get(`${url}&page=2`)).json();
    expect(page2.facets).toEqual(body.facets);
  });

  it('reports an identical article as unchanged (200)', async () => {
    const res = await s.write('POST', '/api/articles', NEW_ARTICLE);
    expect(res.status).toBe(200);
    expect(await checked('/api/articles', 'POST', res)).toEqual({ id: 'new-1', status: 'unchanged' });
  });

  it('adds an array and answers a result per article', async () => {
    const res = await s.write('POST', '/api/articles', [
      { id: 'arr-1', title: 'الأول', body: 'نص المقال الأول عن الزراعة في الواحات' },
      { id: 'arr-2', title: 'الثاني', body: 'نص المقال الثاني عن صيد الأسماك في الخليج', tags: ['بحر'] },
    ]);
    expect(res.status).toBe(201);
    const body = await checked('/api/articles', 'POST', res);
    expect(body.results).toEqual([{ id: 'arr-1', status: 'added' }, { id: 'arr-2', status: 'added' }]);
  });

  it('stores nothing when one article of an array is invalid, and says which field of which article', async () => {
    const res = await s.write('POST', '/api/articles', [
      { id: 'ok-1', title: 'صالح', body: 'نص صالح تماما' },
      { id: 'bad-1', title: 42, body: 'x', date: '2015-02-30' },
    ]);
    const body = await checked('/api/articles', 'POST', res);
    expect(res.status).toBe(400);
    expect(body.code).toBe('validation');
    expect(body.errors).toEqual(
      expect.arrayContaining([
        { path: '[1].title', message: 'title must be a string' },
        { path: '[1].date', message: expect.stringMatching(/calendar date/) },
      ]),
    );
    expect((await s.get('/api/articles/ok-1')).status).toBe(404);
  });

  const invalid: [string, unknown, RegExp][] = [
    ['a missing body', { id: 'v', title: 't' }, /body is required/],
    ['an empty id', { id: '  ', title: 't', body: 'b' }, /id must not be empty/],
    ['a control character in the id', { id: 'a\u0000b', title: 't', body: 'b' }, /must not contain/],
    ['an over-long title', { id: 'v', title: 'ع'.repeat(2001), body: 'b' }, /title must be at most 2000 characters/],
    ['a date that is not YYYY-MM-DD', { id: 'v', title: 't', body: 'b', date: '21/07/2015' }, /date must be YYYY-MM-DD/],
    ['a relative url', { id: 'v', title: 't', body: 'b', url: '/news/1' }, /absolute http/],
    ['a javascript: url', { id: 'v', title: 't', body: 'b', url: 'javascript:alert(1)' }, /absolute http/],
    ['tags that are not strings', { id: 'v', title: 't', body: 'b', tags: [1] }, /tag must be a string/],
    ['an unknown field', { id: 'v', title: 't', body: 'b', autor: 'x' }, /unknown field.*autor/],
    ['a number instead of an article', 7, /must be a JSON object/],
  ];
  it.each(invalid)('answers 400 for %s', async (_name, article, message) => {
    const res = await s.write('POST', '/api/articles', article);
    const body = await checked('/api/articles', 'POST', res);
    expect(res.status).toBe(400);
    expect(body.detail).toMatch(message);
  });

  it('answers 413 problem+json to a 2 MB body', async () => {
    const res = await s.write('POST', '/api/articles', { id: 'big', title: 't', body: 'ب'.repeat(1_000_000) });
    const body = await checked('/api/articles', 'POST', res);
    expect(res.status).toBe(413);
    expect(body.code).toBe('payload_too_large');
    expect(body.hint).toMatch(/bulk/);
  });

  it('answers 400 to broken JSON and 415 to a non-JSON content type', async () => {
    const broken = await s.write('POST', '/api/articles', '{"id": "x", "title": ');
    expect(broken.status).toBe(400);
    expect((await checked('/api/articles', 'POST', broken)).detail).toMatch(/not valid JSON/);
    const text = await s.write('POST', '/api/articles', 'id=x', { 'content-type': 'text/plain' });
    expect(text.status).toBe(415);
    await checked('/api/articles', 'POST', text);
  });
});

describe('__proto__ and constructor', () => {
  it.each([
    ['__proto__ as a field', '{"id":"p1","title":"t","body":"b","__proto__":{"polluted":true}}'],
    ['constructor.prototype as a field', '{"id":"p2","title":"t","body":"b","constructor":{"prototype":{"polluted":true}}}'],
    ['__proto__ inside extra', '{"id":"p3","title":"t","body":"b","extra":{"__proto__":{"polluted":true}}}'],
  ])('refuses %s with 400 and pollutes nothing', async (_name, raw) => {
    const res = await s.write('POST', '/api/articles', raw);
    expect(res.status).toBe(400);
    expect((await res.json()).detail).toMatch(/not allowed as a field name/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((await s.get('/api/stats')).status).toBe(200);
  });

  it.each(['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString'])('stores and serves an article whose id is %s', async (id) => {
    const put = await s.write('PUT', `/api/articles/${id}`, { title: `عنوان ${id}`, body: `نص المقال ذو المعرف الغريب ${id}` });
    expect(put.status).toBe(201);
    const view = await (await s.get(`/api/articles/${id}`)).json();
    expect(view.article).toMatchObject({ id, title: `عنوان ${id}` });
    const del = await s.write('DELETE', `/api/articles/${id}`);
    expect(del.status).toBe(200);
    expect((await s.get(`/api/articles/${id}`)).status).toBe(404);
  });
});

describe('POST /api/articles/bulk (NDJSON)', () => {
  it('stores the good lines and reports a malformed line by its number', async () => {
    const lines = [
      JSON.stringify({ id: 'bulk-1', title: 'سوق التمور', body: 'يشهد سوق التمور في القصيم إقبالا كبيرا هذا الموسم' }),
      '{"id": "bulk-2", "title": "نصف سطر"',
      '',
      JSON.stringify({ id: 'bulk-3', title: 'بلا نص' }),
      JSON.stringify({ id: 'bulk-4', title: 'موسم الحج', body: 'استعدت الجهات المعنية لموسم الحج بخطط تشغيلية جديدة', date: '2015-09-20' }),
      '["not", "an", "object"]',
    ];
    const res = await s.write('POST', '/api/articles/bulk', lines.join('\r\n') + '\n', { 'content-type': 'application/x-ndjson' });
    expect(res.status).toBe(201);
    const body = await checked('/api/articles/bulk', 'POST', res);
    expect(body.counts).toEqual({ added: 2, updated: 0, unchanged: 0, duplicate: 0, error: 3 });
    expect(body.results).toEqual([
      { line: 1, id: 'bulk-1', status: 'added' },
      { line: 2, status: 'error', error: expect.stringMatching(/not valid JSON/) },
      { line: 4, id: 'bulk-3', status: 'error', error: expect.stringMatching(/body/) },
      { line: 5, id: 'bulk-4', status: 'added' },
      { line: 6, status: 'error', error: expect.stringMatching(/JSON object/) },
    ]);
    expect(await searchIds('التمور')).toContain('bulk-1');
    expect(await searchIds('الحج')).toContain('bulk-4');
  });

  it('answers 400 to an empty body', async () => {
    const res = await s.write('POST', '/api/articles/bulk', '\n\n', { 'content-type': 'application/x-ndjson' });
    expect(res.status).toBe(400);
    await checked('/api/articles/bulk', 'POST', res);
  });

  it('accepts more than the JSON limit (1 MB) in one bulk body', async () => {
    const lines = Array.from({ length: 30 }, (_, i) => JSON.stringify({ id: `big-bulk-${i}`, title: `مقال طويل ${i}`, body: `فقرة ${i} `.repeat(8_000) }));
    const text = lines.join('\n');
    expect(Buffer.byteLength(text)).toBeGreaterThan(2_000_000);
    const res = await s.write('POST', '/api/articles/bulk', text, { 'content-type': 'application/x-ndjson' });
    expect(res.status).toBe(201);
    expect((await res.json()).counts.added).toBe(30);
  });
});

describe('configurable body limits', () => {
  it('answers 413 past a configured bulk limit, before storing anything', async () => {
    const small = await serve([], { bodyLimits: { bulk: '10kb', json: '2kb' } });
    try {
      const lines = Array.from({ length: 20 }, (_, i) => JSON.stringify({ id: `l${i}`, title: 't', body: 'ن'.repeat(400) })).join('\n');
      const bulk = await small.write('POST', '/api/articles/bulk', lines, { 'content-type': 'application/x-ndjson' });
      expect(bulk.status).toBe(413);
      expect((await bulk.json()).code).toBe('payload_too_large');
      const json = await small.write('POST', '/api/articles', { id: 'j', title: 't', body: 'ن'.repeat(1500) });
      expect(json.status).toBe(413);
      expect((await small.get('/api/stats').then((r) => r.json())).articles).toBe(0);
    } finally {
      await small.stop();
    }
  });
});

describe('PUT and DELETE /api/articles/:id', () => {
  it('creates (201), updates (200) and refuses a different id in the body (400)', async () => {
    const created = await s.write('PUT', '/api/articles/put-1', { title: 'قبل', body: 'النص قبل التعديل عن الطقس' });
    expect(created.status).toBe(201);
    expect(await checked('/api/articles/{id}', 'PUT', created)).toEqual({ id: 'put-1', status: 'added' });
    const updated = await s.write('PUT', '/api/articles/put-1', { id: 'put-1', title: 'بعد', body: 'النص بعد التعديل عن الأمطار' });
    expect(updated.status).toBe(200);
    expect(await checked('/api/articles/{id}', 'PUT', updated)).toEqual({ id: 'put-1', status: 'updated' });
    expect(await searchIds('الأمطار')).toContain('put-1');
    expect(await searchIds('الطقس')).not.toContain('put-1');
    const mismatch = await s.write('PUT', '/api/articles/put-1', { id: 'other', title: 't', body: 'b' });
    expect(mismatch.status).toBe(400);
    expect((await checked('/api/articles/{id}', 'PUT', mismatch)).detail).toMatch(/differs from the id in the path/);
  });

  it('takes ids with a slash (as %2F) in the path', async () => {
    expect((await s.write('PUT', `/api/articles/${enc('2015/07/21-1')}`, { title: 'مسار', body: 'معرف فيه شرطة مائلة' })).status).toBe(201);
    expect((await (await s.get(`/api/articles/${enc('2015/07/21-1')}`)).json()).article.id).toBe('2015/07/21-1');
    expect((await s.write('DELETE', `/api/articles/${enc('2015/07/21-1')}`)).status).toBe(200);
  });

  it('takes Arabic ids in the path', async () => {
    const id = 'مقال-١';
    expect((await s.write('PUT', `/api/articles/${enc(id)}`, { title: 'عربي', body: 'معرف بالحروف العربية' })).status).toBe(201);
    expect((await (await s.get(`/api/articles/${enc(id)}`)).json()).article.id).toBe(id);
  });

  it('deletes (200), then answers 404 to the article and to a second delete', async () => {
    await s.write('PUT', '/api/articles/del-1', { title: 'للحذف', body: 'مقال سيحذف بعد قليل عن القطارات' });
    expect(await searchIds('القطارات')).toContain('del-1');
    const res = await s.write('DELETE', '/api/articles/del-1');
    expect(res.status).toBe(200);
    expect(await checked('/api/articles/{id}', 'DELETE', res)).toEqual({ id: 'del-1', status: 'deleted' });
    expect((await s.get('/api/articles/del-1')).status).toBe(404);
    expect(await searchIds('القطارات')).not.toContain('del-1');
    const again = await s.write('DELETE', '/api/articles/del-1');
    expect(again.status).toBe(404);
    await checked('/api/articles/{id}', 'DELETE', again);
  });
});

describe('durability', () => {
  it('acknowledged writes are in the index folder after the server stops', async () => {
    const own = await serve([]);
    await own.write('POST', '/api/articles', NEW_ARTICLE);
    await own.write('PUT', '/api/articles/gone', { title: 't', body: 'سيحذف' });
    await own.write('DELETE', '/api/articles/gone');
    await own.close();
    const store = await ArchiveStore.open(own.dir, { readOnly: true });
    try {
      expect(store.engine.get('new-1')).toEqual(NEW_ARTICLE);
      expect(store.engine.get('gone')).toBeUndefined();
    } finally {
      await store.close();
    }
  });
});

describe('storage errors', () => {
  it('answers 503 storage problem+json when the index cannot be written (opened read-only), and keeps serving reads', async () => {
    const seeded = await serve(ARTICLES.slice(0, 2));
    await seeded.close();
    const ro = await serve([], { indexDir: seeded.dir, readOnly: true });
    try {
      const res = await ro.write('PUT', '/api/articles/x', { title: 't', body: 'b' });
      const body = await checked('/api/articles/{id}', 'PUT', res);
      expect(res.status).toBe(503);
      expect(body.code).toBe('storage');
      expect(body.detail).toMatch(/read-only/);
      expect((await ro.get('/api/stats').then((r) => r.json())).articles).toBe(2);
    } finally {
      await ro.stop();
      rmSync(seeded.dir, { recursive: true, force: true });
    }
  });
});

describe('write rate limit', () => {
  it('answers 429 problem+json with Retry-After past the write budget, while reads go on', async () => {
    const limited = await serve([], { rateLimit: { write: 2, read: 1000 } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) statuses.push((await limited.write('PUT', `/api/articles/r${i}`, { title: 't', body: `نص ${i}` })).status);
      expect(statuses).toEqual([201, 201, 429]);
      const res = await limited.write('PUT', '/api/articles/r9', { title: 't', body: 'b' });
      expect(res.headers.get('retry-after')).toBeTruthy();
      const body = await res.json();
      expect(body).toMatchObject({ status: 429, code: 'rate_limited' });
      expect((await limited.get('/api/search?q=x')).status).toBe(200);
    } finally {
      await limited.stop();
    }
  });
});
