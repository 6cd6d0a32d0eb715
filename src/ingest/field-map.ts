/**
 * Field names of incoming records → Article fields. Explicit `--map old=new` renames come first;
 * then these common aliases (rules as data), matched case-insensitively; anything else goes to
 * `extra`.
 */
export const ARTICLE_FIELDS = ['id', 'title', 'body', 'date', 'author', 'source', 'category', 'url', 'column', 'tags'] as const;
export type ArticleField = (typeof ARTICLE_FIELDS)[number];

export const FIELD_ALIASES: Readonly<Record<string, ArticleField>> = {
  _id: 'id', guid: 'id', article_id: 'id',
  headline: 'title',
  text: 'body', content: 'body', article: 'body', articlebody: 'body', article_body: 'body',
  published: 'date', published_at: 'date', publish_date: 'date', pubdate: 'date', datepublished: 'date', date_published: 'date',
  byline: 'author', writer: 'author', authors: 'author',
  publisher: 'source', newspaper: 'source', outlet: 'source', site: 'source',
  section: 'category', articlesection: 'category',
  link: 'url', href: 'url', permalink: 'url',
  keywords: 'tags', tag: 'tags',
  columnname: 'column', column_name: 'column',
};

/** Parses `--map old=new,old2=new2`; throws a plain-language message on a bad pair. */
export function parseFieldMap(spec: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!spec) return out;
  for (const pair of spec.split(',').map((p) => p.trim()).filter(Boolean)) {
    const m = /^([^=]+)=([^=]+)$/.exec(pair);
    if (!m) throw new Error(`--map: "${pair}" is not old=new (example: --map headline=title,text=body)`);
    out[m[1]!.trim()] = m[2]!.trim();
  }
  return out;
}

/** The Article field a record key maps to, or undefined for an extra field. */
export function articleFieldFor(key: string): ArticleField | undefined {
  const k = key.toLowerCase();
  if ((ARTICLE_FIELDS as readonly string[]).includes(k)) return k as ArticleField;
  return Object.hasOwn(FIELD_ALIASES, k) ? FIELD_ALIASES[k] : undefined; // "constructor", "__proto__"… are not aliases
}
