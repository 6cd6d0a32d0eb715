/**
 * End-to-end tests of the web UI in real Chromium against the real server and a real index
 * (sample archive + fixtures from ./fixtures.ts). Skipped with a loud warning when Chromium is
 * missing, except under FAHRAS_REQUIRE_BROWSER=1 (CI), where that is a failure.
 */
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { FIXTURE_AUTHOR, FIXTURE_WORD, XSS_ID, XSS_TITLE } from './fixtures.ts';
import { CHROMIUM, HAS_BROWSER, HAS_SAMPLE, openPage, REQUIRE_BROWSER, startUiEnv, warnIfNoBrowser, type PageWatch, type UiEnv } from './harness.ts';

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
    await go(w, env, `/search?q=${encodeURIComponent('تحذير')}`);
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
    await w.page.locator('.meta__author').hover();
    await w.page.waitForTimeout(100);
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

  it('offers "did you mean" when nothing is found, and designed error states', async () => {
    const w = await fresh();
    await go(w, env, `/search?q=${encodeURIComponent('الملاخة')}`);
    expect(await w.page.locator('.state--empty').count()).toBe(1);
    const dym = w.page.locator('.did-you-mean a');
    expect(await dym.count()).toBe(1);
    await dym.click();
    await settled(w.page);
    expect(await w.page.locator('.hit').count()).toBeGreaterThan(0);

    await go(w, env, '/article/no-such-article');
    expect(await w.page.locator('h1').textContent()).toBe('لم نجد هذا المقال');
    await go(w, env, `/author/${encodeURIComponent('لا أحد بهذا الاسم')}`);
    expect(await w.page.locator('h1').textContent()).toBe('لم نجد هذا الكاتب');
  });

  const AXE_PAGES = ['/', `/search?q=${encodeURIComponent(FIXTURE_WORD)}&author=${encodeURIComponent(FIXTURE_AUTHOR)}`, '/article/ui-writer-03?q=' + encodeURIComponent(FIXTURE_WORD), `/author/${encodeURIComponent(FIXTURE_AUTHOR)}`, `/search?q=${encodeURIComponent('الملاخة')}`];
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`has no serious or critical axe violations (${colorScheme}, 1280 and 360 px)`, async () => {
      const problems: string[] = [];
      for (const width of [1280, 360]) {
        // axe is injected as a script: only these pages bypass the CSP to let it in.
        const w = await fresh({ colorScheme, width, bypassCSP: true });
        for (const p of AXE_PAGES) {
          await go(w, env, p);
          for (const v of await seriousAxeViolations(w.page)) problems.push(`${width}px ${decodeURIComponent(p)}: ${v}`);
        }
        await w.context.close();
      }
      expect(problems).toEqual([]);
    });
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
});
