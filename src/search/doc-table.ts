/**
 * Per-document data in flat arrays indexed by internal doc number: liveness, date, field lengths
 * (for BM25F length normalization) and the ids of the exact-filter values.
 * Doc numbers only grow between compactions; a removed or replaced article leaves a dead slot.
 */
import type { Article } from '../types.ts';
import { GrowableArray } from './growable.ts';
import type { ShownArticle, StoredArticles } from './stored-articles.ts';
import { ValueDict } from './value-dict.ts';

export type ValueField = 'author' | 'column' | 'source' | 'category';
export const VALUE_FIELDS: readonly ValueField[] = ['author', 'column', 'source', 'category'];

const NO_TAGS: readonly number[] = Object.freeze([]) as readonly number[];

/** `YYYY-MM-DD` (or `YYYY-MM`, `YYYY`) → YYYYMMDD with missing parts as 00; 0 when not a date. */
export function dateNumber(date: string | undefined): number {
  // What /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/ reads, by code units: a regex match allocated its
  // array and three strings per put.
  if (!date) return 0;
  const y = digitsAt(date, 0, 4);
  if (y < 0) return 0;
  const m = date.charCodeAt(4) === 45 ? digitsAt(date, 5, 2) : -1;
  if (m < 0) return y * 10000;
  const d = date.charCodeAt(7) === 45 ? digitsAt(date, 8, 2) : -1;
  return y * 10000 + m * 100 + (d < 0 ? 0 : d);
}

/** The decimal number of the ASCII digits date[at … at + n), or −1 if one is not a digit. */
function digitsAt(s: string, at: number, n: number): number {
  let v = 0;
  for (let i = at; i < at + n; i++) {
    const c = s.charCodeAt(i) - 48; // NaN past the end
    if (!(c >= 0 && c <= 9)) return -1;
    v = v * 10 + c;
  }
  return v;
}

/** What a snapshot restores (see DocTable.restore); the typed arrays become the table's own. */
export interface DocColumns {
  stored: StoredArticles;
  date: Int32Array;
  titleLen: Int32Array;
  bodyLen: Int32Array;
  bodyHash: Float64Array;
  dicts: DocTable['dicts'];
  values: Record<ValueField, Int32Array>;
  /** Per doc, its tag ids are tagIds[tagStart[d] .. tagStart[d + 1]). */
  tagStart: Int32Array;
  tagIds: Int32Array;
}

export class DocTable {
  /** Articles added in memory (an entry is empty for a removed doc and for a doc of `stored`). */
  private readonly articles: (Article | undefined)[] = [];
  /** The articles of the snapshot this table was loaded from: docs 0 … stored.size − 1. */
  private stored: StoredArticles | undefined;
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

  /** The article of a live doc (undefined for a removed one). A loaded doc is decoded on each call. */
  article(doc: number): Article | undefined {
    const a = this.articles[doc];
    if (a !== undefined || this.stored === undefined || doc >= this.stored.size || this.dead.data[doc]) return a;
    return this.stored.article(doc);
  }

  /** A live doc's article without body, tags and extra (a loaded doc reads only those bytes). */
  articleHead(doc: number): Omit<Article, 'body' | 'tags' | 'extra'> | undefined {
    const a = this.articles[doc];
    if (a !== undefined || this.stored === undefined || doc >= this.stored.size || this.dead.data[doc]) return a;
    return this.stored.articleHead(doc);
  }

  /** What a search result shows of a live doc (no dateText, tags, extra; a loaded doc decodes only those fields). */
  articleShown(doc: number): ShownArticle | undefined {
    const a = this.articles[doc];
    if (a !== undefined || this.stored === undefined || doc >= this.stored.size || this.dead.data[doc]) return a;
    return this.stored.articleShown(doc);
  }

  /** The id of a live doc, without decoding the article. */
  idOf(doc: number): string | undefined {
    const a = this.articles[doc];
    if (a !== undefined || this.stored === undefined || doc >= this.stored.size || this.dead.data[doc]) return a?.id;
    return this.stored.ids[doc];
  }

  /** The title of a live doc, decoding only the title. */
  titleOf(doc: number): string | undefined {
    const a = this.articles[doc];
    if (a !== undefined || this.stored === undefined || doc >= this.stored.size || this.dead.data[doc]) return a?.title;
    return this.stored.title(doc);
  }

  /** For the serializer: the snapshot articles (undefined when none), to copy them without building objects. */
  get storedArticles(): StoredArticles | undefined {
    return this.stored;
  }

  /** A table holding a snapshot's documents, all live, in doc order. Value counts are recomputed. */
  static restore(c: DocColumns): DocTable {
    const t = new DocTable();
    const n = c.stored.size;
    const { ids, urls } = c.stored;
    // An exact-size copy (the loaded bytes are dropped after load; doubling would leave ~45 % unused).
    const own = <T extends Int32Array | Uint8Array | Float64Array>(g: GrowableArray<T>, data: T) => {
      if (n > 0) g.data = data.slice() as T; // (an empty array could not double)
      g.length = n;
    };
    for (const col of [c.date, c.titleLen, c.bodyLen, c.bodyHash, c.tagStart.subarray(1), ...VALUE_FIELDS.map((f) => c.values[f])]) {
      if (col.length !== n) throw new Error('doc table: column lengths differ');
    }
    if (c.tagStart.length !== n + 1 || c.tagStart[n] !== c.tagIds.length) throw new Error('doc table: tag offsets do not match the tags');
    t.stored = c.stored;
    t.articles.length = n;
    t.dicts = c.dicts;
    own(t.dead, new Uint8Array(n));
    own(t.date, c.date);
    own(t.titleLen, c.titleLen);
    own(t.bodyLen, c.bodyLen);
    own(t.bodyHash, c.bodyHash);
    for (const f of VALUE_FIELDS) {
      own(t.values[f], c.values[f]);
      const count = c.dicts[f].count.data;
      const size = c.dicts[f].size;
      for (const id of c.values[f]) {
        if (id >= size) throw new Error(`doc table: ${f} value id out of range`);
        if (id >= 0) count[id]!++;
      }
    }
    const tagCount = c.dicts.tag.count.data;
    const tagSize = c.dicts.tag.size;
    for (let d = 0; d < n; d++) {
      const from = c.tagStart[d]!;
      const to = c.tagStart[d + 1]!;
      if (from === to) t.tags.push(NO_TAGS);
      else {
        const mine = Array.from(c.tagIds.subarray(from, to));
        for (const id of mine) {
          if (id < 0 || id >= tagSize) throw new Error('doc table: tag id out of range');
          tagCount[id]!++;
        }
        t.tags.push(mine);
      }
      t.byId.set(ids[d]!, d);
      const url = urls[d];
      if (url) t.byUrl.set(urlKey(url), d);
      const h = c.bodyHash[d]!;
      const prev = t.byBodyHash.get(h);
      if (prev === undefined) t.byBodyHash.set(h, d);
      else if (typeof prev === 'number') t.byBodyHash.set(h, [prev, d]);
      else prev.push(d);
      t.sumTitleLen += c.titleLen[d]!;
      t.sumBodyLen += c.bodyLen[d]!;
    }
    if (t.byId.size !== n) throw new Error('doc table: duplicate ids');
    t.live = n;
    return t;
  }

  add(a: Article, titleLen: number, bodyLen: number, bodyHash: number): number {
    const doc = this.pushDoc(a, titleLen, bodyLen, bodyHash);
    // Value and tag ids straight into their columns (no per-article arrays: this runs per put).
    for (let i = 0; i < VALUE_FIELDS.length; i++) {
      const f = VALUE_FIELDS[i]!;
      const v = a[f];
      this.pushValue(f, v ? this.dicts[f].intern(v) : -1);
    }
    const tags = a.tags;
    let tagIds: number[] | undefined;
    if (tags) {
      for (let i = 0; i < tags.length; i++) {
        const id = this.dicts.tag.intern(tags[i]!);
        if (id >= 0 && !tagIds?.includes(id)) (tagIds ??= []).push(id);
      }
    }
    this.pushTags(tagIds ?? NO_TAGS);
    return doc;
  }

  /** The doc's slot, its keys and its numeric columns (its values and tags follow). */
  private pushDoc(a: Article, titleLen: number, bodyLen: number, bodyHash: number): number {
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
    this.live++;
    this.sumTitleLen += titleLen;
    this.sumBodyLen += bodyLen;
    return doc;
  }

  private pushValue(f: ValueField, id: number): void {
    this.values[f].push(id);
    if (id >= 0) this.dicts[f].count.data[id]!++;
  }

  private pushTags(tagIds: readonly number[]): void {
    for (let i = 0; i < tagIds.length; i++) this.dicts.tag.count.data[tagIds[i]!]!++;
    this.tags.push(tagIds);
  }

  remove(doc: number): void {
    const id = this.idOf(doc);
    if (id === undefined || this.dead.data[doc]) return;
    const mem = this.articles[doc];
    const url = mem ? mem.url : this.stored!.urls[doc];
    this.dead.data[doc] = 1;
    if (this.byId.get(id) === doc) this.byId.delete(id);
    if (url && this.byUrl.get(urlKey(url)) === doc) this.byUrl.delete(urlKey(url));
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
  // Most URLs need no change; skipping the regexes for them saves ~30 ms per 71k-article load.
  if (!url.endsWith('/') && !url.includes('#') && url === url.trim()) return url;
  return url.trim().replace(/#.*$/, '').replace(/\/+$/, '');
}
