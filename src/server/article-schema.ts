/**
 * The article accepted by the write endpoints, validated with zod. `id`, `title` and `body` are
 * required; other fields are typed and bounded. Unknown fields are refused (a typo would otherwise
 * be silently lost); free-form data goes in `extra`. `__proto__`, `constructor` and `prototype` are
 * refused as keys of `extra` so nothing downstream can be polluted through them.
 */
import { z } from 'zod';
import type { Article } from '../types.ts';
import { isCalendarDate } from './dates.ts';

export const ARTICLE_LIMITS = {
  idChars: 200,
  titleChars: 2_000,
  bodyChars: 500_000,
  nameChars: 300,
  tags: 100,
  tagChars: 100,
  urlChars: 2_048,
  dateTextChars: 200,
  extraKeys: 100,
  extraJsonChars: 100_000,
} as const;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * JSON.parse reviver for request bodies: refuses `__proto__`, `constructor` and `prototype` as
 * field names anywhere in the document (they could reach a deep merge or an `Object.assign`).
 */
export function rejectDangerousKeys(key: string, value: unknown): unknown {
  if (FORBIDDEN_KEYS.has(key)) throw new SyntaxError(`"${key}" is not allowed as a field name`);
  return value;
}
/** C0/C1 controls (U+0000–U+001F, U+007F–U+009F) are not allowed in ids. (`/` is: it travels as %2F in paths.) */
const BAD_ID_CHARS = /[\u0000-\u001F\u007F-\u009F]/;

const text = (name: string, max: number) =>
  z
    .string({ error: (iss) => (iss.input === undefined ? `${name} is required` : `${name} must be a string`) })
    .max(max, { error: `${name} must be at most ${max} characters` });

const name = (field: string) => text(field, ARTICLE_LIMITS.nameChars).trim().optional();

export const ArticleIdSchema = text('id', ARTICLE_LIMITS.idChars)
  .trim()
  .min(1, { error: 'id must not be empty' })
  .refine((id) => !BAD_ID_CHARS.test(id), { error: 'id must not contain control characters' });

const extraSchema = z
  .record(z.string(), z.unknown(), { error: 'extra must be an object of named values' })
  .superRefine((extra, ctx) => {
    const keys = Object.keys(extra);
    if (keys.length > ARTICLE_LIMITS.extraKeys) ctx.addIssue({ code: 'custom', message: `extra may have at most ${ARTICLE_LIMITS.extraKeys} fields` });
    for (const k of keys) if (FORBIDDEN_KEYS.has(k)) ctx.addIssue({ code: 'custom', message: `"${k}" is not allowed as a field name in extra` });
    if (JSON.stringify(extra).length > ARTICLE_LIMITS.extraJsonChars) {
      ctx.addIssue({ code: 'custom', message: `extra must be at most ${ARTICLE_LIMITS.extraJsonChars} characters as JSON` });
    }
  });

export const ArticleInputSchema = z
  .object({
    id: ArticleIdSchema,
    title: text('title', ARTICLE_LIMITS.titleChars),
    body: text('body', ARTICLE_LIMITS.bodyChars),
    author: name('author'),
    column: name('column'),
    source: name('source'),
    category: name('category'),
    tags: z
      .array(text('tag', ARTICLE_LIMITS.tagChars).trim(), { error: 'tags must be an array of strings' })
      .max(ARTICLE_LIMITS.tags, { error: `at most ${ARTICLE_LIMITS.tags} tags` })
      .optional(),
    date: z
      .string({ error: 'date must be a string' })
      .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'date must be YYYY-MM-DD; put other date text in dateText', abort: true })
      .refine(isCalendarDate, { error: 'date must be a calendar date YYYY-MM-DD; put other date text in dateText' })
      .optional(),
    dateText: text('dateText', ARTICLE_LIMITS.dateTextChars).optional(),
    url: text('url', ARTICLE_LIMITS.urlChars)
      .refine((u) => /^https?:\/\/[^\s]+$/i.test(u) && URL.canParse(u), { error: 'url must be an absolute http(s) URL' })
      .optional(),
    extra: extraSchema.optional(),
  })
  .strict();

export type ArticleInput = z.infer<typeof ArticleInputSchema>;

/** Copies the validated fields onto a fresh object (no inherited or unexpected keys), dropping empty optionals. */
export function toArticle(input: ArticleInput): Article {
  const a: Article = { id: input.id, title: input.title, body: input.body };
  for (const k of ['author', 'column', 'source', 'category', 'date', 'dateText', 'url'] as const) {
    const v = input[k];
    if (v !== undefined && v !== '') a[k] = v;
  }
  if (input.tags?.length) a.tags = input.tags.filter(Boolean);
  if (input.extra && Object.keys(input.extra).length) a.extra = { ...input.extra };
  return a;
}
