/**
 * Write access: `Authorization: Bearer <key>`. Keys are compared as SHA-256 digests with
 * crypto.timingSafeEqual, against every configured key, so the time taken says nothing about how
 * much of a key was right or which key it was.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { RequestHandler } from 'express';
import { HttpProblem } from './problem.ts';

const digest = (key: string): Buffer => createHash('sha256').update(key, 'utf8').digest();

/** Keys from `FAHRAS_API_KEYS` (comma-separated) and/or the file named by `FAHRAS_API_KEY_FILE` (one per line, # comments). */
export function keysFromEnv(env: NodeJS.ProcessEnv = process.env): string[] {
  const keys = (env.FAHRAS_API_KEYS ?? '').split(',');
  if (env.FAHRAS_API_KEY_FILE) keys.push(...readKeyFile(env.FAHRAS_API_KEY_FILE));
  return cleanKeys(keys);
}

export function readKeyFile(file: string): string[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new Error(`Cannot read the API key file ${file}: ${(e as Error).message}. Check FAHRAS_API_KEY_FILE / --key-file.`);
  }
  return cleanKeys(text.split(/\r?\n/).filter((l) => !l.trimStart().startsWith('#')));
}

export function cleanKeys(keys: readonly string[]): string[] {
  return [...new Set(keys.map((k) => k.trim()).filter(Boolean))];
}

/** Middleware guarding write routes. With no keys configured every write is refused with 403. */
export function requireApiKey(keys: readonly string[]): RequestHandler {
  const digests = cleanKeys(keys).map(digest);
  return (req, _res, next) => {
    if (digests.length === 0) {
      throw new HttpProblem(
        403,
        'writes_disabled',
        'This server has no API key configured, so it refuses all writes.',
        'Start it with FAHRAS_API_KEYS=<key>[,<key>…] (or FAHRAS_API_KEY_FILE=<file>, one key per line) and send Authorization: Bearer <key>.',
      );
    }
    const m = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(req.get('authorization') ?? '');
    if (!m) {
      throw new HttpProblem(401, 'unauthorized', 'This endpoint needs an API key.', 'Send the header Authorization: Bearer <key>.', {}, {
        'WWW-Authenticate': 'Bearer realm="fahras"',
      });
    }
    const given = digest(m[1]!);
    let ok = false;
    for (const d of digests) ok = timingSafeEqual(given, d) || ok; // no early exit
    if (!ok) throw new HttpProblem(401, 'unauthorized', 'The API key is not valid.', 'Check the key against FAHRAS_API_KEYS on the server.', {}, {
        'WWW-Authenticate': 'Bearer realm="fahras", error="invalid_token"',
      });
    next();
  };
}
