/**
 * Per-document data in flat arrays indexed by internal doc number: liveness, date, field lengths
 * (for BM25F length normalization) and the ids of the exact-filter values.
 * Doc numbers only grow between compactions; a removed or replaced article leaves a dead slot.
 */
import type { Article } from '../types.ts';
import { GrowableArray } from './growable.ts';
import { ValueDict } from './value-dict.ts';

export type ValueField = 'author' | 'column' | 'source' | 'category';
export const VALUE_FIELDS: readonly ValueField[] = ['author', 'column', 'source', 'category'];

const NO_TAGS: readonly number[] = Object.freeze([]) as readonly number[];

/** `YYYY-MM-DD` (or `YYYY-MM`, `YYYY`) → YYYYMMDD with missing parts as 00; 0 when not a date. */
export function dateNumber(date: string | undefined): number {
  if (!date) return 0;
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(date);
  if (!m) return 0;
  return Number(m[1]) * 10000 + Number(m[2] ?? 0) * 100 + Number(m[3] ?? 0);
}

export class DocTable {
  readonly articles: (Article | undefined)[] = [];
  readonly byId = new Map<string, number>();
  readonly byUrl = new Map<string, number>();
  readonly byBodyHash = new Map<number, number | number[]>();
  /** 1 for a removed (or never used) slot. */
  readonly dead = new GrowableArray(Uint8Array, 1024);
  readonly date = new GrowableArray(Int32Array, 1024);
  readonly titleLen = new GrowableArray(Int32Array, 1024);
  readonly bodyLen = new GrowableArray(Int32Array, 1024);
  readonly bodyHash = new GrowableArray(Float64Array, 1024);
  readonly values: Record<ValueField, GrowableArray<Int32Array>> = {
    author: new GrowableArray(Int32Array, 1024),
    column: new GrowableArray(Int32Array, 1024),
    source: new GrowableArray(Int32Array, 1024),
    category: new GrowableArray(Int32Array, 1024),
  };
  readonly tags: (readonly number[])[] = [];
  dicts: Record<ValueField | 'tag', ValueDict> = {
    author: new ValueDict(),
    column: new ValueDict(),
    source: new ValueDict(),
    category: new ValueDict(),
    tag: new ValueDict(),
  };
  live = 0;
  sumTitleLen = 0;
  sumBodyLen = 0;

  /** Number of slots (live and dead). */
  get slots(): number {
    return this.articles.length;
  }

  add(a: Article, titleLen: number, bodyLen: number, bodyHash: number): number {
    const valueIds = VALUE_FIELDS.map((f) => {
      const v = a[f];
      return v ? this.dicts[f].intern(v) : -1;
    });
    const tagIds = [...new Set((a.tags ?? []).map((t) => this.dicts.tag.intern(t)).filter((i) => i >= 0))];
    return this.restoreDoc(a, titleLen, bodyLen, bodyHash, valueIds, tagIds);
  }

  /** Appends a doc whose value ids are already known (add, or loading a snapshot). */
  restoreDoc(a: Article, titleLen: number, bodyLen: number, bodyHash: number, valueIds: readonly number[], tagIds: number[]): number {
    const doc = this.articles.length;
    this.articles.push(a);
    this.byId.set(a.id, doc);
    if (a.url) this.byUrl.set(urlKey(a.url), doc);
    const prev = this.byBodyHash.get(bodyHash);
    if (prev === undefined) this.byBodyHash.set(bodyHash, doc);
    else if (typeof prev === 'number') this.byBodyHash.set(bodyHash, [prev, doc]);
    else prev.push(doc);
    this.dead.push(0);
    this.date.push(dateNumber(a.date));
    this.titleLen.push(titleLen);
    this.bodyLen.push(bodyLen);
    this.bodyHash.push(bodyHash);
    VALUE_FIELDS.forEach((f, i) => {
      const id = valueIds[i]!;
      this.values[f].push(id);
      if (id >= 0) this.dicts[f].count.data[id]!++;
    });
    for (const t of tagIds) this.dicts.tag.count.data[t]!++;
    this.tags.push(tagIds.length ? tagIds : NO_TAGS);
    this.live++;
    this.sumTitleLen += titleLen;
    this.sumBodyLen += bodyLen;
    return doc;
  }

  remove(doc: number): void {
    const a = this.articles[doc];
    if (!a || this.dead.data[doc]) return;
    this.dead.data[doc] = 1;
    if (this.byId.get(a.id) === doc) this.byId.delete(a.id);
    if (a.url && this.byUrl.get(urlKey(a.url)) === doc) this.byUrl.delete(urlKey(a.url));
    const h = this.bodyHash.data[doc]!;
    const prev = this.byBodyHash.get(h);
    if (prev === doc) this.byBodyHash.delete(h);
    else if (Array.isArray(prev)) {
      const rest = prev.filter((d) => d !== doc);
      this.byBodyHash.set(h, rest.length === 1 ? rest[0]! : rest);
    }
    for (const f of VALUE_FIELDS) {
      const id = this.values[f].data[doc]!;
      if (id >= 0) this.dicts[f].count.data[id]!--;
    }
    for (const t of this.tags[doc]!) this.dicts.tag.count.data[t]!--;
    this.articles[doc] = undefined;
    this.live--;
    this.sumTitleLen -= this.titleLen.data[doc]!;
    this.sumBodyLen -= this.bodyLen.data[doc]!;
  }

  /** Live docs with the same body hash. */
  sameBody(hash: number): number[] {
    const v = this.byBodyHash.get(hash);
    return v === undefined ? [] : typeof v === 'number' ? [v] : v;
  }
}

/** URLs compare without surrounding spaces, a trailing slash or the fragment. */
export function urlKey(url: string): string {
  return url.trim().replace(/#.*$/, '').replace(/\/+$/, '');
}
