/**
 * Server settings from the environment, so `fahras serve` (and containers) can set them without
 * flags. Options passed to startServer win over these.
 *   FAHRAS_CORS_ORIGINS        comma-separated origins allowed to call the API from a browser (* = any)
 *   FAHRAS_TRUST_PROXY         express "trust proxy": true, a hop count, or addresses/subnets
 *   FAHRAS_RATE_LIMIT_READ     reads per client per minute (0 = unlimited)
 *   FAHRAS_RATE_LIMIT_WRITE    writes per client per minute (0 = unlimited)
 *   FAHRAS_CACHE_ENTRIES       response cache size (0 = off)
 */
import type { AppOptions } from './app.ts';

function wholeNumber(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const v = env[name]?.trim();
  if (!v) return undefined;
  if (!/^\d+$/.test(v)) throw new Error(`${name} must be a whole number ≥ 0, got "${v}"`);
  return Number(v);
}

export function appOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): Partial<AppOptions> {
  const out: Partial<AppOptions> = {};
  const origins = (env.FAHRAS_CORS_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean);
  if (origins.length) out.cors = origins;
  const proxy = env.FAHRAS_TRUST_PROXY?.trim();
  if (proxy) out.trustProxy = proxy === 'true' ? true : proxy === 'false' ? false : /^\d+$/.test(proxy) ? Number(proxy) : proxy;
  const read = wholeNumber(env, 'FAHRAS_RATE_LIMIT_READ');
  const write = wholeNumber(env, 'FAHRAS_RATE_LIMIT_WRITE');
  if (read !== undefined || write !== undefined) out.rateLimit = { ...(read !== undefined ? { read } : {}), ...(write !== undefined ? { write } : {}) };
  const entries = wholeNumber(env, 'FAHRAS_CACHE_ENTRIES');
  if (entries !== undefined) out.cache = entries === 0 ? false : { entries };
  return out;
}
