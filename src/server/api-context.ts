/**
 * What the route modules share: the store (once loaded), the response cache and its generation,
 * and a helper that sends JSON from the cache or computes, caches and sends it.
 */
import { createHash } from 'node:crypto';
import type { Response } from 'express';
import { HttpProblem } from './problem.ts';
import { ResponseCache, type ResponseCacheOptions } from './response-cache.ts';
import type { ApiStore } from './store-port.ts';

export class ApiContext {
  private current?: ApiStore;
  private generation = 0;
  readonly cache?: ResponseCache;

  constructor(store: ApiStore | Promise<ApiStore>, cache: ResponseCacheOptions | false | undefined) {
    if (cache !== false) this.cache = new ResponseCache(cache);
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
  }

  /**
   * Sends `compute()` as JSON, from the cache when the same `key` was answered since the last write.
   * `X-Cache: hit|miss` says which (the `took_ms` of a hit is that of the original computation).
   */
  sendCached(res: Response, key: string, compute: () => unknown): void {
    const engine = this.store().engine;
    const fullKey = `${this.generation}:${engine.size}:${key}`;
    let entry = this.cache?.get(fullKey);
    res.set('X-Cache', entry === undefined ? 'miss' : 'hit');
    if (entry === undefined) {
      const json = JSON.stringify(compute());
      entry = { json, etag: weakEtag(json) };
      this.cache?.set(fullKey, entry);
    }
    res.set('ETag', entry.etag).type('application/json').send(entry.json);
  }
}

/** Same form as express's weak ETags: W/"<byte length in hex>-<SHA-1 base64, 27 chars>". */
export function weakEtag(body: string): string {
  const bytes = Buffer.byteLength(body, 'utf8');
  return `W/"${bytes.toString(16)}-${createHash('sha1').update(body, 'utf8').digest('base64').slice(0, 27)}"`;
}
