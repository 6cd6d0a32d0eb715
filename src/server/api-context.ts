/**
 * What the route modules share: the store (once loaded), the response cache and its generation,
 * and a helper that sends JSON from the cache or computes, caches and sends it.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Request, Response } from 'express';
import { HttpProblem } from './problem.ts';
import type { Engine } from '../contracts.ts';
import type { FacetName, FacetValue, SearchRequest, SearchResponse } from '../types.ts';
import { LruCache, responseCache, type CachedResponse, type ResponseCacheOptions } from './response-cache.ts';
import type { ApiStore } from './store-port.ts';

export class ApiContext {
  private current?: ApiStore;
  private generation = 0;
  readonly cache?: LruCache<CachedResponse>;
  private readonly facets?: LruCache<SearchResponse['facets']>;

  constructor(store: ApiStore | Promise<ApiStore>, cache: ResponseCacheOptions | false | undefined) {
    if (cache !== false) {
      this.cache = responseCache(cache);
      this.facets = new LruCache(cache?.entries ?? 2_000);
    }
    if (store instanceof Promise) {
      store.then(
        (s) => (this.current = s),
        () => {}, // the opener (startServer) reports the failure
      );
    } else {
      this.current = store;
    }
  }

  get ready(): boolean {
    return this.current !== undefined;
  }

  /** The store, or a 503 telling the client to retry while the index loads. */
  store(): ApiStore {
    if (!this.current) {
      throw new HttpProblem(503, 'not_ready', 'The index is still loading.', 'Retry in a few seconds; GET /readyz answers 200 once it is loaded.', {}, { 'Retry-After': '2' });
    }
    return this.current;
  }

  /** Call after every write: cached answers may now be stale. */
  invalidate(): void {
    this.generation++;
    this.cache?.clear();
    this.facets?.clear();
  }

  /**
   * engine.search, reusing the facet counts of an earlier page or sort order of the same query and
   * filters (they count all matches, so they do not depend on page or sort).
   */
  search(engine: Engine, req: SearchRequest): SearchResponse {
    if (!req.facets?.length || !this.facets) return engine.search(req);
    const key = `${this.generation}:${engine.size}:${JSON.stringify([req.q, req.filters ?? null, req.collapse ?? true, [...req.facets].sort()])}`;
    const known = this.facets.get(key);
    if (!known) {
      const res = engine.search(req);
      this.facets.set(key, res.facets);
      return res;
    }
    const res = engine.search({ ...req, facets: undefined });
    const facets: Partial<Record<FacetName, FacetValue[]>> = {};
    for (const name of req.facets) if (known[name]) facets[name] = known[name];
    return { ...res, facets };
  }

  /**
   * Sends `compute()` as JSON, from the cache when the same `key` was answered since the last write.
   * `X-Cache: hit|miss` says which (the `took_ms` of a hit is that of the original computation).
   * Clients that accept gzip get a gzipped copy made once per entry (these routes bypass the
   * compression middleware: see CACHED_ROUTES in app.ts); others get the JSON as is.
   */
  sendCached(req: Request, res: Response, key: string, compute: () => unknown): void {
    const engine = this.store().engine;
    const fullKey = `${this.generation}:${engine.size}:${key}`;
    let entry = this.cache?.get(fullKey);
    res.set('X-Cache', entry === undefined ? 'miss' : 'hit');
    if (entry === undefined) {
      const json = JSON.stringify(compute());
      entry = { json, etag: weakEtag(json) };
      this.cache?.set(fullKey, entry);
    }
    if (entry.json.length >= GZIP_MIN_CHARS && acceptsGzip(req)) {
      entry.gzip ??= gzipSync(entry.json);
      res.set({ 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding', ETag: entry.etag }).type('application/json').send(entry.gzip);
      return;
    }
    res.set('ETag', entry.etag).type('application/json').send(entry.json);
  }
}

/** Below this, compression is not worth it (the compression middleware's threshold is 1 kB too). */
const GZIP_MIN_CHARS = 1024;

/** Accept-Encoding lists gzip (and does not refuse it with q=0). */
export function acceptsGzip(req: Request): boolean {
  const ae = req.headers['accept-encoding'];
  return typeof ae === 'string' && /(?:^|,)\s*gzip\s*(?:,|$|;\s*q=(?!0(?:\.0*)?\s*(?:,|$)))/i.test(ae);
}

/** Same form as express's weak ETags: W/"<byte length in hex>-<SHA-1 base64, 27 chars>". */
export function weakEtag(body: string): string {
  const bytes = Buffer.byteLength(body, 'utf8');
  return `W/"${bytes.toString(16)}-${createHash('sha1').update(body, 'utf8').digest('base64').slice(0, 27)}"`;
}
