/**
 * Per-client request budgets (express-rate-limit, keyed by client IP; IPv6 by /56 subnet).
 * Reads and writes have separate budgets; both are configurable, and `false` turns limiting off
 * (benchmarks, trusted deployments behind a proxy that limits).
 */
import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { makeProblem, sendProblem } from './problem.ts';

export interface RateLimitOptions {
  /** Window length in ms (default 60 000). */
  windowMs?: number;
  /** GET requests to /api per client per window (default 1 200: 20/s sustained, plenty for type-ahead); 0 = unlimited. */
  read?: number;
  /** Write requests per client per window (default 60); 0 = unlimited. */
  write?: number;
}

export const DEFAULT_RATE_LIMITS: Required<RateLimitOptions> = { windowMs: 60_000, read: 1_200, write: 60 };

function limiter(kind: 'read' | 'write', limit: number, windowMs: number): RequestHandler {
  return rateLimit({
    windowMs,
    limit,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    handler: (req, res, _next, options) => {
      const seconds = Math.ceil(options.windowMs / 1000);
      sendProblem(
        req,
        res,
        makeProblem(429, 'rate_limited', `More than ${limit} ${kind} requests from this client within ${seconds} s.`, {
          hint: `Wait and retry (see the Retry-After header), or ask the operator to raise the ${kind} limit.`,
        }),
      );
    },
  });
}

const pass: RequestHandler = (_req, _res, next) => next();

export function rateLimiters(opts: RateLimitOptions | false | undefined): { read: RequestHandler; write: RequestHandler } {
  if (opts === false) return { read: pass, write: pass };
  const o = { ...DEFAULT_RATE_LIMITS, ...opts };
  return {
    read: o.read > 0 ? limiter('read', o.read, o.windowMs) : pass,
    write: o.write > 0 ? limiter('write', o.write, o.windowMs) : pass,
  };
}
