/**
 * HTML article pages → one Article, parsed with linkedom (a real HTML parser).
 * Sources, best first:
 *   title:  JSON-LD headline → og:title → first <h1> → <title>
 *   byline: JSON-LD author(s) → meta[name=author] → [rel=author], [itemprop=author], .byline, .author
 *   date:   JSON-LD datePublished → meta article:published_time (and similar) → <time datetime> → <time> text
 *   body:   the article container's paragraphs after removing nav/header/footer/aside/script/style/
 *           forms and share/related/comment/ad boilerplate; JSON-LD articleBody when it is not much
 *           shorter (publishers' own clean text)
 *   also:   source (JSON-LD publisher, og:site_name), category (articleSection, article:section),
 *           tags (keywords, article:tag), url (JSON-LD url, og:url, canonical link)
 * JSON-LD is searched in every ld+json script, through arrays and @graph, for a *Article type.
 */
import { parseHTML } from 'linkedom';
import type { Article } from '../types.ts';
import { deriveId } from './article-id.ts';
import { dateFields } from './dates.ts';
import { readText, type ByteCounter } from './open-input.ts';
import { tagList } from './record.ts';
import type { ReadEvent, ReadOptions } from './types.ts';
import { encodingWarning, type EncodingInfo } from './decode.ts';

type Json = Record<string, unknown>;
type Doc = ReturnType<typeof parseHTML>['document'];

const ARTICLE_TYPES = /^(?:NewsArticle|Article|ReportageNewsArticle|OpinionNewsArticle|AnalysisNewsArticle|BackgroundNewsArticle|BlogPosting|Report|ScholarlyArticle|LiveBlogPosting)$/;

function* walkLd(node: unknown): Generator<Json> {
  if (Array.isArray(node)) for (const n of node) yield* walkLd(n);
  else if (node && typeof node === 'object') {
    const o = node as Json;
    yield o;
    if (o['@graph']) yield* walkLd(o['@graph']);
  }
}

function isArticleType(o: Json): boolean {
  const t = o['@type'];
  return (Array.isArray(t) ? t : [t]).some((x) => typeof x === 'string' && ARTICLE_TYPES.test(x));
}

/** The first *Article object in the page's JSON-LD. Broken JSON-LD is ignored (reported by caller). */
function jsonLdArticle(doc: Doc): { ld?: Json; broken: number } {
  let broken = 0;
  for (const s of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    let data: unknown;
    try {
      data = JSON.parse(s.textContent ?? '');
    } catch {
      broken++;
      continue;
    }
    for (const o of walkLd(data)) if (isArticleType(o)) return { ld: o, broken };
  }
  return { broken };
}

const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

function str(v: unknown): string | undefined {
  if (typeof v === 'string') return clean(v) || undefined;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) {
    const parts = v.map(str).filter((x): x is string => !!x);
    return parts.length ? parts.join('، ') : undefined;
  }
  if (v && typeof v === 'object') return str((v as Json).name) ?? str((v as Json)['@id']);
  return undefined;
}

function meta(doc: Doc, ...keys: string[]): string | undefined {
  for (const k of keys) {
    const el = doc.querySelector(`meta[property="${k}"], meta[name="${k}"], meta[itemprop="${k}"]`);
    const v = clean(el?.getAttribute('content'));
    if (v) return v;
  }
  return undefined;
}

function metaAll(doc: Doc, key: string): string[] {
  return Array.from(doc.querySelectorAll(`meta[property="${key}"], meta[name="${key}"]`))
    .map((el) => clean(el.getAttribute('content')))
    .filter(Boolean);
}

const text = (doc: Doc, selector: string) => clean(doc.querySelector(selector)?.textContent) || undefined;

/** Elements that are never article text. */
const NOISE_TAGS = 'script, style, noscript, template, nav, header, footer, aside, form, iframe, svg, button, select, input, figure figcaption';
/** class/id words marking boilerplate blocks (share bars, related lists, comments, ads, menus). */
const NOISE_NAMES = /(?:^|[\s_-])(?:share|sharing|social|related|recommend|comments?|newsletter|subscribe|advert|ads?|sponsor|promo|breadcrumbs?|menu|sidebar|cookie|popup|modal|tags|read-?more|more-?news|most-?read|author-?box|byline)(?:$|[\s_-])/i;

function stripNoise(root: Element): void {
  for (const el of Array.from(root.querySelectorAll(NOISE_TAGS))) el.remove();
  for (const el of Array.from(root.querySelectorAll('[class], [id]'))) {
    const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (NOISE_NAMES.test(names) && el.tagName !== 'BODY' && el.tagName !== 'ARTICLE' && el.tagName !== 'MAIN') el.remove();
  }
}

/** Paragraph texts of the most article-like container. */
function domBody(doc: Doc): string {
  const candidates: Element[] = Array.from(
    doc.querySelectorAll('[itemprop="articleBody"], article, .article-body, .article-content, .entry-content, .post-content, main'),
  );
  const container: Element | null = candidates.length
    ? candidates.reduce((a, b) => (clean(b.textContent).length > clean(a.textContent).length * 1.2 && !b.contains(a) ? b : a))
    : doc.body;
  if (!container) return '';
  stripNoise(container);
  const paras = Array.from(container.querySelectorAll('p, h2, h3, blockquote, li') as ArrayLike<Element>)
    .filter((p) => !p.querySelector('p')) // innermost only
    .map((p) => clean(p.textContent))
    .filter((t) => t.length > 1);
  if (paras.length) return paras.join('\n');
  // No <p>: the container's own text, by lines.
  return (container.textContent ?? '').split(/\n+/).map(clean).filter(Boolean).join('\n');
}

export interface HtmlResult {
  article?: Article;
  problems: { severity: 'skip' | 'warning'; reason: string; detail?: string }[];
}

/** linkedom gives no <html> element for input without tags ('', plain text, a comment): wrap it. */
function parseDocument(html: string): Doc {
  const { document } = parseHTML(html);
  return document.documentElement ? document : parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`).document;
}

export function parseHtmlArticle(html: string): HtmlResult {
  const doc = parseDocument(html);
  const problems: HtmlResult['problems'] = [];
  const { ld, broken } = jsonLdArticle(doc);
  if (broken) problems.push({ severity: 'warning', reason: 'invalid JSON-LD', detail: `${broken} ld+json script(s) could not be parsed and were ignored` });
  const l = ld ?? {};
  const title = str(l.headline) ?? meta(doc, 'og:title', 'twitter:title') ?? text(doc, 'h1') ?? text(doc, 'title') ?? '';
  const author = str(l.author) ?? meta(doc, 'author', 'article:author', 'dc.creator')
    ?? text(doc, '[rel="author"]') ?? text(doc, '[itemprop="author"]') ?? text(doc, '.byline') ?? text(doc, '.author');
  const timeEl = doc.querySelector('time[datetime]') ?? doc.querySelector('time');
  const rawDate = str(l.datePublished) ?? str(l.dateCreated)
    ?? meta(doc, 'article:published_time', 'datePublished', 'pubdate', 'publishdate', 'publish-date', 'date', 'dc.date', 'dc.date.issued', 'og:published_time', 'sailthru.date')
    ?? (clean(timeEl?.getAttribute('datetime')) || clean(timeEl?.textContent));
  const source = str((l.publisher as Json | undefined)?.name ?? l.publisher) ?? meta(doc, 'og:site_name', 'application-name');
  const category = str(l.articleSection) ?? meta(doc, 'article:section');
  const tags = tagList(l.keywords ?? (metaAll(doc, 'article:tag').length ? metaAll(doc, 'article:tag') : meta(doc, 'keywords', 'news_keywords')));
  const urlV = l.url ?? (l.mainEntityOfPage as Json | undefined)?.['@id'] ?? l.mainEntityOfPage;
  const url = (typeof urlV === 'string' ? clean(urlV) : undefined)
    || meta(doc, 'og:url') || clean(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')) || undefined;
  const ldBody = typeof l.articleBody === 'string' ? l.articleBody.split(/\n+/).map(clean).filter(Boolean).join('\n') : '';
  const fromDom = domBody(doc);
  const body = ldBody && ldBody.length >= fromDom.length * 0.5 ? ldBody : fromDom;
  if (!body) return { problems: [...problems, { severity: 'skip', reason: 'missing body', detail: 'no article text found in the page' }] };
  const article: Article = { id: '', title, body };
  if (author) article.author = author;
  if (source) article.source = source;
  if (category) article.category = category;
  if (tags) article.tags = tags;
  const d = dateFields(rawDate || undefined);
  if (d.dateText) problems.push({ severity: 'warning', reason: 'unparseable date', detail: `kept as dateText: "${d.dateText}"` });
  Object.assign(article, d);
  if (url) article.url = url;
  article.id = deriveId(article);
  return { article, problems };
}

export async function* readHtml(file: string, _opts: ReadOptions, counter?: ByteCounter): AsyncGenerator<ReadEvent> {
  const info: EncodingInfo = {};
  const r = parseHtmlArticle(await readText(file, counter, info));
  if (info.guessed) yield encodingWarning(file, info);
  if (r.article) yield { kind: 'article', article: r.article, file, line: 1 };
  for (const p of r.problems) yield { kind: 'problem', file, ...p };
}
