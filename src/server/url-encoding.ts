/**
 * URL checks before routing. Broken percent-encoding (a stray `%`, `%E0%A4` cut short, bytes that
 * are not UTF-8) is answered with a 400 that says where. Raw UTF-8 bytes in the request line are
 * normally refused by Node's strict parser already (see client-errors.ts); should they get through
 * (node --insecure-http-parser) they arrive as latin-1 characters U+0080–U+00FF, and we re-read them
 * as UTF-8 and percent-encode them, so every later stage sees one canonical ASCII form.
 */
import type { RequestHandler } from 'express';
import { HttpProblem } from './problem.ts';

const NON_ASCII = /[^\x00-\x7F]/;

function badEncoding(where: string, part: string): HttpProblem {
  const shown = part.length > 80 ? `${part.slice(0, 80)}…` : part;
  return new HttpProblem(
    400,
    'bad_encoding',
    `The ${where} is not valid percent-encoded UTF-8: "${shown}".`,
    'Encode each parameter with encodeURIComponent (UTF-8), and write a literal % as %25.',
  );
}

/** Re-reads raw (latin-1 decoded) bytes as UTF-8 and percent-encodes them; throws on invalid UTF-8. */
export function canonicalUrl(url: string): string {
  if (!NON_ASCII.test(url)) return url;
  const utf8 = Buffer.from(url, 'latin1').toString('utf8');
  if (utf8.includes('\uFFFD') || /[^\x00-\xFF]/.test(url)) throw badEncoding('request line', url);
  return utf8.replace(/[^\x00-\x7F]+/g, (s) => encodeURIComponent(s));
}

function decodeComponent(text: string, where: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    throw badEncoding(where, text);
  }
}

/**
 * Query string → null-prototype record; a repeated name gives an array. Used as express's
 * "query parser", so `__proto__` and friends are plain keys and pollute nothing.
 */
export function parseQueryString(query: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = Object.create(null);
  if (!query) return out;
  for (const pair of query.split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const rawName = eq < 0 ? pair : pair.slice(0, eq);
    const rawValue = eq < 0 ? '' : pair.slice(eq + 1);
    const name = decodeComponent(rawName, 'query parameter name');
    const value = decodeComponent(rawValue, `query parameter "${name}"`);
    const prev = out[name];
    if (prev === undefined) out[name] = value;
    else if (Array.isArray(prev)) prev.push(value);
    else out[name] = [prev, value];
  }
  return out;
}

/** First middleware: canonical URL, and an early 400 for broken encoding in path or query. */
export const checkUrlEncoding: RequestHandler = (req, _res, next) => {
  req.url = canonicalUrl(req.url);
  const q = req.url.indexOf('?');
  const path = q < 0 ? req.url : req.url.slice(0, q);
  for (const segment of path.split('/')) decodeComponent(segment.replace(/\+/g, '%2B'), 'path');
  if (q >= 0) parseQueryString(req.url.slice(q + 1));
  next();
};
