/**
 * One raw record (a parsed JSON object or CSV row) → an Article, or the reason it cannot be one.
 * Shared by the JSONL, JSON and CSV readers.
 */
import type { Article } from '../types.ts';
import { deriveId } from './article-id.ts';
import { dateFields } from './dates.ts';
import { articleFieldFor, type ArticleField } from './field-map.ts';

export type RecordResult =
  | { ok: true; article: Article; warnings: { reason: string; detail?: string }[] }
  | { ok: false; reason: string; detail?: string };

/** Text of a scalar field: strings trimmed, numbers stringified, objects with `name` (JSON-LD authors) named. */
function text(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v.trim() || undefined;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) {
    const parts = v.map(text).filter((s): s is string => !!s);
    return parts.length ? parts.join('، ') : undefined;
  }
  if (typeof v === 'object' && typeof (v as { name?: unknown }).name === 'string') return text((v as { name: string }).name);
  return undefined;
}

/** Tags from an array or a string separated by , ، ; ؛ | (U+060C, U+061B). */
export function tagList(v: unknown): string[] | undefined {
  const raw = Array.isArray(v) ? v.map(text) : typeof v === 'string' ? v.split(/[,،;؛|]/) : [];
  const tags = [...new Set(raw.map((t) => t?.trim()).filter((t): t is string => !!t))];
  return tags.length ? tags : undefined;
}

export function recordToArticle(raw: unknown, map: Record<string, string> = {}): RecordResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, reason: 'not an object', detail: 'each record must be a JSON object like {"title": …, "body": …}' };
  }
  const fields: Partial<Record<ArticleField, unknown>> = {};
  const extra: Record<string, unknown> = {};
  for (const [key0, value] of Object.entries(raw)) {
    const key = Object.hasOwn(map, key0) ? map[key0]! : key0; // own keys only: "constructor" is a field name, not Object.prototype.constructor
    const field = articleFieldFor(key);
    if (field && fields[field] === undefined) fields[field] = value;
    // defineProperty: a "__proto__" key stays an own field instead of replacing extra's prototype.
    else if (value !== undefined && value !== null && value !== '') Object.defineProperty(extra, key, { value, enumerable: true, writable: true, configurable: true });
  }
  const body = text(fields.body);
  if (!body) return { ok: false, reason: 'missing body', detail: 'the record has no non-empty "body" (use --map yourField=body)' };
  const title = text(fields.title) ?? '';
  const url = text(fields.url);
  const warnings: { reason: string; detail?: string }[] = [];
  const dates = dateFields(fields.date);
  if (dates.dateText) warnings.push({ reason: 'unparseable date', detail: `kept as dateText: "${dates.dateText}"` });
  else if (!dates.date && fields.date !== undefined && fields.date !== null && fields.date !== '') {
    // Not text (an object, a list…): kept as it came, in extra.
    extra.date = fields.date;
    warnings.push({ reason: 'unparseable date', detail: 'the date is not text; kept in extra.date' });
  }
  const article: Article = {
    id: text(fields.id) ?? deriveId({ url, title, body }),
    title,
    body,
  };
  const author = text(fields.author), column = text(fields.column), source = text(fields.source), category = text(fields.category);
  if (author) article.author = author;
  if (column) article.column = column;
  if (source) article.source = source;
  if (category) article.category = category;
  const tags = tagList(fields.tags);
  if (tags) article.tags = tags;
  Object.assign(article, dates);
  if (url) article.url = url;
  if (Object.keys(extra).length) article.extra = extra;
  return { ok: true, article, warnings };
}
