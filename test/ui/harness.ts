/**
 * Everything a UI test needs: a real index in a temp folder (the bundled sample archive, the
 * writer fixtures and the hostile article), the real server on port 0, and real Chromium.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ingestPaths } from '../../src/ingest/ingest.ts';
import { startServer } from '../../src/server/start.ts';
import { ArchiveStore } from '../../src/store/archive-store.ts';
import { hostileArticle, writerArticles } from './fixtures.ts';

/** The browser; FAHRAS_CHROMIUM points elsewhere (e.g. /usr/bin/chromium-browser). */
export const CHROMIUM = process.env.FAHRAS_CHROMIUM || '/usr/bin/chromium';
export const HAS_BROWSER = existsSync(CHROMIUM);
export const REQUIRE_BROWSER = process.env.FAHRAS_REQUIRE_BROWSER === '1';
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const PUBLIC_DIR = path.join(ROOT, 'public');
export const SAMPLE_DIR = path.join(ROOT, 'index-data/sample');
export const HAS_SAMPLE = existsSync(SAMPLE_DIR);
export const SCREENSHOT_DIR = path.join(ROOT, 'screenshots');

const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];

export function warnIfNoBrowser(): void {
  if (HAS_BROWSER) return;
  const line = '!'.repeat(78);
  const what = REQUIRE_BROWSER ? 'UI TESTS FAIL (FAHRAS_REQUIRE_BROWSER=1)' : 'UI TESTS SKIPPED';
  console.warn(`\n${line}\n!! ${what}: ${CHROMIUM} not found. Install it: apt-get install -y chromium\n${line}\n`);
}

export interface UiEnv {
  url: string;
  browser: Browser;
  /** Temp folders to remove at the end. */
  dirs: string[];
  close(): Promise<void>;
}

/** Builds the index, starts the server and the browser. */
export async function startUiEnv(): Promise<UiEnv> {
  const indexDir = mkdtempSync(path.join(tmpdir(), 'fahras-ui-index-'));
  const store = await ArchiveStore.open(indexDir);
  if (existsSync(SAMPLE_DIR)) await ingestPaths(store, [SAMPLE_DIR]);
  await store.put([...writerArticles(), hostileArticle()]);
  await store.close();
  const server = await startServer({ indexDir, port: 0, logger: pino({ level: 'silent' }), rateLimit: false, apiKeys: [] });
  // Playwright gives every launch a fresh temporary --user-data-dir of its own.
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  return {
    url: server.url.replace(/\/$/, ''),
    browser,
    dirs: [indexDir],
    async close() {
      await browser.close().catch(() => {});
      await server.close();
      rmSync(indexDir, { recursive: true, force: true });
    },
  };
}

export interface PageWatch {
  page: Page;
  context: BrowserContext;
  /** Dialogs (alert/confirm/prompt) that opened: must stay empty. */
  dialogs: string[];
  /** Uncaught page errors and console errors (CSP violations land here). */
  errors: string[];
}

/** A fresh page that records dialogs, uncaught errors and console errors. */
export async function openPage(env: UiEnv, opts: { width?: number; height?: number; colorScheme?: 'light' | 'dark'; bypassCSP?: boolean } = {}): Promise<PageWatch> {
  const context = await env.browser.newContext({
    viewport: { width: opts.width ?? 1280, height: opts.height ?? 900 },
    colorScheme: opts.colorScheme ?? 'light',
    locale: 'ar',
    bypassCSP: opts.bypassCSP ?? false,
  });
  const page = await context.newPage();
  const watch: PageWatch = { page, context, dialogs: [], errors: [] };
  page.on('dialog', (d) => {
    watch.dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  page.on('pageerror', (e) => watch.errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    // 4xx answers the UI handles itself (e.g. a deliberate 404) are not page errors.
    if (m.type() === 'error' && !/status of 4\d\d/.test(m.text())) watch.errors.push(`console: ${m.text()}`);
  });
  return watch;
}
