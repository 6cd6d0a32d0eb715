/**
 * RFC 9457 problem details: every error the API returns is `application/problem+json`
 * `{type, title, status, detail, instance, code, hint?, position?, errors?, requestId}`.
 * `detail` says what went wrong, `hint` how to fix it, `position` where (query offset).
 */
import type { ErrorRequestHandler, Request, Response } from 'express';
import type { Logger } from 'pino';
import { FahrasError, QueryError } from '../errors.ts';
import { requestId } from './request-log.ts';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  code: string;
  hint?: string;
  /** 0-based UTF-16 offset in the query string (query syntax errors). */
  position?: number;
  /** One entry per invalid field, e.g. from article validation. */
  errors?: { path: string; message: string }[];
  requestId?: string;
}

/** Stable codes and their titles; `type` is `urn:fahras:problem:<code>` (documented in docs/API.md). */
export const PROBLEM_TITLES: Readonly<Record<string, string>> = {
  bad_request: 'Bad request',
  validation: 'Invalid input',
  query_syntax: 'Invalid search query',
  bad_encoding: 'Malformed percent-encoding',
  not_found: 'Not found',
  forbidden: 'Forbidden',
  unauthorized: 'Missing or wrong API key',
  writes_disabled: 'Writes are disabled',
  payload_too_large: 'Request body too large',
  headers_too_large: 'Request line or headers too large',
  unsupported_media_type: 'Unsupported content type',
  method_not_allowed: 'Method not allowed',
  rate_limited: 'Too many requests',
  not_ready: 'Index is loading',
  storage: 'Index cannot be written',
  internal: 'Internal error',
};

/** An error the HTTP layer raises itself (auth, limits, encoding). */
export class HttpProblem extends FahrasError {
  constructor(
    status: number,
    code: string,
    message: string,
    hint?: string,
    readonly extra: Partial<Pick<Problem, 'errors' | 'position'>> = {},
    /** Response headers that go with it (WWW-Authenticate, Retry-After, Allow). */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message, status, code, hint);
  }
}

export function problemType(code: string): string {
  return `urn:fahras:problem:${code}`;
}

export function makeProblem(status: number, code: string, detail: string, more: Partial<Problem> = {}): Problem {
  return {
    type: problemType(code),
    title: PROBLEM_TITLES[code] ?? PROBLEM_TITLES.bad_request!,
    status,
    detail,
    code,
    ...more,
  };
}

export function sendProblem(req: Request, res: Response, p: Problem): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  const body: Problem = { ...p, instance: p.instance ?? req.originalUrl.split('?')[0], requestId: requestId(res) };
  res.status(p.status).type('application/problem+json').set('Cache-Control', 'no-store').send(JSON.stringify(body));
}

const CODE_BY_STATUS: Readonly<Record<number, string>> = {
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
};

/** Errors thrown by body-parser carry `type` and `status`. */
interface BodyParserError extends Error {
  type?: string;
  status?: number;
  statusCode?: number;
  limit?: number;
  expose?: boolean;
}

/** Maps any thrown value to a problem; unknown errors become a 500 that hides internals. */
export function toProblem(err: unknown): Problem {
  if (err instanceof QueryError) {
    return makeProblem(400, 'query_syntax', err.message, { position: err.position, hint: err.hint });
  }
  if (err instanceof HttpProblem) {
    return makeProblem(err.status, err.code, err.message, { hint: err.hint, ...err.extra });
  }
  if (err instanceof FahrasError) {
    return makeProblem(err.status, err.code, err.message, { hint: err.hint });
  }
  const e = err as BodyParserError;
  switch (e?.type) {
    case 'entity.too.large':
      return makeProblem(413, 'payload_too_large', `The request body is larger than the limit of ${e.limit} bytes.`, {
        hint: 'Send fewer articles per request, or use POST /api/articles/bulk (NDJSON) which accepts larger bodies.',
      });
    case 'entity.parse.failed':
      return makeProblem(400, 'validation', `The request body is not valid JSON: ${e.message}`, {
        hint: 'Send a JSON object (one article) or an array of articles with Content-Type: application/json.',
      });
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return makeProblem(415, 'unsupported_media_type', e.message, { hint: 'Send UTF-8 encoded JSON.' });
    case 'request.aborted':
      return makeProblem(400, 'bad_request', 'The client aborted the request before the body was complete.');
  }
  const status = e?.status ?? e?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    // e.g. router's "Failed to decode param" (400), send's 403 for `..` in a static path.
    const encoding = /decode/i.test(e.message ?? '');
    const code = encoding ? 'bad_encoding' : (CODE_BY_STATUS[status] ?? 'bad_request');
    return makeProblem(status, code, e.expose === false ? 'Bad request.' : e.message, {
      hint: encoding ? 'Percent-encode the path as UTF-8 (e.g. encodeURIComponent).' : undefined,
    });
  }
  return makeProblem(500, 'internal', 'The server failed while handling this request; it has been logged.', {
    hint: 'Retry later; if it persists, report it with the requestId.',
  });
}

export function problemHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const p = toProblem(err);
    if (p.status >= 500) logger.error({ err, reqId: requestId(res) }, 'request failed');
    if (err instanceof HttpProblem && !res.headersSent) res.set(err.headers);
    sendProblem(req, res, p);
  };
}
