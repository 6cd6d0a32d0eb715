/** Validation and identity of incoming articles. */
import { ValidationError } from '../errors.ts';
import type { Article } from '../types.ts';

export function checkArticle(a: Article): void {
  if (a === null || typeof a !== 'object') throw new ValidationError('article must be an object', 'Send {"id", "title", "body", ...}.');
  if (typeof a.id !== 'string' || a.id.trim() === '') throw new ValidationError('article.id must be a non-empty string', 'Give every article a unique id.');
  if (typeof a.title !== 'string') throw new ValidationError(`article ${a.id}: title must be a string`, 'Use "" for an article without a title.');
  if (typeof a.body !== 'string') throw new ValidationError(`article ${a.id}: body must be a string`, 'Put the article text in "body".');
  for (const f of ['author', 'column', 'source', 'category', 'date', 'dateText', 'url'] as const) {
    const v = a[f];
    if (v !== undefined && typeof v !== 'string') throw new ValidationError(`article ${a.id}: ${f} must be a string`, `Remove "${f}" or give it as text.`);
  }
  if (a.tags !== undefined && (!Array.isArray(a.tags) || a.tags.some((t) => typeof t !== 'string'))) {
    throw new ValidationError(`article ${a.id}: tags must be an array of strings`, 'Send tags as ["tag1", "tag2"].');
  }
}

/** Canonical text of an article, to tell an unchanged re-put from an update. */
export function articleFingerprint(a: Article): string {
  return JSON.stringify([a.id, a.title, a.body, a.author, a.column, a.source, a.category, a.tags, a.date, a.dateText, a.url, a.extra]);
}
