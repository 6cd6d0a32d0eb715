/**
 * The express application: JSON API under /api, health probes, OpenAPI document, static UI.
 *
 * Order matters: request id + log → canonical URL / encoding check → security headers → CORS →
 * compression → readiness → rate limits → routes → 404 → problem+json errors.
 */
import compression from 'compression';
import cors from 'cors';
import express, { type RequestHandler } from 'express';
import helmet from 'helmet';
import { pino, type Logger } from 'pino';
import { ApiContext } from './api-context.ts';
import { requireApiKey } from './api-keys.ts';
import { NotFoundError } from '../errors.ts';
import { openApiDocument } from './openapi.ts';
import { HttpProblem, problemHandler } from './problem.ts';
import { rateLimiters, type RateLimitOptions } from './rate-limits.ts';
import { requestLog } from './request-log.ts';
import type { ResponseCacheOptions } from './response-cache.ts';
import { readRoutes } from './routes/read-routes.ts';
import { writeRoutes, type BodyLimits } from './routes/write-routes.ts';
import { staticUi } from './static-ui.ts';
import type { ApiStore } from './store-port.ts';
import { checkUrlEncoding, parseQueryString } from './url-encoding.ts';

export interface AppOptions {
  /** The open store, or a promise of it: until it resolves /readyz and /api answer 503. */
  store: ApiStore | Promise<ApiStore>;
  /** Keys accepted for writes (Bearer). None: writes are refused with 403. */
  apiKeys?: string[];
  /** Default: pino at FAHRAS_LOG_LEVEL or 'info' on stdout. Pass pino({ level: 'silent' }) in tests. */
  logger?: Logger;
  /** Per-client budgets; `false` turns them off. */
  rateLimit?: RateLimitOptions | false;
  /** Origins allowed to call the API from a browser (`['*']` for any). Default: none (CORS off). */
  cors?: string[];
  /** Body size limits (bytes or '1mb' style). */
  bodyLimits?: BodyLimits;
  /** Cache of read responses; `false` turns it off. */
  cache?: ResponseCacheOptions | false;
  /** Express "trust proxy" (set it when behind a reverse proxy so rate limits see client IPs). */
  trustProxy?: boolean | number | string;
  /** Folder of the web UI (default: public/ of this checkout). */
  publicDir?: string;
  /** Folder of @fontsource/noto-naskh-arabic (default: resolved from node_modules). */
  fontsDir?: string;
}

/** GET routes answered through ApiContext.sendCached (see routes/read-routes.ts). */
const CACHED_ROUTES = /^\/api\/(?:search|suggest|authors(?:\/[^/]+)?|articles\/[^/]+\/related)$/;

/** Content-Security-Policy: everything from this origin only, no inline scripts or styles. */
export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  fontSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  upgradeInsecureRequests: null, // served over plain http on a LAN too
};

function methodNotAllowed(allow: string): RequestHandler {
  return (req) => {
    throw new HttpProblem(405, 'method_not_allowed', `${req.method} is not supported on ${req.originalUrl.split("?")[0]}.`, `Use ${allow}.`, {}, { Allow: allow });
  };
}

export function createApp(opts: AppOptions): express.Express {
  const logger = opts.logger ?? pino({ level: process.env.FAHRAS_LOG_LEVEL ?? 'info' });
  const ctx = new ApiContext(opts.store, opts.cache);
  const limits = rateLimiters(opts.rateLimit);
  const app = express();

  app.disable('x-powered-by');
  app.set('query parser', parseQueryString);
  app.set('etag', 'weak');
  if (opts.trustProxy !== undefined) app.set('trust proxy', opts.trustProxy);

  app.use(requestLog(logger));
  app.use(checkUrlEncoding);
  app.use(helmet({ contentSecurityPolicy: { useDefaults: true, directives: CSP_DIRECTIVES } }));
  // The compression middleware costs 0.055 ms per request even when it compresses nothing (measured),
  // so it is skipped for clients that accept no encoding, and for the cached routes, which send a
  // gzipped copy of each cached answer themselves (ApiContext.sendCached).
  const compress = compression();
  app.use((req, res, next) => {
    const own = (req.method === 'GET' || req.method === 'HEAD') && CACHED_ROUTES.test(req.path);
    if (req.headers['accept-encoding'] && !own) return compress(req, res, next);
    res.vary('Accept-Encoding');
    next();
  });

  // Probes: never rate-limited, never cached.
  app.get('/healthz', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ status: 'ok' });
  });
  app.get('/readyz', (_req, res) => {
    const store = ctx.store(); // 503 not_ready while loading
    res.set('Cache-Control', 'no-store').json({ status: 'ready', articles: store.engine.size });
  });

  const api = express.Router();
  if (opts.cors?.length) {
    const any = opts.cors.includes('*');
    api.use(cors({ origin: any ? '*' : opts.cors, methods: ['GET', 'HEAD', 'POST', 'PUT', 'DELETE'], allowedHeaders: ['Authorization', 'Content-Type', 'X-Request-Id'], exposedHeaders: ['X-Request-Id', 'ETag'], maxAge: 600 }));
  }
  api.get('/openapi.json', (_req, res) => {
    res.set('Cache-Control', 'public, max-age=300').json(openApiDocument());
  });
  api.use((req, res, next) => {
    ctx.store(); // 503 not_ready while loading
    if (req.method === 'GET' || req.method === 'HEAD') {
      res.set('Cache-Control', 'no-cache'); // may be stored, must be revalidated (ETag) since writes change answers
      limits.read(req, res, next);
    } else next();
  });
  api.use(writeRoutes(ctx, requireApiKey(opts.apiKeys ?? []), limits.write, opts.bodyLimits));
  api.use(readRoutes(ctx));
  api.all('/articles', methodNotAllowed('POST'));
  api.all('/articles/bulk', methodNotAllowed('POST'));
  api.all('/articles/:id', methodNotAllowed('GET, PUT, DELETE'));
  for (const p of ['/search', '/suggest', '/authors', '/authors/:name', '/analyze', '/stats', '/articles/:id/related', '/openapi.json']) {
    api.all(p, methodNotAllowed('GET'));
  }
  api.use((req) => {
    throw new NotFoundError(`There is no API endpoint ${req.method} /api${req.path}. GET /api/openapi.json lists them all.`);
  });
  app.use('/api', api);

  app.use(staticUi(opts.publicDir, opts.fontsDir));
  app.use((req) => {
    throw new NotFoundError(`Nothing at ${req.path}.`);
  });
  app.use(problemHandler(logger));
  return app;
}
