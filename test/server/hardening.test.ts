/**
 * Security headers, request ids, logs without secrets, caching headers, compression, CORS, read
 * rate limits, readiness while the index loads, the static UI and path traversal.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type AppOptions } from '../../src/server/app.ts';
import { ArchiveStore } from '../../src/store/archive-store.ts';
import { ARTICLES } from './fixtures.ts';
import { KEY, quiet, rawGet, serve, type TestServer } from './helpers.ts';

let s: TestServer;
beforeAll(async () => {
  s = await serve(ARTICLES);
});
afterAll(() => s?.stop());

/** Serves createApp(opts) on port 0; the caller closes it. */
async function listenApp(opts: AppOptions): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer(createApp(opts));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, close: () => new Promise((r) => server.close(() => r())) };
}

describe('security headers', () => {
  it('sends a CSP without inline scripts or styles, and the helmet set', async () => {
    const res = await s.get('/api/stats');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("font-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('https:');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-powered-by')).toBeNull();
  });
});

describe('request ids and logs', () => {
  it('gives every response an X-Request-Id, keeps a sane one from the client, replaces an unsafe one', async () => {
    expect((await s.get('/healthz')).headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect((await s.get('/healthz', { 'x-request-id': 'trace-42.a' })).headers.get('x-request-id')).toBe('trace-42.a');
    const unsafe = (await s.get('/healthz', { 'x-request-id': 'a b<script>' })).headers.get('x-request-id');
    expect(unsafe).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('puts the request id in problems, and logs one JSON line per request without the API key', async () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _enc, cb) => (lines.push(...String(chunk).split('\n').filter(Boolean)), cb()) });
    const logged = await serve([], { logger: pino({ level: 'info' }, sink) });
    try {
      const res = await logged.write('PUT', '/api/articles/log-1', { title: 't', body: 'b' }, { 'x-request-id': 'req-put-1' });
      expect(res.status).toBe(201);
      const missing = await (await logged.get('/api/articles/nope', { 'x-request-id': 'req-404' })).json();
      expect(missing.requestId).toBe('req-404');
      await new Promise((r) => setTimeout(r, 50));
      const records = lines.map((l) => JSON.parse(l));
      const put = records.find((r) => r.req?.id === 'req-put-1');
      expect(put).toMatchObject({ req: { method: 'PUT', url: '/api/articles/log-1' }, res: { statusCode: 201 } });
      expect(put.responseTime).toBeTypeOf('number');
      expect(records.find((r) => r.req?.id === 'req-404')?.level).toBe(40); // warn
      expect(lines.join('\n')).not.toContain(KEY);
    } finally {
      await logged.stop();
    }
  });
});

describe('HTTP caching and compression', () => {
  it('sends a weak ETag and Cache-Control: no-cache on API GETs, and 304 on revalidation', async () => {
    const first = await s.get('/api/search?q=%D8%A7%D9%84%D9%85%D8%AF%D9%86');
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^W\//);
    expect(first.headers.get('cache-control')).toBe('no-cache');
    // Not fetch: a fetch with If-None-Match also sends Cache-Control: no-cache, which forbids a 304.
    const status = await new Promise<number>((resolve, reject) => {
      http
        .get(`${s.url}/api/search?q=%D8%A7%D9%84%D9%85%D8%AF%D9%86`, { headers: { 'if-none-match': etag! } }, (res) => {
          res.resume();
          resolve(res.statusCode!);
        })
        .on('error', reject);
    });
    expect(status).toBe(304);
  });

  it('never lets problems or probes be cached', async () => {
    expect((await s.get('/api/search?size=0')).headers.get('cache-control')).toBe('no-store');
    expect((await s.get('/healthz')).headers.get('cache-control')).toBe('no-store');
  });

  it('sends cached answers from one gzipped copy to clients that accept gzip, identical once unzipped', async () => {
    const url = `${s.url}/api/search?q=%D8%A7%D9%84%D9%83%D8%AA%D8%A7%D8%A8&facets=author,year,source,category`;
    const get = (acceptEncoding: string) =>
      new Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
        http
          .get(url, { headers: { 'accept-encoding': acceptEncoding } }, (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c) => chunks.push(c));
            res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
          })
          .on('error', reject);
      });
    const plain = await get('identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/Accept-Encoding/);
    const zipped = await get('br;q=0.9, gzip');
    expect(zipped.headers['x-cache']).toBe('hit');
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.etag).toBe(plain.headers.etag);
    expect(gunzipSync(zipped.body).toString('utf8')).toBe(plain.body.toString('utf8'));
    const refused = await get('gzip;q=0, identity');
    expect(refused.headers['content-encoding']).toBeUndefined();
  });

  it('compresses large answers for clients that accept gzip', async () => {
    const res = await s.get('/api/openapi.json', { 'accept-encoding': 'gzip' });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect((await res.json()).openapi).toBe('3.1.0');
  });
});

describe('CORS', () => {
  it('is off by default: no Access-Control-Allow-Origin', async () => {
    const res = await s.get('/api/stats', { origin: 'https://elsewhere.example' });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('allows the configured origins only, with preflight', async () => {
    const store = await ArchiveStore.open(mkdtempSync(path.join(tmpdir(), 'fahras-cors-')));
    const app = await listenApp({ store, logger: quiet(), rateLimit: false, cors: ['https://news.example'] });
    try {
      const ok = await fetch(`${app.url}/api/stats`, { headers: { origin: 'https://news.example' } });
      expect(ok.headers.get('access-control-allow-origin')).toBe('https://news.example');
      const other = await fetch(`${app.url}/api/stats`, { headers: { origin: 'https://evil.example' } });
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
      const pre = await fetch(`${app.url}/api/articles`, {
        method: 'OPTIONS',
        headers: { origin: 'https://news.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
      });
      expect(pre.status).toBe(204);
      expect(pre.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
    } finally {
      await app.close();
      await store.close();
      rmSync(store.dir, { recursive: true, force: true });
    }
  });
});

describe('read rate limit', () => {
  it('answers 429 problem+json past the read budget; probes are not counted', async () => {
    const limited = await serve([], { rateLimit: { read: 3 } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await limited.get(`/api/search?q=${i}`)).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const res = await limited.get('/api/stats');
      expect(res.headers.get('content-type')).toMatch(/problem\+json/);
      expect(res.headers.get('retry-after')).toBeTruthy();
      expect((await res.json()).code).toBe('rate_limited');
      expect((await limited.get('/healthz')).status).toBe(200);
      expect((await limited.get('/readyz')).status).toBe(200);
    } finally {
      await limited.stop();
    }
  });
});

describe('readiness', () => {
  it('answers 503 not_ready with Retry-After until the store is open, then 200', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fahras-ready-'));
    let open!: (s: ArchiveStore) => void;
    const pending = new Promise<ArchiveStore>((r) => (open = r));
    const app = await listenApp({ store: pending, logger: quiet(), rateLimit: false });
    try {
      expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
      const ready = await fetch(`${app.url}/readyz`);
      expect(ready.status).toBe(503);
      expect((await ready.json()).code).toBe('not_ready');
      const search = await fetch(`${app.url}/api/search?q=x`);
      expect(search.status).toBe(503);
      expect(search.headers.get('retry-after')).toBe('2');
      const store = await ArchiveStore.open(dir);
      open(store);
      await pending;
      expect((await fetch(`${app.url}/readyz`)).status).toBe(200);
      expect((await fetch(`${app.url}/api/search?q=x`)).status).toBe(200);
      await store.close();
    } finally {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('static UI', () => {
  let root: string;
  let app: { url: string; close(): Promise<void> };
  let store: ArchiveStore;

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'fahras-static-'));
    const pub = path.join(root, 'public');
    mkdirSync(path.join(pub, 'js'), { recursive: true });
    writeFileSync(path.join(pub, 'index.html'), '<!doctype html><title>فهرس</title><script type="module" src="/js/app.js"></script>');
    writeFileSync(path.join(pub, 'js', 'app.js'), 'export const ui = 1;');
    writeFileSync(path.join(pub, '.env'), 'SECRET=dotfile');
    writeFileSync(path.join(root, 'secret.txt'), 'SECRET=outside');
    store = await ArchiveStore.open(path.join(root, 'index'));
    app = await listenApp({ store, logger: quiet(), rateLimit: false, publicDir: pub });
  });
  afterAll(async () => {
    await app?.close();
    await store?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('serves index.html at / and the SPA routes, and files with Cache-Control: no-cache', async () => {
    for (const p of ['/', '/search?q=x', `/article/${encodeURIComponent('مقال-1')}`, `/author/${encodeURIComponent('سلمى الحربي')}`]) {
      const res = await fetch(app.url + p);
      expect(res.status, p).toBe(200);
      expect(res.headers.get('content-type'), p).toMatch(/^text\/html/);
      expect(await res.text(), p).toContain('<title>فهرس</title>');
    }
    const js = await fetch(`${app.url}/js/app.js`);
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    expect(js.headers.get('cache-control')).toBe('no-cache');
  });

  it('serves the Noto Naskh Arabic font package under /fonts/noto-naskh-arabic/', async () => {
    const css = await fetch(`${app.url}/fonts/noto-naskh-arabic/400.css`);
    expect(css.status).toBe(200);
    const text = await css.text();
    const file = /url\(\.\/(files\/[^)]+\.woff2)\)/.exec(text)?.[1];
    expect(file).toBeTruthy();
    const font = await fetch(`${app.url}/fonts/noto-naskh-arabic/${file}`);
    expect(font.status).toBe(200);
    expect(font.headers.get('content-type')).toBe('font/woff2');
    expect(font.headers.get('cache-control')).toMatch(/max-age=604800/);
    const missing = await fetch(`${app.url}/fonts/noto-naskh-arabic/files/nope.woff2`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/problem\+json/);
  });

  it('answers 404 problem+json for unknown pages and dotfiles', async () => {
    for (const p of ['/nothing', '/.env', '/js/.env']) {
      const res = await fetch(app.url + p);
      expect(res.status, p).toBe(404);
      expect(await res.text()).not.toContain('SECRET');
    }
  });

  it.each([
    // [path, Accept, expected content type]
    ['/nothing', 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', /^text\/html/],
    ['/deep/no/such/page', 'text/html', /^text\/html/],
    ['/nothing', '*/*', /problem\+json/],
    ['/nothing', 'application/json', /problem\+json/],
    ['/api/nothing', 'text/html,*/*;q=0.8', /problem\+json/],
    ['/api/articles/nope', 'text/html', /problem\+json/],
  ])('unknown page %s with Accept %s: 404 as %s', async (p, accept, type) => {
    const res = await fetch(app.url + p, { headers: { accept } });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(type);
    const body = await res.text();
    if (String(type).includes('html')) expect(body.toLowerCase()).toContain('<!doctype html>');
    else expect(JSON.parse(body).status).toBe(404);
  });

  it('answers a browser POST to an unknown page with problem+json, not the UI', async () => {
    const res = await fetch(app.url + '/nothing', { method: 'POST', headers: { accept: 'text/html' } });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/problem\+json/);
  });

  it.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E%2Fsecret.txt',
    '/js/..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/fonts/noto-naskh-arabic/../../../../package.json',
    '/fonts/noto-naskh-arabic/%2e%2e/%2e%2e/%2e%2e/%2e%2e/package.json',
    '/fonts/noto-naskh-arabic/..%2f..%2f..%2f..%2fpackage.json',
    '/index.html%00.txt',
    '//etc/passwd',
  ])('refuses path traversal %s with a 4xx and no file content', async (target) => {
    const res = await rawGet(app.url, target);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.body).not.toContain('SECRET');
    expect(res.body).not.toContain('"dependencies"');
    expect(res.body).not.toContain('root:');
  });
});
