/**
 * Decides what a batch of writes does BEFORE it is logged, so the engine only ever holds what is
 * durable. Each write sees the engine plus the writes planned before it in the same group
 * (an overlay), exactly as if they had been applied one by one.
 *
 * Put rules, first match wins:
 *   1. same id as a stored article   → 'unchanged' if identical, else 'updated'
 *   2. same url as a stored article  → an update of THAT article (its id is kept)
 *   3. same body as another article  → 'duplicate' (duplicateOf), not indexed
 *   4. otherwise                     → 'added'
 */
import type { Engine } from '../contracts.ts';
import type { Article } from '../types.ts';
import type { LogOp } from './log-format.ts';

export interface PutResult {
  id: string;
  status: 'added' | 'updated' | 'unchanged' | 'duplicate';
  duplicateOf?: string;
}

/** JSON with sorted keys and no undefined members: equal articles give equal strings. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (!v || typeof v !== 'object' || Array.isArray(v)) return v;
    const o = v as Record<string, unknown>;
    const sorted: Record<string, unknown> = {};
    for (const k of Object.keys(o).sort()) if (o[k] !== undefined) sorted[k] = o[k];
    return sorted;
  });
}

/** Body comparison key for articles written in the same group (the engine's own rule covers the rest). */
const bodyKey = (body: string) => body.replace(/\s+/g, ' ').trim();

export class WritePlan {
  /** Articles changed by this plan (null: deleted). */
  private readonly changed = new Map<string, Article | null>();
  private readonly urls = new Map<string, string>();
  private readonly bodies = new Map<string, string>();
  readonly ops: LogOp[] = [];

  constructor(private readonly engine: Engine) {}

  private current(id: string): Article | undefined {
    const c = this.changed.get(id);
    return c === undefined ? this.engine.get(id) : (c ?? undefined);
  }

  private idByUrl(url: string): string | undefined {
    const planned = this.urls.get(url);
    if (planned !== undefined && this.current(planned)?.url === url) return planned;
    const stored = this.engine.idByUrl(url);
    return stored !== undefined && this.current(stored)?.url === url ? stored : undefined;
  }

  private sameBodyAs(a: Article): string | undefined {
    const key = bodyKey(a.body);
    const planned = this.bodies.get(key);
    if (planned !== undefined && planned !== a.id && this.current(planned) && bodyKey(this.current(planned)!.body) === key) {
      return planned;
    }
    const stored = this.engine.sameBodyAs(a);
    if (stored === undefined || stored === a.id) return undefined;
    if (!this.changed.has(stored)) return stored;
    const now = this.current(stored);
    return now && bodyKey(now.body) === key ? stored : undefined;
  }

  private record(article: Article): void {
    this.changed.set(article.id, article);
    if (article.url) this.urls.set(article.url, article.id);
    this.bodies.set(bodyKey(article.body), article.id);
    this.ops.push({ kind: 'put', article });
  }

  put(a: Article): PutResult {
    const existing = this.current(a.id);
    if (existing) {
      if (canonicalJson(existing) === canonicalJson(a)) return { id: a.id, status: 'unchanged' };
      this.record(a);
      return { id: a.id, status: 'updated' };
    }
    const byUrl = a.url ? this.idByUrl(a.url) : undefined;
    if (byUrl !== undefined) {
      const b = { ...a, id: byUrl };
      if (canonicalJson(this.current(byUrl)) === canonicalJson(b)) return { id: byUrl, status: 'unchanged' };
      this.record(b);
      return { id: byUrl, status: 'updated' };
    }
    const dup = this.sameBodyAs(a);
    if (dup !== undefined) return { id: a.id, status: 'duplicate', duplicateOf: dup };
    this.record(a);
    return { id: a.id, status: 'added' };
  }

  delete(id: string): boolean {
    if (!this.current(id)) return false;
    this.changed.set(id, null);
    this.ops.push({ kind: 'delete', id });
    return true;
  }
}

/** Applies a logged operation to the engine (used after the fsync and by recovery). */
export function applyOp(engine: Engine, op: LogOp): void {
  if (op.kind === 'put') engine.put(op.article);
  else engine.remove(op.id);
}
