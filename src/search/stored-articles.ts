/**
 * The articles of a loaded snapshot, kept as the snapshot's own bytes and decoded only when one is
 * read (a search hit, view, related, a removal…). Loading thus costs no text decoding and no
 * per-article objects, and the text is held once (as UTF-16LE bytes), not as bytes + JS strings.
 *
 * Layout: one UTF-16LE blob with, per article, its TEXT_FIELDS values back to back; `ends` holds
 * per article and field the end offset (in UTF-16 code units, cumulative over the blob), and
 * `present` a bit per field (an absent field and an empty one differ). `id` and `url` are kept as
 * strings (the id and url lookups need them anyway). tags/extra are stored as JSON text.
 */
import type { Article } from '../types.ts';

/** Fields kept in the blob, in order; bit i of `present` is TEXT_FIELDS[i]. */
export const TEXT_FIELDS = ['title', 'body', 'author', 'column', 'source', 'category', 'date', 'dateText', 'tags', 'extra'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];
const F = TEXT_FIELDS.length;
const TITLE = 0;

/** The TEXT_FIELDS values of one article as strings (tags/extra as JSON), undefined when absent. */
export function textFieldsOf(a: Article): (string | undefined)[] {
  return [a.title, a.body, a.author, a.column, a.source, a.category, a.date, a.dateText, a.tags ? JSON.stringify(a.tags) : undefined, a.extra ? JSON.stringify(a.extra) : undefined];
}

export class StoredArticles {
  constructor(
    readonly ids: readonly string[],
    readonly urls: readonly (string | undefined)[],
    /** UTF-16LE bytes of every article's fields. */
    private readonly blob: Uint8Array,
    /** ids.length × TEXT_FIELDS.length end offsets, in code units. */
    private readonly ends: Int32Array,
    private readonly present: Uint16Array,
  ) {
    const n = ids.length;
    if (urls.length !== n || ends.length !== n * F || present.length !== n) throw new Error('stored articles: column lengths differ');
    if (blob.byteLength % 2 !== 0 || (n > 0 && ends[n * F - 1]! * 2 !== blob.byteLength)) throw new Error('stored articles: text length does not match its offsets');
    for (let i = 1; i < ends.length; i++) if (ends[i]! < ends[i - 1]!) throw new Error('stored articles: offsets out of order');
    if (n > 0 && ends[0]! < 0) throw new Error('stored articles: negative offset');
  }

  get size(): number {
    return this.ids.length;
  }

  private start(i: number): number {
    return i === 0 ? 0 : this.ends[i * F - 1]!;
  }

  private decode(from: number, to: number): string {
    return Buffer.from(this.blob.buffer, this.blob.byteOffset + from * 2, (to - from) * 2).toString('utf16le');
  }

  /** The article as it was stored (a new object each call). */
  article(i: number): Article {
    const base = this.start(i);
    const all = this.decode(base, this.ends[i * F + F - 1]!);
    const bits = this.present[i]!;
    const v: (string | undefined)[] = new Array(F);
    let from = 0;
    for (let f = 0; f < F; f++) {
      const to = this.ends[i * F + f]! - base;
      v[f] = bits & (1 << f) ? all.slice(from, to) : undefined;
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

  /** Only the title (proximity and suggestions read many titles). */
  title(i: number): string {
    return this.decode(this.start(i), this.ends[i * F + TITLE]!);
  }

  /**
   * For re-serializing without decoding: writes the article's end offsets into `out` from `at`,
   * shifted so that it starts at code unit `shift`, and returns its UTF-16LE bytes (a view).
   */
  copyTo(i: number, out: Int32Array, at: number, shift: number): Uint8Array {
    const base = this.start(i);
    for (let f = 0; f < F; f++) out[at + f] = this.ends[i * F + f]! - base + shift;
    return this.blob.subarray(base * 2, this.ends[i * F + F - 1]! * 2);
  }

  presentBits(i: number): number {
    return this.present[i]!;
  }
}
