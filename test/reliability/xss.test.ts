/**
 * XSS: HTML and script in article fields and in queries are inert.
 *  - API: `snippet`, `titleHtml`, `bodyHtml` hold no markup but <mark>…</mark>, whatever the article
 *    text or the query holds; text fields come back exactly as stored (JSON, escaped by the client).
 *  - UI (headless Chromium): search results, the article page and the author page show the payloads
 *    as text; no dialog opens and nothing sets window.__xss — also with the CSP bypassed, so the
 *    DOM code itself is proven safe rather than rescued by the policy.
 * Chromium missing → the UI part is skipped with a loud warning, unless FAHRAS_REQUIRE_BROWSER=1.
 */
import { existsSync } from 'node:fs';
import { pino } from 'pino';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/server/start.ts';
import { uniqueWord } from '../helpers/articles.ts';
import { KEY } from '../helpers/child-server.ts';
import { getJson } from '../helpers/http.ts';
import { rmDir, tempDir } from '../helpers/index-images.ts';
import { hostileArticle, tagsOtherThanMark, XSS_PAYLOADS } from '../helpers/xss-payloads.ts';

const CHROMIUM = '/usr/bin/chromium';
const HAS_BROWSER = existsSync(CHROMIUM);
const REQUIRE_BROWSER = process.env.FAHRAS_REQUIRE_BROWSER === '1';
if (!HAS_BROWSER && !REQUIRE_BROWSER) console.warn(`!!! [reliability] XSS UI tests SKIPPED: ${CHROMIUM} not found (apt-get install -y chromium; FAHRAS_REQUIRE_BROWSER=1 makes this a failure)`);

const N = XSS_PAYLOADS.length;
const articles = Array.from({ length: N }, (_, i) => hostileArticle(`xss-${i}`, uniqueWord(100 + i), i));
let server: RunningServer;
let dir: string;

beforeAll(async () => {
  dir = tempDir();
  server = await startServer({ indexDir: dir, port: 0, apiKeys: [KEY], logger: pino({ level: 'silent' }), rateLimit: false });
  const res = await fetch(`${server.url}/api/articles`, { method: 'POST', headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' }, body: JSON.stringify(articles) });
  expect(res.status).toBe(201);
});
afterAll(async () => {
  await server?.close();
  rmDir(dir);
});

describe('XSS in the API', () => {
  const queries = [
    ...XSS_PAYLOADS.map((p) => `${p} ${uniqueWord(100)}`),
    'script', 'img onerror', 'mark', '"<mark>"', 'window', 'alert', `${uniqueWord(101)} "<b>مصدر</b>"`, 'عنوان',
  ];
  it.each(queries)('search %j: snippets and titles carry only <mark>', async (q) => {
    const r = await getJson(`${server.url}/api/search?q=${encodeURIComponent(q)}&size=50`);
    expect(r.status).toBeLessThan(500);
    if (r.status !== 200) return;
    for (const h of r.body.hits as { snippet: string; titleHtml?: string; id: string }[]) {
      expect(tagsOtherThanMark(h.snippet), `${h.id} snippet`).toEqual([]);
      expect(tagsOtherThanMark(h.titleHtml ?? ''), `${h.id} titleHtml`).toEqual([]);
    }
  });

  it.each(articles.map((a, i) => [a.id, i] as const))('GET /api/articles/%s?q=…: titleHtml/bodyHtml carry only <mark>, fields come back as stored', async (id, i) => {
    for (const q of ['', `${uniqueWord(100 + i)} script img`, XSS_PAYLOADS[i]!]) {
      const r = await getJson(`${server.url}/api/articles/${id}?q=${encodeURIComponent(q)}`);
      expect(r.status).toBe(200);
      expect(tagsOtherThanMark(r.body.titleHtml), 'titleHtml').toEqual([]);
      expect(tagsOtherThanMark(r.body.bodyHtml), 'bodyHtml').toEqual([]);
      expect(r.body.article.title).toBe(articles[i]!.title);
      expect(r.body.article.author).toBe(articles[i]!.author);
    }
  });

  it('a query made of markup is echoed only as JSON text, and errors are JSON, not HTML', async () => {
    const r = await fetch(`${server.url}/api/search?q=${encodeURIComponent('<script>alert(1)</script>((')}`);
    expect(r.headers.get('content-type')).toMatch(/json/);
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe.skipIf(!HAS_BROWSER && !REQUIRE_BROWSER)('XSS in the UI (headless Chromium)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const bypassCSP of [false, true]) {
    it(`search, article and author pages show the payloads as text${bypassCSP ? ' (CSP bypassed)' : ''}`, async () => {
      const context = await browser.newContext({ bypassCSP, locale: 'ar' });
      const page = await context.newPage();
      const dialogs: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      try {
        const visits = [
          `/search?q=${encodeURIComponent(uniqueWord(100) + ' OR ' + uniqueWord(101) + ' OR ' + uniqueWord(102))}`,
          `/search?q=${encodeURIComponent(XSS_PAYLOADS[0]!)}`,
          `/search?q=${encodeURIComponent('عنوان')}`,
          `/article/xss-1?q=${encodeURIComponent(uniqueWord(101))}`,
          `/article/xss-7?q=${encodeURIComponent(XSS_PAYLOADS[7]!)}`,
          `/author/${encodeURIComponent(articles[0]!.author)}`,
          `/article/${encodeURIComponent('<img src=x onerror=window.__xss=50>')}`,
        ];
        for (const v of visits) {
          await page.goto(server.url + v, { waitUntil: 'networkidle' });
          await page.waitForTimeout(100); // let any injected handler fire
          const state = await page.evaluate(() => ({
            xss: (window as unknown as { __xss?: unknown }).__xss,
            injected: document.querySelectorAll('main img[onerror], main svg[onload], main iframe, main script, main [onmouseover], main details[ontoggle], main a[href^="javascript:"]').length,
            marks: Array.from(document.querySelectorAll("mark") as ArrayLike<Element>).filter((m) => m.attributes.length > 0).length,
            text: document.body.innerText,
          }));
          expect({ visit: v, xss: state.xss, injected: state.injected, markAttrs: state.marks }).toEqual({ visit: v, xss: undefined, injected: 0, markAttrs: 0 });
          if (v.startsWith('/search?q=%D8') || v.startsWith('/article/xss-1')) {
            // The payload is on screen as literal text.
            expect(state.text).toMatch(/<img src=x onerror|<svg onload|<script>/);
          }
        }
        expect(dialogs).toEqual([]);
      } finally {
        await context.close();
      }
    }, 120_000);
  }
});
