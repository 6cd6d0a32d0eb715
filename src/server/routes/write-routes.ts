/**
 * Write endpoints (API key required): POST /api/articles (one or an array), POST /api/articles/bulk
 * (NDJSON, a result per line), PUT /api/articles/:id, DELETE /api/articles/:id.
 * Articles are validated before anything is stored, and a write is acknowledged only after
 * `store.put` / `store.delete` resolved, i.e. once it is durable.
 */
import express, { Router, type RequestHandler } from 'express';
import { FahrasError, NotFoundError, StorageError, ValidationError } from '../../errors.ts';
import type { Article } from '../../types.ts';
import type { ApiContext } from '../api-context.ts';
import { ArticleIdSchema, ArticleInputSchema, rejectDangerousKeys, toArticle } from '../article-schema.ts';
import { describeIssues } from '../param-shape.ts';
import { HttpProblem } from '../problem.ts';
import type { StoreWriteResult } from '../store-port.ts';

export interface BodyLimits {
  /** JSON bodies of POST/PUT /api/articles (default '1mb'). */
  json?: string | number;
  /** NDJSON bodies of POST /api/articles/bulk (default '64mb'). */
  bulk?: string | number;
}

/** Articles handed to the store per `put` call in a bulk load. */
const BULK_BATCH = 500;

type LineResult = { line: number; id?: string; status: StoreWriteResult['status'] | 'error'; duplicateOf?: string; error?: string };

function validateArticle(value: unknown, where: string): { article?: Article; errors: { path: string; message: string }[] } {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { errors: [{ path: where || '(body)', message: 'must be a JSON object with at least id, title and body' }] };
  }
  const parsed = ArticleInputSchema.safeParse(value);
  if (parsed.success) return { article: toArticle(parsed.data), errors: [] };
  return {
    errors: parsed.error.issues.map((i) => ({
      path: [where, ...i.path.map(String)].filter(Boolean).join('.') || '(body)',
      message: describeIssues([i])[0]!.replace(/^[^:]*: /, ''),
    })),
  };
}

function invalid(errors: { path: string; message: string }[]): HttpProblem {
  const shown = errors.slice(0, 5).map((e) => `${e.path}: ${e.message}`).join('; ');
  return new HttpProblem(
    400,
    'validation',
    `Invalid article: ${shown}${errors.length > 5 ? ` (and ${errors.length - 5} more)` : ''}.`,
    'Each article needs string fields id, title and body; optional: author, column, source, category, tags (strings), date (YYYY-MM-DD), dateText, url (http/https), extra (object). Nothing was stored.',
    { errors: errors.slice(0, 100) },
  );
}

const requireJson: RequestHandler = (req, _res, next) => {
  if (!req.is('application/json')) {
    throw new HttpProblem(415, 'unsupported_media_type', `Expected a JSON body, got Content-Type "${req.get('content-type') ?? '(none)'}".`, 'Send Content-Type: application/json (or use POST /api/articles/bulk with NDJSON).');
  }
  next();
};

function statusFor(results: StoreWriteResult[]): number {
  return results.some((r) => r.status === 'added') ? 201 : 200;
}

function cleanResult(r: StoreWriteResult): StoreWriteResult {
  return r.duplicateOf === undefined ? { id: r.id, status: r.status } : { id: r.id, status: r.status, duplicateOf: r.duplicateOf };
}

/** Splits an NDJSON body into non-blank lines with their 1-based numbers. */
export function ndjsonLines(body: string): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  const lines = body.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!.replace(/\r$/, '').replace(/^\uFEFF/, '');
    if (text.trim()) out.push({ line: i + 1, text });
  }
  return out;
}

export function writeRoutes(ctx: ApiContext, auth: RequestHandler, limiter: RequestHandler, limits: BodyLimits = {}): Router {
  const r = Router();
  const json = express.json({ limit: limits.json ?? '1mb', reviver: rejectDangerousKeys, strict: false, type: 'application/json' });
  const ndjson = express.text({ limit: limits.bulk ?? '64mb', type: () => true, defaultCharset: 'utf-8' });
  // Every route counts and authenticates BEFORE reading a possibly large body.

  async function store(articles: Article[]): Promise<StoreWriteResult[]> {
    try {
      return await ctx.store().put(articles);
    } finally {
      ctx.invalidate();
    }
  }

  r.post('/articles/bulk', limiter, auth, ndjson, async (req, res) => {
    if (typeof req.body !== 'string') throw new ValidationError('Send the articles as NDJSON: one JSON object per line.');
    const lines = ndjsonLines(req.body);
    if (lines.length === 0) throw new ValidationError('The body has no articles.', 'Send one JSON article object per line (NDJSON).');
    const results: LineResult[] = [];
    let batch: { line: number; article: Article }[] = [];
    let stored = 0;
    const flush = async (): Promise<void> => {
      if (!batch.length) return;
      let put: StoreWriteResult[];
      try {
        put = await store(batch.map((b) => b.article));
      } catch (e) {
        if (e instanceof FahrasError) {
          throw new StorageError(`${e.message} (the first ${stored} valid lines were stored; lines from ${batch[0]!.line} on were not).`, e.hint);
        }
        throw e;
      }
      batch.forEach((b, i) => results.push({ line: b.line, ...cleanResult(put[i]!) }));
      stored += batch.length;
      batch = [];
    };
    for (const { line, text } of lines) {
      let value: unknown;
      try {
        value = JSON.parse(text, rejectDangerousKeys);
      } catch (e) {
        results.push({ line, status: 'error', error: `not valid JSON: ${(e as Error).message}` });
        continue;
      }
      const { article, errors } = validateArticle(value, '');
      if (!article) {
        const id = (value as { id?: unknown })?.id;
        results.push({ line, ...(typeof id === 'string' ? { id: id.slice(0, 200) } : {}), status: 'error', error: errors.map((e) => `${e.path}: ${e.message}`).join('; ') });
        continue;
      }
      batch.push({ line, article });
      if (batch.length >= BULK_BATCH) await flush();
    }
    await flush();
    results.sort((a, b) => a.line - b.line);
    const counts = { added: 0, updated: 0, unchanged: 0, duplicate: 0, error: 0 };
    for (const x of results) counts[x.status]++;
    res.status(counts.added ? 201 : 200).json({ counts, results });
  });

  r.post('/articles', limiter, auth, requireJson, json, async (req, res) => {
    const body: unknown = req.body;
    const many = Array.isArray(body);
    const items = many ? (body as unknown[]) : [body];
    if (many && items.length === 0) throw new ValidationError('The array has no articles.', 'Send at least one article object.');
    const articles: Article[] = [];
    const errors: { path: string; message: string }[] = [];
    items.forEach((item, i) => {
      const v = validateArticle(item, many ? `[${i}]` : '');
      if (v.article) articles.push(v.article);
      errors.push(...v.errors);
    });
    if (errors.length) throw invalid(errors);
    const results = (await store(articles)).map(cleanResult);
    res.status(statusFor(results)).json(many ? { results } : results[0]);
  });

  r.put('/articles/:id', limiter, auth, requireJson, json, async (req, res) => {
    const id = ArticleIdSchema.safeParse(req.params.id);
    if (!id.success) throw invalid([{ path: 'id', message: describeIssues(id.error.issues).join('; ') }]);
    const body = req.body as Record<string, unknown> | null;
    if (body && typeof body === 'object' && !Array.isArray(body)) {
      if (body.id === undefined) body.id = id.data;
      else if (body.id !== id.data) throw invalid([{ path: 'id', message: `"${String(body.id)}" differs from the id in the path "${id.data}"; omit it or make them equal` }]);
    }
    const { article, errors } = validateArticle(body, '');
    if (!article) throw invalid(errors);
    const [result] = await store([article]);
    res.status(statusFor([result!])).json(cleanResult(result!));
  });

  r.delete('/articles/:id', limiter, auth, async (req, res) => {
    const id = String(req.params.id);
    const s = ctx.store();
    if (!s.engine.get(id)) throw new NotFoundError(`No article with id "${id}" to delete.`);
    let existed: boolean | void;
    try {
      existed = await s.delete(id);
    } finally {
      ctx.invalidate();
    }
    if (existed === false) throw new NotFoundError(`No article with id "${id}" to delete.`);
    res.json({ id, status: 'deleted' });
  });

  return r;
}
