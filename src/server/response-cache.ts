/**
 * A bounded LRU of serialized JSON responses for read endpoints (search, suggest, authors …).
 * News search traffic repeats (today's names, the front-page topics), and a hit skips both the
 * engine and JSON.stringify. Every write through the API bumps the generation, which empties it;
 * the engine's size is part of each key as a second guard against writes made elsewhere.
 */
export interface ResponseCacheOptions {
  /** Most responses kept (default 2 000). */
  entries?: number;
  /** Most UTF-16 code units kept in total (default 32 M ≈ 64 MB). */
  chars?: number;
}

export interface CachedResponse {
  json: string;
  /** Weak ETag of `json`, computed once (express would hash the body on every send). */
  etag: string;
}

export class ResponseCache {
  private readonly map = new Map<string, CachedResponse>();
  private chars = 0;
  private readonly maxEntries: number;
  private readonly maxChars: number;
  hits = 0;
  misses = 0;

  constructor(opts: ResponseCacheOptions = {}) {
    this.maxEntries = opts.entries ?? 2_000;
    this.maxChars = opts.chars ?? 32_000_000;
  }

  get(key: string): CachedResponse | undefined {
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

  set(key: string, value: CachedResponse): void {
    if (this.maxEntries <= 0 || value.json.length > this.maxChars / 4) return; // one huge answer must not flush the rest
    const old = this.map.get(key);
    if (old !== undefined) {
      this.chars -= old.json.length;
      this.map.delete(key);
    }
    this.map.set(key, value);
    this.chars += value.json.length;
    while (this.map.size > this.maxEntries || this.chars > this.maxChars) {
      const oldest = this.map.keys().next().value as string;
      this.chars -= this.map.get(oldest)!.json.length;
      this.map.delete(oldest);
    }
  }

  clear(): void {
    this.map.clear();
    this.chars = 0;
  }

  get size(): number {
    return this.map.size;
  }
}
