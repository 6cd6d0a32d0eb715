/**
 * Bounded LRU caches for read endpoints. News search traffic repeats (today's names, the
 * front-page topics), so the API keeps
 *   - serialized JSON answers (search, author pages, suggest, related, authors): a hit skips
 *     parameter validation, the engine and JSON.stringify, and carries a precomputed ETag;
 *   - facet counts per (query, filters): paging or re-sorting a search asks the engine for the page
 *     only, since facets count all matches and do not depend on page or sort.
 * Every write through the API empties both (ApiContext.invalidate); the engine's size is part of
 * each key as a second guard against writes made elsewhere.
 */
export interface ResponseCacheOptions {
  /** Most responses kept (default 2 000). */
  entries?: number;
  /** Most UTF-16 code units of JSON kept in total (default 32 M ≈ 64 MB). */
  chars?: number;
}

export interface CachedResponse {
  json: string;
  /** Weak ETag of `json`, computed once (express would hash the body on every send). */
  etag: string;
  /** `json` gzipped, made for the first client that accepts gzip. */
  gzip?: Buffer;
}

export class LruCache<V> {
  private readonly map = new Map<string, V>();
  private total = 0;
  hits = 0;
  misses = 0;

  /** `weight` measures an entry against `maxWeight` (default: every entry weighs 1). */
  constructor(
    private readonly maxEntries: number,
    private readonly maxWeight = Infinity,
    private readonly weight: (v: V) => number = () => 1,
  ) {}

  get(key: string): V | undefined {
    const v = this.map.get(key);
    if (v === undefined) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    this.map.delete(key); // move to the most-recent end
    this.map.set(key, v);
    return v;
  }

  set(key: string, value: V): void {
    const w = this.weight(value);
    if (this.maxEntries <= 0 || w > this.maxWeight / 4) return; // one huge answer must not flush the rest
    const old = this.map.get(key);
    if (old !== undefined) {
      this.total -= this.weight(old);
      this.map.delete(key);
    }
    this.map.set(key, value);
    this.total += w;
    while (this.map.size > this.maxEntries || this.total > this.maxWeight) {
      const oldest = this.map.keys().next().value as string;
      this.total -= this.weight(this.map.get(oldest)!);
      this.map.delete(oldest);
    }
  }

  clear(): void {
    this.map.clear();
    this.total = 0;
  }

  get size(): number {
    return this.map.size;
  }
}

export function responseCache(opts: ResponseCacheOptions = {}): LruCache<CachedResponse> {
  return new LruCache<CachedResponse>(opts.entries ?? 2_000, opts.chars ?? 32_000_000, (r) => r.json.length);
}
