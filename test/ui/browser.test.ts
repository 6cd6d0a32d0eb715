/**
 * End-to-end tests of the web UI in real Chromium against the real server and a real index
 * (sample archive + fixtures from ./fixtures.ts). Skipped with a loud warning when Chromium is
 * missing, except under FAHRAS_REQUIRE_BROWSER=1 (CI), where that is a failure.
 */
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { FIXTURE_AUTHOR, FIXTURE_WORD, hostileArticle, UNFINDABLE, XSS_ID, XSS_TITLE, XSS_WORD } from './fixtures.ts';
import { CHROMIUM, HAS_BROWSER, HAS_SAMPLE, openPage, REQUIRE_BROWSER, SCREENSHOT_DIR, startUiEnv, PUBLIC_DIR, warnIfNoBrowser, type PageWatch, type UiEnv } from './harness.ts';

warnIfNoBrowser();
if (HAS_BROWSER && !HAS_SAMPLE) console.warn('!! UI test of the sample archive skipped: index-data/sample/ is missing');

describe.runIf(!HAS_BROWSER && REQUIRE_BROWSER)('browser required', () => {
  it('finds Chromium', () => {
    throw new Error(`FAHRAS_REQUIRE_BROWSER=1 but ${CHROMIUM} does not exist: install it with apt-get install -y chromium`);
  });
});

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Waits until the view for the current URL has rendered. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getElementById('main')?.dataset.state === 'ready');
}

async function go(w: PageWatch, env: UiEnv, path: string): Promise<void> {
  await w.page.goto(env.url + path);
  await settled(w.page);
}

/**
 * Imports a UI module in the page and exposes it as globalThis.__mod. The import is passed as a
 * string: vite would otherwise rewrite an import() written inside an evaluate callback.
 */
async function loadModule(page: Page, src: string): Promise<void> {
  await page.evaluate(`import(${JSON.stringify(src)}).then((m) => { globalThis.__mod = m; })`);
}

const param = (page: Page, name: string) => new URL(page.url()).searchParams.get(name);
const params = (page: Page, name: string) => new URL(page.url()).searchParams.getAll(name);

async function seriousAxeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE_PATH });
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(ctx: Document): Promise<{ violations: { id: string; impact?: string; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run(document);
    return result.violations.map((v) => ({ id: v.id, impact: v.impact ?? '', help: v.help, targets: v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)) }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.targets.join(', ')}`);
}

describe.skipIf(!HAS_BROWSER)('web UI in Chromium', () => {
  let env: UiEnv;
  const watches: PageWatch[] = [];
  const fresh = async (opts?: Parameters<typeof openPage>[1]) => {
    const w = await openPage(env, opts);
    watches.push(w);
    return w;
  };

  beforeAll(async () => {
    env = await startUiEnv();
  });

  afterAll(async () => {
    for (const w of watches) await w.context.close().catch(() => {});
    await env?.close();
  });

  it('serves the page with its security headers and no inline script or style', async () => {
    const res = await fetch(`${env.url}/search?q=x`);
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    const html = await res.text();
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline scripts
    expect(html).not.toMatch(/\sstyle=|<style|\son[a-z]+=/i);
  });

  // The bundled sample archive has articles spelled «عُمان» (with a damma).
  it.skipIf(!HAS_SAMPLE)('searching عمان finds the sample article spelled عُمان and marks the word', async () => {
    const w = await fresh();
    await go(w, env, '/');
    const box = w.page.locator('#q');
    await box.click();
    await box.pressSequentially('عمان', { delay: 30 });
    await box.press('Enter'); // no suggestion highlighted: Enter searches the words as typed
    await w.page.waitForURL((u) => u.pathname === '/search');
    await settled(w.page);
    expect(param(w.page, 'q')).toBe('عمان');
    const marks = await w.page.locator('.hit mark').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.some((m) => m.includes('عُمان'))).toBe(true);
    expect(await w.page.locator('.results-header__summary').textContent()).toMatch(/نتيج/);
    expect(w.errors).toEqual([]);
  });

  it('suggests as you type, with arrows, Escape and Enter on the combobox', async () => {
    const w = await fresh();
    await go(w, env, '/');
    const box = w.page.locator('#q');
    const list = w.page.locator('#suggestions');
    await box.click();
    await box.pressSequentially('المل', { delay: 30 });
    await expect.poll(() => list.isVisible()).toBe(true);
    expect(await box.getAttribute('aria-expanded')).toBe('true');
    const options = list.locator('[role="option"]');
    expect(await options.count()).toBeGreaterThan(0);
    expect(await options.first().textContent()).toContain(FIXTURE_WORD);

    await box.press('ArrowDown');
    const active = await box.getAttribute('aria-activedescendant');
    expect(active).toBe('suggestion-0');
    expect(await w.page.locator('#suggestion-0').getAttribute('aria-selected')).toBe('true');
    await box.press('ArrowUp'); // wraps to the last option
    expect(await box.getAttribute('aria-activedescendant')).toBe(`suggestion-${(await options.count()) - 1}`);

    await box.press('Escape');
    expect(await list.isVisible()).toBe(false);
    expect(await box.getAttribute('aria-expanded')).toBe('false');
    expect(await box.inputValue()).toBe('المل');

    await box.press('ArrowDown'); // reopens
    await expect.poll(() => list.isVisible()).toBe(true);
    await box.press('ArrowDown');
    await box.press('Enter'); // the first suggestion is the word الملاحة: it completes and searches
    await w.page.waitForURL((u) => u.pathname === '/search');
    await settled(w.page);
    expect(param(w.page, 'q')).toBe(FIXTURE_WORD);
    expect(await w.page.locator('.hit').count()).toBeGreaterThan(0);
    expect(w.errors).toEqual([]);
  });

  it('takes an author suggestion to the author page and a column suggestion to a filtered search', async () => {
    const w = await fresh();
    await go(w, env, '/');
    const box = w.page.locator('#q');
    await box.click();
    await box.pressSequentially('سالم', { delay: 30 });
    const author = w.page.locator('#suggestions .suggestion--author');
    await expect.poll(() => author.count()).toBeGreaterThan(0);
    expect(await author.first().textContent()).toContain('كاتب');
    await author.first().click();
    await settled(w.page);
    expect(decodeURIComponent(new URL(w.page.url()).pathname)).toBe('/author/سالم بن راشد الحارثي');
    expect(await w.page.locator('.column-group').count()).toBeGreaterThan(0);

    await box.fill('');
    await box.pressSequentially('نقطة', { delay: 30 });
    const column = w.page.locator('#suggestions .suggestion--column');
    await expect.poll(() => column.count()).toBeGreaterThan(0);
    await box.press('ArrowDown'); // the column is the first suggestion
    expect(await w.page.locator('#suggestion-0').getAttribute('class')).toContain('suggestion--column');
    await box.press('Enter');
    await settled(w.page);
    expect(params(w.page, 'column')).toEqual(['نقطة ضوء']);
    expect(await w.page.locator('.chip', { hasText: 'نقطة ضوء' }).count()).toBe(1);
    expect(new Set(await w.page.locator('.hit .meta__column').allTextContents())).toEqual(new Set(['«نقطة ضوء»']));
  });

  it('filters by author with a facet; the chip removes the filter', async () => {
    const w = await fresh();
    await go(w, env, `/search?q=${encodeURIComponent(FIXTURE_WORD)}`);
    const totalBefore = await w.page.locator('.results-header__summary').textContent();
    await w.page.locator('#facet-author-list a', { hasText: FIXTURE_AUTHOR }).click();
    await settled(w.page);
    expect(params(w.page, 'author')).toEqual([FIXTURE_AUTHOR]);
    const chip = w.page.locator('.chip', { hasText: FIXTURE_AUTHOR });
    await expect.poll(() => chip.count()).toBe(1);
    const authors = await w.page.locator('.hit .meta__author').allTextContents();
    expect(authors.length).toBeGreaterThan(0);
    expect(new Set(authors)).toEqual(new Set([FIXTURE_AUTHOR]));
    expect(await w.page.locator('#facet-author-list a.is-on').count()).toBe(1);

    await chip.click();
    await settled(w.page);
    expect(params(w.page, 'author')).toEqual([]);
    expect(await w.page.locator('.chip').count()).toBe(0);
    expect(await w.page.locator('.results-header__summary').textContent()).toBe(totalBefore);
    expect(w.errors).toEqual([]);
  });

  it('filters by a date range typed in any digits, and rejects a malformed date', async () => {
    const w = await fresh();
    await go(w, env, `/search?q=${encodeURIComponent(FIXTURE_WORD)}`);
    await w.page.fill('#date-from', '٢٠٢٢/٣'); // Arabic-Indic digits and a slash
    await w.page.fill('#date-to', 'أمس');
    await w.page.click('.date-range button[type="submit"]');
    expect(await w.page.locator('#date-to').getAttribute('aria-invalid')).toBe('true');
    expect(await w.page.locator('#date-error').textContent()).toMatch(/سنة/);
    expect(param(w.page, 'from')).toBeNull();

    await w.page.fill('#date-to', '2022-12-31');
    await w.page.click('.date-range button[type="submit"]');
    await settled(w.page);
    expect(param(w.page, 'from')).toBe('2022-03');
    expect(param(w.page, 'to')).toBe('2022-12-31');
    expect(await w.page.locator('.chip').textContent()).toContain('٢٠٢٢-٠٣');
    const dates = await w.page.locator('.hit time').evaluateAll((els) => els.map((e) => e.getAttribute('datetime') ?? ''));
    expect(dates.length).toBeGreaterThan(0);
    for (const d of dates) expect(d >= '2022-03-01' && d <= '2022-12-31', d).toBe(true);

    // The chip removes the range; a year from the facet list sets one.
    await w.page.locator('.chip').click();
    await settled(w.page);
    expect([param(w.page, 'from'), param(w.page, 'to')]).toEqual([null, null]);
    await w.page.locator('.facet__list--years a', { hasText: '٢٠٢١' }).click();
    await settled(w.page);
    expect([param(w.page, 'from'), param(w.page, 'to')]).toEqual(['2021', '2021']);
    expect(await w.page.locator('.chip').textContent()).toContain('٢٠٢١');
  });

  it('shows an error with a retry when the server cannot be reached', async () => {
    const w = await fresh();
    await go(w, env, '/');
    await w.page.route('**/api/search?**', (route) => route.abort('connectionrefused'));
    await w.page.fill('#q', FIXTURE_WORD);
    await w.page.press('#q', 'Enter');
    await settled(w.page);
    expect(await w.page.locator('.state--error h1').textContent()).toBe('تعذّر الاتصال بالخادم');
    await w.page.unroute('**/api/search?**');
    await w.page.locator('.state--error button').click();
    await settled(w.page);
    expect(await w.page.locator('.hit').count()).toBeGreaterThan(0);
  });

  it('sorts by newest and oldest', async () => {
    const w = await fresh();
    await go(w, env, `/search?q=${encodeURIComponent(FIXTURE_WORD)}`);
    const dates = () => w.page.locator('.hit time').evaluateAll((els) => els.map((e) => e.getAttribute('datetime') ?? ''));
    for (const [sort, cmp] of [['newest', (a: string, b: string) => b.localeCompare(a)], ['oldest', (a: string, b: string) => a.localeCompare(b)]] as const) {
      await w.page.selectOption('#sort', sort);
      await settled(w.page);
      expect(param(w.page, 'sort')).toBe(sort);
      const got = await dates();
      expect(got.length).toBeGreaterThan(1);
      expect(got).toEqual([...got].sort(cmp));
    }
    await w.page.selectOption('#sort', 'relevance');
    await settled(w.page);
    expect(param(w.page, 'sort')).toBeNull();
    // From the keyboard: each arrow re-sorts and focus stays on the control.
    await w.page.focus('#sort');
    await w.page.keyboard.press('ArrowDown');
    await settled(w.page);
    expect(param(w.page, 'sort')).toBe('newest');
    expect(await w.page.evaluate(() => document.activeElement?.id)).toBe('sort');
    await w.page.keyboard.press('ArrowDown');
    await settled(w.page);
    expect(param(w.page, 'sort')).toBe('oldest');
  });

  it('goes to page 2 and back with the browser buttons', async () => {
    const w = await fresh();
    await go(w, env, `/search?q=${encodeURIComponent(FIXTURE_WORD)}`);
    const firstPage = await w.page.locator('.hit__title').allTextContents();
    expect(firstPage.length).toBe(10);
    await w.page.locator('.pager a[aria-label="الصفحة ٢"]').click();
    await settled(w.page);
    expect(param(w.page, 'page')).toBe('2');
    expect(await w.page.locator('ol.hits').getAttribute('start')).toBe('11');
    expect(await w.page.locator('.pager [aria-current="page"]').textContent()).toContain('٢');
    const secondPage = await w.page.locator('.hit__title').allTextContents();
    expect(secondPage.length).toBeGreaterThan(0);
    expect(secondPage.filter((t) => firstPage.includes(t))).toEqual([]);
    await w.page.goBack();
    await settled(w.page);
    expect(param(w.page, 'page')).toBeNull();
    expect(await w.page.locator('.hit__title').allTextContents()).toEqual(firstPage);
    await w.page.goForward();
    await settled(w.page);
    expect(param(w.page, 'page')).toBe('2');
    // A page past the end (an old shared link) says so and links back to page 1.
    await go(w, env, `/search?q=${encodeURIComponent(FIXTURE_WORD)}&page=9`);
    expect(await w.page.locator('.hit').count()).toBe(0);
    await w.page.locator('.results .notice a').click();
    await settled(w.page);
    expect(param(w.page, 'page')).toBeNull();
    expect(await w.page.locator('.hit').count()).toBe(10);
  });

  it('opens an article, then a related one; back restores the article and the results', async () => {
    const w = await fresh();
    const resultsPath = `/search?q=${encodeURIComponent(FIXTURE_WORD)}&sort=newest`;
    await go(w, env, resultsPath);
    await w.page.evaluate(() => window.scrollTo(0, 400));
    const scrolled = await w.page.evaluate(() => window.scrollY);
    const titles = await w.page.locator('.hit__title').allTextContents();
    const first = w.page.locator('.hit__title a').nth(2);
    const title = (await first.textContent())!.trim();
    await first.click();
    await settled(w.page);
    expect(new URL(w.page.url()).pathname).toMatch(/^\/article\//);
    expect(param(w.page, 'q')).toBe(FIXTURE_WORD);
    expect((await w.page.locator('h1').textContent())!.trim()).toBe(title);
    expect(await w.page.locator('.article__body mark').count()).toBeGreaterThan(0);
    expect(await w.page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    const original = w.page.locator('.original-link');
    expect(await original.getAttribute('href')).toMatch(/^https:\/\/example\.org\/ui\/\d+$/);
    expect(await original.getAttribute('rel')).toContain('noopener');
    const back = w.page.locator('.article__back a');
    expect(await back.getAttribute('href')).toBe(resultsPath);

    const related = w.page.locator('.related__title');
    expect(await related.count()).toBeGreaterThan(0);
    const relatedTitle = (await related.first().textContent())!.trim();
    await related.first().click();
    await settled(w.page);
    expect((await w.page.locator('h1').textContent())!.trim()).toBe(relatedTitle);

    await w.page.goBack();
    await settled(w.page);
    expect((await w.page.locator('h1').textContent())!.trim()).toBe(title);
    await w.page.goBack();
    await settled(w.page);
    expect(new URL(w.page.url()).pathname + new URL(w.page.url()).search).toBe(resultsPath);
    expect(await w.page.locator('.hit__title').allTextContents()).toEqual(titles);
    expect(await w.page.evaluate(() => window.scrollY)).toBe(scrolled);
    expect(await w.page.locator('#q').inputValue()).toBe(FIXTURE_WORD);
    expect(w.errors).toEqual([]);
  });

  it('shows markup in the data as text and runs none of it', async () => {
    const w = await fresh();
    await go(w, env, `/search?q=${encodeURIComponent(XSS_WORD)}`);
    const hitTitle = w.page.locator('.hit__title').first();
    expect((await hitTitle.textContent())!.trim()).toBe(XSS_TITLE);
    await go(w, env, `/article/${XSS_ID}?q=${encodeURIComponent('الملاحة')}`);
    expect((await w.page.locator('h1').textContent())!.trim()).toBe(XSS_TITLE);
    const body = (await w.page.locator('.article__body').textContent()) ?? '';
    expect(body).toContain('<script>alert(1)</script>');
    expect(body).toContain('<img src=x onerror=alert(1)>');
    expect(body).toContain('<b onmouseover=alert(1)>');
    expect(body).toContain('&amp;'); // the stored text «&amp;» is shown as typed
    expect(await w.page.locator('.article__body mark').allTextContents()).toContain('الملاحة');
    expect(await w.page.locator('.tag-list').textContent()).toContain('<script>alert(2)</script>');
    // Nothing from the data became an element; the javascript: URL is not a link.
    const injected = await w.page.evaluate(() => document.querySelectorAll('main script, main img, main svg:not(.icon), main iframe, main b, main i, [onerror], [onload], [onmouseover]').length);
    expect(injected).toBe(0);
    expect(await w.page.locator('a[href^="javascript:"]').count()).toBe(0);
    expect(await w.page.locator('.original-link').count()).toBe(0);
    await w.page.locator('.article__meta .meta__author').hover();
    await w.page.locator('.article__meta .meta__author').click(); // the hostile byline's own page
    await settled(w.page);
    expect((await w.page.locator('h1').textContent())!.trim()).toBe(hostileArticle().author);
    expect((await w.page.locator('.hit__title').first().textContent())!.trim()).toBe(XSS_TITLE);
    expect(await w.page.evaluate(() => document.querySelectorAll('main script, main img, main iframe, main i, [onload], [onerror]').length)).toBe(0);
    expect(w.dialogs).toEqual([]);
    expect(w.errors).toEqual([]);
  });

  it('shows the author page grouped by column, newest first, with a search inside', async () => {
    const w = await fresh();
    await go(w, env, `/author/${encodeURIComponent(FIXTURE_AUTHOR)}`);
    expect((await w.page.locator('h1').textContent())!.trim()).toBe(FIXTURE_AUTHOR);
    const groups = w.page.locator('.column-group');
    expect(await groups.count()).toBe(2);
    for (let i = 0; i < 2; i++) {
      const dates = await groups.nth(i).locator('time').evaluateAll((els) => els.map((e) => e.getAttribute('datetime') ?? ''));
      expect(dates).toEqual([...dates].sort().reverse());
    }
    await w.page.fill('#author-q', 'الصيادون');
    await w.page.press('#author-q', 'Enter');
    await settled(w.page);
    expect(param(w.page, 'q')).toBe('الصيادون');
    const marks = await w.page.locator('.hit mark').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    expect(w.errors).toEqual([]);
  });

  it('offers "did you mean" above typo-tolerant results, and designed no-result and error states', async () => {
    const w = await fresh();
    // A misspelling is read as its closest frequent word: results, with the spelling offered above.
    await go(w, env, `/search?q=${encodeURIComponent('الملاخة')}`);
    expect(await w.page.locator('.state--empty').count()).toBe(0);
    expect(await w.page.locator('.hit').count()).toBeGreaterThan(0);
    const dym = w.page.locator('.results .did-you-mean a');
    expect(await dym.count()).toBe(1);
    expect(await dym.textContent()).toBe(FIXTURE_WORD); // as the articles spell it (ة, not ه)
    await dym.click();
    await settled(w.page);
    expect(await w.page.locator('.hit').count()).toBeGreaterThan(0);
    expect(await w.page.locator('.did-you-mean').count()).toBe(0);

    // A word nothing resembles: the designed no-result state, with no suggestion to offer.
    await go(w, env, `/search?q=${encodeURIComponent(UNFINDABLE)}`);
    expect(await w.page.locator('.state--empty').count()).toBe(1);
    expect(await w.page.locator('.state--empty .state__title').textContent()).toContain('لم نجد مقالات تطابق');
    expect(await w.page.locator('.hit').count()).toBe(0);
    expect(await w.page.locator('.did-you-mean').count()).toBe(0);

    // Not every word found: the best partial matches, said plainly.
    await go(w, env, `/search?q=${encodeURIComponent(`${FIXTURE_WORD} زيزفونات`)}`);
    expect(await w.page.locator('.results .notice').textContent()).toContain('أقرب النتائج');
    expect(await w.page.locator('.hit').count()).toBeGreaterThan(0);

    await go(w, env, '/article/no-such-article');
    expect(await w.page.locator('h1').textContent()).toBe('لم نجد هذا المقال');
    await go(w, env, `/author/${encodeURIComponent('لا أحد بهذا الاسم')}`);
    expect(await w.page.locator('h1').textContent()).toBe('لم نجد هذا الكاتب');
  });

  const AXE_PAGES = ['/', `/search?q=${encodeURIComponent(FIXTURE_WORD)}&author=${encodeURIComponent(FIXTURE_AUTHOR)}`, '/article/ui-writer-03?q=' + encodeURIComponent(FIXTURE_WORD), `/author/${encodeURIComponent(FIXTURE_AUTHOR)}`, `/search?q=${encodeURIComponent('الملاخة')}`, `/search?q=${encodeURIComponent(UNFINDABLE)}`];
  // Dark mode changes colours only, so one width is enough to check its contrast.
  for (const [colorScheme, widths] of [['light', [1280, 360]], ['dark', [1280]]] as const) {
    it(`has no serious or critical axe violations (${colorScheme}, ${widths.join(' and ')} px)`, async () => {
      const problems: string[] = [];
      for (const width of widths) {
        // axe is injected as a script: only these pages bypass the CSP to let it in.
        const w = await fresh({ colorScheme, width, bypassCSP: true });
        for (const p of AXE_PAGES) {
          await go(w, env, p);
          for (const v of await seriousAxeViolations(w.page)) problems.push(`${width}px ${decodeURIComponent(p)}: ${v}`);
        }
        await w.context.close();
      }
      expect(problems).toEqual([]);
    }, 240_000);
  }

  it('fits 360 px without horizontal scrolling', async () => {
    const w = await fresh({ width: 360, height: 740 });
    for (const p of ['/', `/search?q=${encodeURIComponent(FIXTURE_WORD)}`, `/article/${XSS_ID}`, `/author/${encodeURIComponent(FIXTURE_AUTHOR)}`]) {
      await go(w, env, p);
      const { scroll, client } = await w.page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      expect(scroll, p).toBeLessThanOrEqual(client);
    }
    // The filters fold away behind a button on narrow screens.
    await go(w, env, `/search?q=${encodeURIComponent(FIXTURE_WORD)}`);
    expect(await w.page.locator('#filters-body').isVisible()).toBe(false);
    await w.page.locator('.filters__toggle').click();
    expect(await w.page.locator('#filters-body').isVisible()).toBe(true);
  });

  it('can be used from the keyboard: skip link, visible focus', async () => {
    const w = await fresh();
    await go(w, env, '/');
    await w.page.keyboard.press('Tab');
    expect(await w.page.evaluate(() => document.activeElement?.className)).toBe('skip-link');
    const outline = await w.page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
    await w.page.keyboard.press('Enter');
    expect(await w.page.evaluate(() => document.activeElement?.id)).toBe('main');
  });
  it('renders marked HTML from the API as text and <mark> only (table)', async () => {
    const w = await fresh();
    await go(w, env, '/');
    const cases: [string, { text: string; marked: boolean }[]][] = [
      ['plain', [{ text: 'plain', marked: false }]],
      ['a <mark>عُمان</mark> b', [{ text: 'a ', marked: false }, { text: 'عُمان', marked: true }, { text: ' b', marked: false }]],
      ['&lt;script&gt;alert(1)&lt;/script&gt;', [{ text: '<script>alert(1)</script>', marked: false }]],
      ['<script>alert(1)</script>', [{ text: '<script>alert(1)</script>', marked: false }]],
      ['<mark onclick=x>a</mark>', [{ text: '<mark onclick=x>a', marked: false }]],
      ['<MARK>a</MARK>', [{ text: '<MARK>a</MARK>', marked: false }]],
      ['&amp;lt; &#39;q&#39; &#x27;r&#x27; &quot;s&quot; &bogus; &#0; &#xD800;', [{ text: "&lt; 'q' 'r' \"s\" &bogus; &#0; &#xD800;", marked: false }]],
      ['<mark>open', [{ text: 'open', marked: true }]],
      ['</mark>x<mark></mark>', [{ text: 'x', marked: false }]],
    ];
    await loadModule(w.page, '/js/sanitize.js');
    const got = await w.page.evaluate((inputs) => {
      const m = (globalThis as unknown as { __mod: { markedText(h: string): Node; parseMarked(h: string): unknown } }).__mod;
      return inputs.map((html: string) => {
        const holder = document.createElement('p');
        holder.append(m.markedText(html));
        return { segments: m.parseMarked(html), elements: Array.from(holder.querySelectorAll('*'), (e) => e.tagName) };
      });
    }, cases.map(([html]) => html));
    got.forEach((g: { segments: unknown; elements: string[] }, i: number) => {
      expect(g.segments, cases[i]![0]).toEqual(cases[i]![1]);
      expect(g.elements.every((t) => t === 'MARK'), cases[i]![0]).toBe(true);
    });
    const urls = await w.page.evaluate(() => {
      const m = (globalThis as unknown as { __mod: { safeExternalUrl(u: string): string | null } }).__mod;
      return ['https://a.example/x?y=1', 'http://b.example', 'javascript:alert(1)', ' JAVASCRIPT:alert(1)', 'data:text/html,x', '/relative', '', 'vbscript:x'].map((u) => m.safeExternalUrl(u));
    });
    expect(urls).toEqual(['https://a.example/x?y=1', 'http://b.example/', null, null, null, null, null, null]);
  });

  it('formats Arabic numbers, dates and counted nouns (table)', async () => {
    const w = await fresh();
    await go(w, env, '/');
    await loadModule(w.page, '/js/format.js');
    const got = await w.page.evaluate(() => {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const f = (globalThis as unknown as { __mod: any }).__mod;
      return {
        dates: ['2023-12-12', '2023-12', '2023', '2024-02-29', 'أواخر القرن', ''].map((d) => f.formatDate(d)),
        results: [0, 1, 2, 3, 10, 11, 99, 100, 101].map((n) => f.countPhrase(n, f.COUNTS.results)),
        papers: [1, 2, 3, 11].map((n) => f.countPhrase(n, f.COUNTS.otherPapers)),
        digits: [f.toAsciiDigits('٢٠٢٣-۱۲'), f.toArabicDigits('2023-12')],
        seconds: [f.formatSeconds(12.4), f.formatSeconds(1500)],
      };
    });
    expect(got.dates).toEqual(['١٢ ديسمبر ٢٠٢٣', 'ديسمبر ٢٠٢٣', '٢٠٢٣', '٢٩ فبراير ٢٠٢٤', 'أواخر القرن', '']);
    expect(got.results).toEqual(['لا نتائج', 'نتيجة واحدة', 'نتيجتان', '٣ نتائج', '١٠ نتائج', '١١ نتيجة', '٩٩ نتيجة', '١٠٠ نتيجة', '١٠١ نتيجة']);
    expect(got.papers).toEqual(['منشور أيضاً في صحيفة أخرى', 'منشور أيضاً في صحيفتين أخريين', 'منشور أيضاً في ٣ صحف أخرى', 'منشور أيضاً في ١١ صحيفة أخرى']);
    expect(got.digits).toEqual(['2023-12', '٢٠٢٣-١٢']);
    expect(got.seconds).toEqual(['٠٫٠١ ثانية', '١٫٥ ثانية']);
  });

  it('keeps every screen in the URL (table of routes)', async () => {
    const w = await fresh();
    await go(w, env, '/');
    await loadModule(w.page, '/js/state.js');
    const got = await w.page.evaluate(() => {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const s = (globalThis as unknown as { __mod: any }).__mod;
      const route = (u: string) => { const url = new URL(u, 'http://x'); return s.parseRoute({ pathname: url.pathname, search: url.search }); };
      const state = { q: 'عمان', filters: { author: ['أ', 'ب'], from: '2020', to: '2023-12' }, sort: 'newest', page: 3 };
      return {
        roundTrip: route(s.searchUrl(state)),
        defaults: s.searchUrl({ q: 'x' }),
        badPage: route('/search?q=a&page=-4&sort=bogus'),
        article: route(s.articleUrl('id/with slash', 'ق')),
        author: route(s.authorUrl('سلمى الراشد', { q: 'بحر', page: 2 })),
        home: route('/'),
        toggledOff: s.toggleFilter(state, 'author', 'أ'),
        toggledOn: s.toggleFilter({ q: '', filters: {}, page: 4 }, 'column', 'ج'),
      };
    });
    expect(got.roundTrip).toEqual({ name: 'search', q: 'عمان', filters: { author: ['أ', 'ب'], from: '2020', to: '2023-12' }, sort: 'newest', page: 3 });
    expect(got.defaults).toBe('/search?q=x');
    expect(got.badPage).toMatchObject({ name: 'search', q: 'a', sort: 'relevance', page: 1 });
    expect(got.article).toEqual({ name: 'article', id: 'id/with slash', q: 'ق' });
    expect(got.author).toEqual({ name: 'author', author: 'سلمى الراشد', q: 'بحر', page: 2 });
    expect(got.home).toEqual({ name: 'home', q: '' });
    expect(got.toggledOff.filters.author).toEqual(['ب']);
    expect(got.toggledOff.page).toBe(1);
    expect(got.toggledOn).toEqual({ q: '', filters: { column: ['ج'] }, page: 1 });
  });

  it('stays within the size budget: JS + CSS under 100 KB before fonts', async () => {
    // Every .js/.css in public/ counts, loaded or not (the page loads all of them).
    const files = readdirSync(PUBLIC_DIR, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(js|css)$/.test(f));
    const total = files.reduce((n, f) => n + statSync(path.join(PUBLIC_DIR, f)).size, 0);
    console.info(`UI size: ${files.length} files, ${(total / 1024).toFixed(1)} KB of JS+CSS (uncompressed, before fonts)`);
    expect(files.length).toBeGreaterThan(5);
    expect(total).toBeLessThan(100 * 1024);
    // And the page really uses them all: every module and stylesheet is requested.
    const w = await fresh();
    const requested = new Set<string>();
    w.page.on('request', (r) => requested.add(new URL(r.url()).pathname));
    await go(w, env, `/search?q=${encodeURIComponent(FIXTURE_WORD)}`);
    expect(files.map((f) => `/${f.split(path.sep).join('/')}`).filter((f) => !requested.has(f))).toEqual([]);
  });

  it('saves screenshots of the main screens (1280/360 px, light/dark) into screenshots/', async () => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const screens: [string, string][] = [
      ['home', '/'],
      ['results', `/search?q=${encodeURIComponent(HAS_SAMPLE ? 'عمان' : FIXTURE_WORD)}`],
      ['results-filtered', `/search?q=${encodeURIComponent(FIXTURE_WORD)}&author=${encodeURIComponent(FIXTURE_AUTHOR)}&sort=newest`],
      ['article', `/article/ui-writer-03?q=${encodeURIComponent(FIXTURE_WORD)}`],
      ['author', `/author/${encodeURIComponent(FIXTURE_AUTHOR)}`],
      ['no-results', `/search?q=${encodeURIComponent(UNFINDABLE)}`],
      ['did-you-mean', `/search?q=${encodeURIComponent('الملاخة')}`],
    ];
    let saved = 0;
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const width of [1280, 360]) {
        const w = await fresh({ colorScheme, width, height: width > 400 ? 900 : 780 });
        for (const [name, p] of screens) {
          await go(w, env, p);
          await w.page.evaluate(() => document.fonts.ready);
          await w.page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}-${width}-${colorScheme}.png`), fullPage: true });
          saved++;
        }
        expect(w.errors).toEqual([]);
        await w.context.close();
      }
    }
    expect(saved).toBe(screens.length * 4);
  }, 240_000);
});
