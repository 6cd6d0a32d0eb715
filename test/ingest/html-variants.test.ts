/** HTML metadata sources, as a table of small pages (written for this project). */
import { describe, expect, it } from 'vitest';
import { parseHtmlArticle } from '../../src/ingest/html-page.ts';

const BODY = '<p>الفقرة الأولى من الخبر.</p><p>الفقرة الثانية من الخبر.</p>';
const page = (head: string, body = `<article>${BODY}</article>`) => `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;
const ld = (o: unknown) => `<script type="application/ld+json">${JSON.stringify(o)}</script>`;

const CASES: [string, string, Record<string, unknown>][] = [
  ['JSON-LD at top level, @type as an array, author as a string',
    page(ld({ '@type': ['NewsArticle'], headline: 'عنوان أ', author: 'كاتب أ', datePublished: '2019-03-04' })),
    { title: 'عنوان أ', author: 'كاتب أ', date: '2019-03-04' }],
  ['JSON-LD list of objects, several authors, keywords as text',
    page(ld([{ '@type': 'Organization', name: 'x' }, { '@type': 'ReportageNewsArticle', headline: 'عنوان ب', author: [{ name: 'أ' }, { name: 'ب' }], keywords: 'سياسة، اقتصاد' }])),
    { title: 'عنوان ب', author: 'أ، ب', tags: ['سياسة', 'اقتصاد'] }],
  ['JSON-LD articleBody is used when the DOM has less text',
    page(ld({ '@type': 'NewsArticle', headline: 'ج', articleBody: 'نص كامل من المصدر.\nسطر ثان.' }), '<div>قصير</div>'),
    { body: 'نص كامل من المصدر.\nسطر ثان.' }],
  ['og:title and article:published_time without JSON-LD',
    page('<meta property="og:title" content="عنوان د"><meta property="article:published_time" content="2020-02-02T10:00:00Z">'),
    { title: 'عنوان د', date: '2020-02-02' }],
  ['<time> text in Arabic when there is no datetime attribute',
    page('<title>هـ</title>', `<article><time>٣ كانون الثاني ٢٠٢١</time>${BODY}</article>`),
    { title: 'هـ', date: '2021-01-03' }],
  ['<h1> over <title>, rel=author byline, canonical URL',
    page('<title>موقع | عنوان</title><link rel="canonical" href="https://ex.example/w">', `<h1>عنوان و</h1><a rel="author">كاتب و</a><article>${BODY}</article>`),
    { title: 'عنوان و', author: 'كاتب و', url: 'https://ex.example/w' }],
  ['unparseable date kept as dateText',
    page('<meta name="date" content="منذ ساعتين">'),
    { dateText: 'منذ ساعتين' }],
];

describe('parseHtmlArticle', () => {
  it.each(CASES)('%s', (_name, html, want) => {
    const r = parseHtmlArticle(html);
    expect(r.article).toMatchObject(want);
    expect(r.article!.body).not.toBe('');
  });

  it.each(['', '   ', '<!-- only a comment -->'])('%j (no <html> element) → a skip problem', (html) => {
    const r = parseHtmlArticle(html);
    expect(r.article).toBeUndefined();
    expect(r.problems).toEqual([expect.objectContaining({ severity: 'skip', reason: 'missing body' })]);
  });

  it('plain text without tags becomes the body', () => {
    expect(parseHtmlArticle('نص بلا وسوم').article).toMatchObject({ title: '', body: 'نص بلا وسوم' });
  });

  it('never puts script, style, nav or footer text into the body', () => {
    const html = page('<style>.x{}</style>', `<nav>القائمة</nav><article>${BODY}<script>var s="سر"</script></article><footer>حقوق</footer>`);
    expect(parseHtmlArticle(html).article!.body).toBe('الفقرة الأولى من الخبر.\nالفقرة الثانية من الخبر.');
  });
});
