/**
 * The web UI: files of public/ at `/`, the Noto Naskh Arabic font package at
 * `/fonts/noto-naskh-arabic/`, and the single-page-app routes (/article/:id, /author/:name, /search)
 * answered with public/index.html. express.static (send) refuses `..` and dotfiles, so path
 * traversal ends in a 4xx.
 *
 * Any other GET/HEAD outside /api from a client that prefers HTML (a browser navigating) gets
 * public/index.html with status 404, so the UI shows its own «الصفحة غير موجودة» page; API paths,
 * other methods and non-HTML clients fall through to the problem+json 404.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { Router, type Request } from 'express';
import { NotFoundError } from '../errors.ts';

export const DEFAULT_PUBLIC_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../public');

export function defaultFontsDir(): string {
  const require = createRequire(import.meta.url);
  return path.dirname(require.resolve('@fontsource/noto-naskh-arabic/package.json'));
}

/** Routes the UI handles itself in the browser. */
export const SPA_ROUTES = ['/article/:id', '/author/:name', '/search'];

/** A browser navigation: GET/HEAD outside /api whose Accept prefers text/html over problem+json. */
export function wantsHtmlPage(req: Request): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  if (req.path === '/api' || req.path.startsWith('/api/')) return false;
  // `*/*` alone (fetch, curl) picks the first listed type, so only an explicit text/html wins.
  return req.accepts(['application/problem+json', 'text/html']) === 'text/html';
}

export function staticUi(publicDir = DEFAULT_PUBLIC_DIR, fontsDir = defaultFontsDir()): Router {
  const r = Router();
  r.use(
    '/fonts/noto-naskh-arabic',
    express.static(fontsDir, {
      index: false,
      fallthrough: false, // a missing font file is a 404 problem, not the SPA page
      maxAge: '7d', // file names carry no hash; a week, not immutable
    }),
  );
  r.use(
    express.static(publicDir, {
      index: 'index.html',
      setHeaders: (res) => res.setHeader('Cache-Control', 'no-cache'),
    }),
  );
  const indexHtml = path.join(publicDir, 'index.html');
  r.get(SPA_ROUTES, (_req, res, next) => {
    if (!existsSync(indexHtml)) throw new NotFoundError(`The web UI is not installed: ${indexHtml} does not exist.`);
    res.set('Cache-Control', 'no-cache').sendFile(indexHtml, (err) => err && next(err));
  });
  r.use((req, res, next) => {
    if (!wantsHtmlPage(req) || !existsSync(indexHtml)) return next();
    res.status(404).set('Cache-Control', 'no-cache').sendFile(indexHtml, (err) => err && next(err));
  });
  return r;
}
