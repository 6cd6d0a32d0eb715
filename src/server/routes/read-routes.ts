/**
 * Read endpoints under /api: search, articles, related, suggest, authors, analyze, stats.
 * All answer JSON, validate their parameters (400 with what to fix) and never 500 on bad input.
 */
import { Router, type Request } from 'express';
import { z } from 'zod';
import { analyze } from '../../analysis/analyzer.ts';
import { NotFoundError, ValidationError } from '../../errors.ts';
import type { ApiContext } from '../api-context.ts';
import { ArticleIdSchema } from '../article-schema.ts';
import { parseParams } from '../param-shape.ts';
import { parseSearchParams, SEARCH_LIMITS } from '../params.ts';

export const READ_LIMITS = { analyzeChars: 5_000, suggestChars: 100, suggestMax: 20, relatedMax: 50 } as const;

const count = (name: string, min: number, max: number, dflt: number) =>
  z
    .string()
    .regex(/^\d{1,6}$/, { error: `${name} must be a whole number from ${min} to ${max}` })
    .transform(Number)
    .pipe(z.number().min(min, { error: `${name} must be at least ${min}` }).max(max, { error: `${name} must be at most ${max}` }))
    .default(dflt);

const viewParams = z.object({ q: z.string().max(SEARCH_LIMITS.maxQueryChars, { error: `q must be at most ${SEARCH_LIMITS.maxQueryChars} characters` }).optional() });
const relatedParams = z.object({ n: count('n', 1, READ_LIMITS.relatedMax, 10) });
const suggestParams = z.object({
  q: z.string().max(READ_LIMITS.suggestChars, { error: `q must be at most ${READ_LIMITS.suggestChars} characters` }).default(''),
  n: count('n', 1, READ_LIMITS.suggestMax, 8),
});
const analyzeParams = z.object({
  text: z.string({ error: 'text is required: the text to analyze' }).max(READ_LIMITS.analyzeChars, { error: `text must be at most ${READ_LIMITS.analyzeChars} characters` }),
});
const noParams = z.object({});

/** The `/api/analyze` answer; `fahras analyze --json` prints the same. */
export function analysisResponse(text: string): { tokens: { text: string; start: number; end: number; term: string; exact: string; stop: boolean }[] } {
  return { tokens: analyze(text).map((t) => ({ text: t.text, start: t.start, end: t.end, term: t.term, exact: t.exact, stop: t.stop })) };
}

function pathId(req: Request): string {
  const parsed = ArticleIdSchema.safeParse(req.params.id);
  if (!parsed.success) throw notFoundArticle(String(req.params.id).slice(0, 200));
  return parsed.data;
}

function notFoundArticle(id: string): NotFoundError {
  return new NotFoundError(`No article with id "${id}". Check the id (ids are case-sensitive), or search for it with GET /api/search.`);
}

export function readRoutes(ctx: ApiContext): Router {
  const r = Router();

  // Keyed by the URL as sent: a hit skips parameter validation too (the same URL always parses the same).
  r.get('/search', (req, res) => {
    ctx.sendCached(req, res, `url:${req.originalUrl}`, () => ctx.search(ctx.store().engine, parseSearchParams(req.query)));
  });

  r.get('/articles/:id', (req, res) => {
    const id = pathId(req);
    const { q } = parseParams(viewParams, req.query, { single: ['q'] }, 'GET /api/articles/{id}');
    const view = ctx.store().engine.view(id, q || undefined);
    if (!view) throw notFoundArticle(id);
    res.json(view);
  });

  r.get('/articles/:id/related', (req, res) => {
    const id = pathId(req);
    const { n } = parseParams(relatedParams, req.query, { single: ['n'] }, 'GET /api/articles/{id}/related');
    const engine = ctx.store().engine;
    if (!engine.get(id)) throw notFoundArticle(id);
    ctx.sendCached(req, res, `related:${n}:${id}`, () => ({ id, hits: engine.related(id, n) }));
  });

  r.get('/suggest', (req, res) => {
    const { q, n } = parseParams(suggestParams, req.query, { single: ['q', 'n'] }, 'GET /api/suggest');
    ctx.sendCached(req, res, `suggest:${n}:${q}`, () => ({ query: q, suggestions: q.trim() ? ctx.store().engine.suggest(q, n) : [] }));
  });

  r.get('/authors', (req, res) => {
    parseParams(noParams, req.query, { single: [] }, 'GET /api/authors');
    ctx.sendCached(req, res, 'authors', () => ({ authors: ctx.store().engine.authors() }));
  });

  r.get('/authors/:name', (req, res) => {
    const name = String(req.params.name).trim();
    const engine = ctx.store().engine;
    ctx.sendCached(req, res, `url:${req.originalUrl}`, () => {
      const query = req.query;
      if ('author' in query) {
        throw new ValidationError('Invalid parameters for GET /api/authors/{name}: the author comes from the path; remove the "author" parameter.');
      }
      const sreq = parseSearchParams(query);
      if (!engine.authors().some((a) => a.value === name)) {
        throw new NotFoundError(`No author named "${name}". GET /api/authors lists every author with their article count.`);
      }
      sreq.filters = { ...sreq.filters, author: [name] };
      sreq.sort ??= 'newest';
      return ctx.search(engine, sreq);
    });
  });

  r.get('/analyze', (req, res) => {
    const { text } = parseParams(analyzeParams, req.query, { single: ['text'] }, 'GET /api/analyze');
    res.json(analysisResponse(text));
  });

  r.get('/stats', (req, res) => {
    parseParams(noParams, req.query, { single: [] }, 'GET /api/stats');
    const cache = ctx.cache;
    res.json({
      ...ctx.store().engine.stats(),
      cache: cache ? { entries: cache.size, hits: cache.hits, misses: cache.misses } : undefined,
    });
  });

  return r;
}
