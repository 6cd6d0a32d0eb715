/**
 * The articles of a loaded snapshot, kept as the snapshot's own bytes and decoded only when one is
 * read (a search hit, view, related, a removal…). Loading thus costs no text decoding and no
 * per-article objects.
 *
 * Layout: titles are one UTF-16LE blob held in memory (ranking reads up to 100 titles per query);
 * the other TEXT_FIELDS values of every article are a second UTF-16LE blob, back to back per
 * article, read through an ArticleTextSource: in memory, or left in the snapshot file and read
 * on demand (a results page reads 10 articles). `titleEnds` (per article) and `restEnds` (per
 * article and non-title field) are cumulative end offsets in UTF-16 code units; `present` has a bit
 * per field (an absent field and an empty one differ). `id` and `url` are kept as strings (the
 * id and url lookups need them anyway). tags/extra are stored as JSON text.
 */
import type { Article } from '../types.ts';
import type { ArticleTextSource } from './article-text-source.ts';

/** Fields kept, in order; bit i of `present` is TEXT_FIELDS[i]; the title is kept apart. */
export const TEXT_FIELDS = ['title', 'body', 'author', 'column', 'source', 'category', 'date', 'dateText', 'tags', 'extra'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];
const F = TEXT_FIELDS.length;
/** Names of TEXT_FIELDS 1–7 (the string fields after the title) by field number. */
const FIELD_NAMES = [undefined, 'body', 'author', 'column', 'source', 'category', 'date', 'dateText'] as const;

/** The fields a search result shows (see StoredArticles.articleShown). */
export type ShownArticle = Omit<Article, 'dateText' | 'tags' | 'extra'>;
/** Fields in the rest blob (all but the title). */
export const REST_FIELDS = F - 1;
const R = REST_FIELDS;

/** The TEXT_FIELDS values of one article as strings (tags/extra as JSON), undefined when absent. */
export function textFieldsOf(a: Article): (string | undefined)[] {
  return [a.title, a.body, a.author, a.column, a.source, a.category, a.date, a.dateText, a.tags ? JSON.stringify(a.tags) : undefined, a.extra ? JSON.stringify(a.extra) : undefined];
}

export interface StoredText {
  ids: readonly string[];
  urls: readonly (string | undefined)[];
  present: Uint16Array;
  /** Per article: end of its title in `titles`, in code units. */
  titleEnds: Int32Array;
  titles: Uint8Array;
  /** Per article and rest field: end offset in the rest text, in code units. */
  restEnds: Int32Array;
  rest: ArticleTextSource;
}

export class StoredArticles {
  readonly ids: readonly string[];
  readonly urls: readonly (string | undefined)[];
  private readonly present: Uint16Array;
  private readonly titleEnds: Int32Array;
  private readonly titles: Uint8Array;
  private readonly restEnds: Int32Array;
  private readonly rest: ArticleTextSource;

  constructor(t: StoredText) {
    ({ ids: this.ids, urls: this.urls, present: this.present, titleEnds: this.titleEnds, titles: this.titles, restEnds: this.restEnds, rest: this.rest } = t);
    const n = t.ids.length;
    if (t.urls.length !== n || t.titleEnds.length !== n || t.restEnds.length !== n * R || t.present.length !== n) throw new Error('stored articles: column lengths differ');
    if (t.titles.byteLength !== (n > 0 ? t.titleEnds[n - 1]! * 2 : 0)) throw new Error('stored articles: title length does not match its offsets');
    if (t.rest.byteLength !== (n > 0 ? t.restEnds[n * R - 1]! * 2 : 0)) throw new Error('stored articles: text length does not match its offsets');
    for (const ends of [t.titleEnds, t.restEnds]) {
      if (ends.length > 0 && ends[0]! < 0) throw new Error('stored articles: negative offset');
      for (let i = 1; i < ends.length; i++) if (ends[i]! < ends[i - 1]!) throw new Error('stored articles: offsets out of order');
    }
  }

  get size(): number {
    return this.ids.length;
  }

  private titleStart(i: number): number {
    return i === 0 ? 0 : this.titleEnds[i - 1]!;
  }

  private restStart(i: number): number {
    return i === 0 ? 0 : this.restEnds[i * R - 1]!;
  }

  /** The article as it was stored (a new object each call). */
  article(i: number): Article {
    const base = this.restStart(i);
    const end = this.restEnds[i * R + R - 1]!;
    const bytes = this.rest.read(base * 2, end * 2);
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const bits = this.present[i]!;
    const v: (string | undefined)[] = new Array(F);
    v[0] = this.title(i);
    let from = 0;
    for (let f = 1; f < F; f++) {
      const to = this.restEnds[i * R + f - 1]! - base;
      // Each field decoded on its own: a slice of one string of all fields would be a sliced
      // string, which the highlighter's per-character loops read ~20 % slower than a flat one.
      v[f] = bits & (1 << f) ? buf.toString('utf16le', from * 2, to * 2) : undefined;
      from = to;
    }
    const a: Article = { id: this.ids[i]!, title: v[0] ?? '', body: v[1] ?? '' };
    if (v[2] !== undefined) a.author = v[2];
    if (v[3] !== undefined) a.column = v[3];
    if (v[4] !== undefined) a.source = v[4];
    if (v[5] !== undefined) a.category = v[5];
    if (v[6] !== undefined) a.date = v[6];
    if (v[7] !== undefined) a.dateText = v[7];
    if (this.urls[i] !== undefined) a.url = this.urls[i];
    if (v[8] !== undefined) a.tags = JSON.parse(v[8]);
    if (v[9] !== undefined) a.extra = JSON.parse(v[9]);
    return a;
  }

  /**
   * The article without its body, tags and extra (id, title, author, column, source, category,
   * date, dateText, url): reads only the bytes between the body and the tags, for lists that show
   * other articles by name (a hit's syndicated copies).
   */
  articleHead(i: number): Omit<Article, 'body' | 'tags' | 'extra'> {
    const a: Omit<Article, 'body' | 'tags' | 'extra'> = { id: this.ids[i]!, title: this.title(i) };
    this.readFields(i, 2, 7, a);
    if (this.urls[i] !== undefined) a.url = this.urls[i];
    return a;
  }

  /**
   * What a result shows (the article without dateText, tags and extra): one read of the bytes from
   * the body to the date into a reused buffer, and only those fields decoded.
   */
  articleShown(i: number): ShownArticle {
    const a: ShownArticle = { id: this.ids[i]!, title: this.title(i), body: '' };
    this.readFields(i, 1, 6, a);
    if (this.urls[i] !== undefined) a.url = this.urls[i];
    return a;
  }

  /** Reused for reads from the file (a hit reads a few KB; a fresh Buffer per read showed in profiles). */
  private scratch = Buffer.allocUnsafe(0);

  /** Decodes TEXT_FIELDS first … last (1 ≤ first ≤ last ≤ 7: body … dateText) of article i into `into`. */
  private readFields(i: number, first: number, last: number, into: Partial<Record<'body' | 'author' | 'column' | 'source' | 'category' | 'date' | 'dateText', string>>): void {
    const from = first === 1 ? this.restStart(i) : this.restEnds[i * R + first - 2]!;
    const end = this.restEnds[i * R + last - 1]!;
    const bytes = (end - from) * 2;
    if (this.scratch.length < bytes) this.scratch = Buffer.allocUnsafe(Math.max(bytes, this.scratch.length * 2, 1 << 16));
    const buf = this.scratch;
    // Each field decoded on its own: toString copies, so the buffer can be reused by the next read.
    this.rest.readInto(buf.subarray(0, bytes), from * 2);
    const bits = this.present[i]!;
    let at = from;
    for (let f = first; f <= last; f++) {
      const to = this.restEnds[i * R + f - 1]!;
      if (bits & (1 << f)) into[FIELD_NAMES[f]!] = buf.toString('utf16le', (at - from) * 2, (to - from) * 2);
      at = to;
    }
  }

  /** Only the title, from memory (proximity, title features and suggestions read many titles). */
  title(i: number): string {
    const from = this.titleStart(i) * 2;
    return Buffer.from(this.titles.buffer, this.titles.byteOffset + from, this.titleEnds[i]! * 2 - from).toString('utf16le');
  }

  /** The title's UTF-16LE bytes (a view), for re-serializing without decoding. */
  titleBytes(i: number): Uint8Array {
    return this.titles.subarray(this.titleStart(i) * 2, this.titleEnds[i]! * 2);
  }

  /** Where article i's rest text lies in the rest blob, in code units. */
  restRange(i: number): [from: number, to: number] {
    return [this.restStart(i), this.restEnds[i * R + R - 1]!];
  }

  /** Writes article i's rest-field end offsets into `out` from `at`, shifted to start at code unit `shift`. */
  copyRestEnds(i: number, out: Int32Array, at: number, shift: number): void {
    const base = this.restStart(i);
    for (let f = 0; f < R; f++) out[at + f] = this.restEnds[i * R + f]! - base + shift;
  }

  /** Copies bytes [from, from + dst.byteLength) of the rest text into dst (from the file when it is there). */
  readRestInto(dst: Uint8Array, from: number): void {
    this.rest.readInto(dst, from);
  }

  presentBits(i: number): number {
    return this.present[i]!;
  }

  /** Releases the snapshot file the text is read from (reads of the rest text throw afterwards). */
  close(): void {
    this.rest.close();
  }
}
