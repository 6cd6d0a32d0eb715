/**
 * Plain-text pages as scraped from Arabic news sites (see ../shared/samples/column-page.txt):
 *
 *   ولنا كلمة : ملتقى الشراكة والتشبيك       ← title; «column : title» (see splitColumn)
 *   تاريخ النشر: 12th, December 2023 GMT       ← date line
 *   …body paragraphs…
 *   طالب بن سيف الضباري                         ← author (line before the email, or a short line before المصدر/كلمات)
 *   dhabari88@hotmail.com                       ← email → extra.email, never body
 *   المصدر: جريدة الوطن                         ← source
 *   كلمات دلالية: هذه الجمعیات                  ← tags (split on , ، ; ؛)
 *   إقرأ أيضاً:                                 ← everything after is OTHER articles:
 *   <title line>                                   each a short line without final punctuation,
 *   <body paragraphs…>                             followed by its paragraphs
 *
 * Labels are matched after folding (marks, alef/ya/ta-marbuta forms), so اقرأ ايضا، إقرأ أيضاً،
 * اقرا ايضاً all work; any line may be missing. Several pages in one file are separated by a line
 * of --- or === (3 or more) or a form feed, or simply follow each other (a title line directly
 * followed by a date line starts a new page). Read-also items get no date or source: they are
 * links to other pages, not part of this one.
 */
import type { Article } from '../types.ts';
import { deriveId } from './article-id.ts';
import { dateFields, foldForDates } from './dates.ts';
import { readText, type ByteCounter } from './open-input.ts';
import { tagList } from './record.ts';
import type { ReadEvent, ReadOptions } from './types.ts';
import { encodingWarning, type EncodingInfo } from './decode.ts';

interface Line {
  n: number;
  text: string;
}

type FieldKind = 'date' | 'source' | 'tags' | 'category' | 'author' | 'url' | 'email' | 'readAlso';

/** Labelled lines, matched on the folded text (see foldForDates). Rules as data. */
const LABELS: readonly (readonly [FieldKind, RegExp])[] = [
  // Alone on its line, or followed by a colon and the first item's title.
  ['readAlso', /^(?:اقرا ايضا|اقرا كذلك|اقرا المزيد|ذات صله|مقالات ذات صله|اخبار ذات صله|مواضيع ذات صله|read also|see also|related)(?:\s*[:：].*|\s*)$/],
  ['date', /^(?:تاريخ النشر|نشر في|نشر بتاريخ|التاريخ|تاريخ|published|date)\s*[:：]\s*(.+)$/],
  ['source', /^(?:المصدر|مصدر|source)\s*[:：]\s*(.+)$/],
  ['tags', /^(?:كلمات دلاليه|الكلمات الدلاليه|كلمات مفتاحيه|الكلمات المفتاحيه|الوسوم|وسوم|tags|keywords)\s*[:：]\s*(.+)$/],
  ['category', /^(?:القسم|التصنيف|الباب|section|category)\s*[:：]\s*(.+)$/],
  ['author', /^(?:بقلم|الكاتب|كتب|كتبت|by)\s*[:：]\s*(.+)$/],
  ['url', /^(?:(?:الرابط|رابط المقال|url|link)\s*[:：]\s*)?(https?:\/\/\S+)$/],
  ['email', /^(?:(?:البريد الالكتروني|email|e-mail)\s*[:：]\s*)?([^\s@]+@[^\s@]+\.[^\s@]+)$/],
];

/** What a labelled line holds (`{kind, value}`), or undefined for an ordinary line. */
export function labelledLine(text: string): { kind: FieldKind; value: string } | undefined {
  const folded = foldForDates(text).trim();
  const kind = LABELS.find(([, re]) => re.test(folded))?.[0];
  if (!kind) return undefined;
  // Values come from the original text (folding removes marks and lowercases).
  if (kind === 'url' || kind === 'email') return { kind, value: text.trim().split(/\s+/).pop()! };
  const colon = text.search(/[:：]/);
  return { kind, value: colon < 0 ? '' : text.slice(colon + 1).trim() };
}

const words = (s: string) => s.split(/\s+/).filter(Boolean).length;
/** Sentence-final punctuation: . ! ? ؟ (U+061F) … : ؛ (U+061B) ، (U+060C) and closing quotes. */
const ENDS_SENTENCE = /[.!?\u061F\u2026:\u061B\u060C"»)\]]$/;
const isTitleLike = (s: string) => words(s) <= 20 && !ENDS_SENTENCE.test(s.trim());
/** A byline: a short line that is not a sentence. */
const isNameLike = (s: string) => words(s) >= 1 && words(s) <= 6 && !ENDS_SENTENCE.test(s.trim()) && !/\d/.test(s);

/**
 * «ولنا كلمة : ملتقى الشراكة» → column + title, when the part before the colon is 1–4 words and
 * either the colon has a space before it (how column labels are printed) or the page has a byline.
 * «السوداني: الحكومة…» (a quote attribution, no space, no byline) stays a title.
 */
function splitColumn(title: string, hasByline: boolean): { column?: string; title: string } {
  const m = /^([^:：\d]{1,60}?)(\s*)[:：]\s*(.+)$/.exec(title);
  if (!m || words(m[1]!) > 4 || (!m[2] && !hasByline)) return { title };
  return { column: m[1]!.trim(), title: m[3]!.trim() };
}

interface Block {
  article?: Article;
  line: number;
  problems: { reason: string; detail?: string; severity: 'skip' | 'warning' }[];
}

/** One article from its lines: first plain line is the title, labelled lines are fields. */
function buildArticle(lines: Line[], isMain: boolean): Block {
  const problems: Block['problems'] = [];
  const plain: Line[] = [];
  const fields: Partial<Record<FieldKind, string>> = {};
  // Where a byline can be: the plain line just before the email line (sure), or just before the
  // first source/tags line (only if it looks like a name).
  let byline: { at: number; sure: boolean } | undefined;
  for (const l of lines) {
    const f = labelledLine(l.text);
    if (f && f.kind !== 'readAlso') {
      if (f.kind === 'email' && (!byline || !byline.sure)) byline = { at: plain.length - 1, sure: true };
      if ((f.kind === 'source' || f.kind === 'tags') && !byline) byline = { at: plain.length - 1, sure: false };
      if (!fields[f.kind]) fields[f.kind] = f.value;
      continue;
    }
    plain.push(l);
  }
  // The byline must be the last plain line and not the title.
  if (!fields.author && byline && byline.at === plain.length - 1 && byline.at >= 2) {
    const cand = plain[byline.at]!.text.trim();
    if (byline.sure ? words(cand) <= 8 : isNameLike(cand)) {
      fields.author = cand;
      plain.pop();
    }
  }
  const first = plain.shift();
  if (!first) return { line: lines[0]?.n ?? 1, problems: [{ severity: 'skip', reason: 'missing title and body' }] };
  const body = plain.map((l) => l.text.trim()).join('\n');
  if (!body) {
    return { line: first.n, problems: [{ severity: 'skip', reason: isMain ? 'missing body' : 'read-also item without body', detail: `"${first.text.trim()}"` }] };
  }
  const t = isMain ? splitColumn(first.text.trim(), !!(fields.author || fields.email)) : { title: first.text.trim() };
  const article: Article = { id: '', title: t.title, body };
  if (fields.author) article.author = fields.author;
  if (t.column) article.column = t.column;
  if (fields.source) article.source = fields.source;
  if (fields.category) article.category = fields.category;
  const tags = tagList(fields.tags);
  if (tags) article.tags = tags;
  const d = dateFields(fields.date);
  if (d.dateText) problems.push({ severity: 'warning', reason: 'unparseable date', detail: `kept as dateText: "${d.dateText}"` });
  Object.assign(article, d);
  if (fields.url) article.url = fields.url;
  if (fields.email) article.extra = { email: fields.email };
  article.id = deriveId(article);
  return { article, line: first.n, problems };
}

/**
 * Read-also section → items: a title-like line starts an item once the current one has a body.
 * A short question (≤ 12 words ending in ? or ؟ U+061F) followed by a longer line is a title too
 * («هل تنجح الخطة؟»).
 */
function splitItems(lines: Line[]): Line[][] {
  const items: Line[][] = [];
  let cur: Line[] | undefined;
  lines.forEach((l, i) => {
    const t = l.text.trim();
    const next = lines[i + 1]?.text.trim() ?? '';
    const question = /[?\u061F]$/.test(t) && words(t) <= 12 && next.length > t.length;
    const startsItem = (isTitleLike(t) || question) && !labelledLine(t) && !!cur?.some((x, j) => j > 0 && !labelledLine(x.text));
    if (!cur || startsItem) {
      cur = [l];
      items.push(cur);
    } else cur.push(l);
  });
  return items;
}

/** The articles of one page (main article first, then read-also items). */
export function parsePage(lines: Line[]): Block[] {
  const nonEmpty = lines.filter((l) => l.text.trim());
  const cut = nonEmpty.findIndex((l) => labelledLine(l.text)?.kind === 'readAlso');
  const main = cut < 0 ? nonEmpty : nonEmpty.slice(0, cut);
  const rest = cut < 0 ? [] : nonEmpty.slice(cut + 1);
  if (cut >= 0) {
    const inline = labelledLine(nonEmpty[cut]!.text)!.value; // «إقرأ أيضاً: عنوان» on one line
    if (inline) rest.unshift({ n: nonEmpty[cut]!.n, text: inline });
  }
  const blocks: Block[] = [];
  if (main.length) blocks.push(buildArticle(main, true));
  for (const item of splitItems(rest)) blocks.push(buildArticle(item, false));
  return blocks;
}

const PAGE_SEPARATOR = /^\s*(?:-{3,}|={3,}|_{3,}|\f)\s*$/;

/**
 * Splits a text file into pages (lines keep their 1-based numbers in the file): at separator
 * lines, and where a title-like line is directly followed by a date line (concatenated dumps
 * without separators: every page starts «title / تاريخ النشر: …»).
 */
export function splitPages(text: string): Line[][] {
  const lines = text.split(/\r?\n/).map((raw, i) => ({ n: i + 1, text: raw.replace(/^\uFEFF/, '') }));
  const nonEmptyAfter = (i: number) => lines.slice(i + 1).find((l) => l.text.trim());
  const pages: Line[][] = [[]];
  lines.forEach((l, i) => {
    if (PAGE_SEPARATOR.test(l.text) || l.text.includes('\f')) {
      pages.push([]);
      return;
    }
    const cur = pages[pages.length - 1]!;
    const startsPage = l.text.trim() && isTitleLike(l.text) && labelledLine(nonEmptyAfter(i)?.text ?? '')?.kind === 'date'
      && !labelledLine(l.text) && cur.some((x) => x.text.trim());
    if (startsPage) pages.push([l]);
    else cur.push(l);
  });
  return pages.filter((p) => p.some((l) => l.text.trim()));
}

export async function* readScrapedPages(file: string, _opts: ReadOptions, counter?: ByteCounter): AsyncGenerator<ReadEvent> {
  const info: EncodingInfo = {};
  const text = await readText(file, counter, info);
  if (info.guessed) yield encodingWarning(file, info);
  for (const page of splitPages(text)) {
    for (const b of parsePage(page)) {
      if (b.article) yield { kind: 'article', article: b.article, file, line: b.line };
      for (const p of b.problems) yield { kind: 'problem', file, line: b.line, ...p };
    }
  }
}
