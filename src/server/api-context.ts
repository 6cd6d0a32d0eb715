/**
 * What the route modules share: the store (once loaded), the response cache and its generation,
 * and a helper that sends JSON from the cache or computes, caches and sends it.
 */
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
    let json = this.cache?.get(fullKey);
    res.set('X-Cache', json === undefined ? 'miss' : 'hit');
    if (json === undefined) {
      json = JSON.stringify(compute());
      this.cache?.set(fullKey, json);
    }
    res.type('application/json').send(json);
  }
}
