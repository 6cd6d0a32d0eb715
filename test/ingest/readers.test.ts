/** Each input format read from real fixture files (test/fixtures/ingest, written for this project). */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile, copyFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { listInputs, READERS, type Format } from '../../src/ingest/formats.ts';
import type { ReadArticle, ReadEvent, ReadProblem } from '../../src/ingest/types.ts';
import { parseHtmlArticle } from '../../src/ingest/html-page.ts';
import { SHARED_DIR } from '../../bench/corpus.ts';

const SAMPLE_PAGE = path.join(SHARED_DIR, 'samples', 'column-page.txt');
const hasSamplePage = existsSync(SAMPLE_PAGE);
if (!hasSamplePage) console.warn(`SKIPPED: ${SAMPLE_PAGE} not found; the test on the shared sample page did not run`);

const FIX = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/ingest');

async function read(file: string, format: Format, map?: Record<string, string>): Promise<{ articles: ReadArticle[]; problems: ReadProblem[] }> {
  const events: ReadEvent[] = [];
  for await (const ev of READERS[format](file, { map })) events.push(ev);
  return {
    articles: events.filter((e): e is ReadArticle => e.kind === 'article'),
    problems: events.filter((e): e is ReadProblem => e.kind === 'problem'),
  };
}

describe('scraped page', () => {
  it('splits the «إقرأ أيضاً» item into its own article and reads column, date, author, email, source, tags', async () => {
    const { articles, problems } = await read(path.join(FIX, 'column-page.txt'), 'page');
    expect(problems).toEqual([]);
    expect(articles).toHaveLength(2);
    const [col, also] = articles.map((a) => a.article);
    expect(col).toMatchObject({
      column: 'نقطة ضوء',
      title: 'حدائق الأحياء مسؤولية مشتركة',
      date: '2024-03-03',
      author: 'سلمى عبد الهادي الريّس',
      source: 'صحيفة الأفق اليومية',
      tags: ['الحدائق', 'البلدية', 'الأحياء السكنية'],
      extra: { email: 'salma.rayes@example.org' },
    });
    expect(col!.body.split('\n')).toHaveLength(2);
    for (const leaked of ['salma.rayes', 'المصدر', 'كلمات دلالية', 'مكتبة متنقلة', 'سلمى']) expect(col!.body).not.toContain(leaked);
    expect(also).toMatchObject({ title: 'افتتاح مكتبة متنقلة تجوب القرى الجبلية' });
    expect(also!.body).toContain('وتتوقف الحافلة');
    expect(also!.column).toBeUndefined();
    expect(also!.source).toBeUndefined();
    expect(articles[1]!.line).toBe(10);
    expect(col!.id).not.toBe(also!.id);
  });

  it('reads several pages per file, variant labels, inline «اقرا ايضا: title», and keeps a bad date as text', async () => {
    const { articles, problems } = await read(path.join(FIX, 'two-pages.txt'), 'page');
    expect(articles.map((a) => a.article.title)).toEqual(['سوق الخضار في الصباح الباكر', 'خبر بلا تاريخ مفهوم', 'مهرجان الطائرات الورقية يعود']);
    expect(articles[0]!.article).toMatchObject({ column: 'من الميدان', date: '2019-02-14', source: 'جريدة الساحل' });
    expect(articles[1]!.article).toMatchObject({ dateText: 'قبل يومين' });
    expect(articles[1]!.article.body).not.toContain('الطائرات');
    expect(problems).toEqual([expect.objectContaining({ severity: 'warning', reason: 'unparseable date', line: 6 })]);
  });

  it.skipIf(!hasSamplePage)('reads ../shared/samples/column-page.txt as the column plus one read-also article', async () => {
    const { articles } = await read(SAMPLE_PAGE, 'page');
    expect(articles).toHaveLength(2);
    expect(articles[0]!.article).toMatchObject({ column: 'ولنا كلمة', title: 'ملتقى الشراكة والتشبيك', date: '2023-12-12', author: 'طالب بن سيف الضباري', source: 'جريدة الوطن' });
    expect(articles[1]!.article.title.startsWith('السوداني')).toBe(true);
  });
});


describe('HTML', () => {
  it('reads JSON-LD NewsArticle inside @graph and strips nav/header/footer/aside/script/share boilerplate', async () => {
    const { articles, problems } = await read(path.join(FIX, 'jsonld-article.html'), 'html');
    expect(articles).toHaveLength(1);
    const a = articles[0]!.article;
    expect(a).toMatchObject({
      title: 'قطار الضواحي يبدأ رحلاته التجريبية',
      author: 'كريم الحداد',
      source: 'صحيفة المرفأ',
      category: 'محليات',
      tags: ['النقل', 'القطارات'],
      date: '2022-09-18',
      url: 'https://marfa.example/local/suburban-train',
    });
    expect(a.body.split('\n')).toHaveLength(2);
    for (const noise of ['الرئيسية', 'شارك', 'ذات صلة', 'الوقود', 'tracking', 'لا تظهر', 'الحقوق']) expect(a.body).not.toContain(noise);
    expect(problems).toEqual([]);
  });

  it('falls back to meta tags and <time datetime>, and drops comments/menus', async () => {
    const { articles } = await read(path.join(FIX, 'meta-article.html'), 'html');
    expect(articles[0]!.article).toMatchObject({
      title: 'مهرجان التمور يستقبل زواره',
      author: 'هدى المطيري',
      category: 'اقتصاد',
      tags: ['التمور', 'المهرجانات'],
      date: '2021-10-02',
      url: 'https://wahat.example/economy/dates-festival',
    });
    expect(articles[0]!.article.body).not.toContain('تعليق');
    expect(articles[0]!.article.body).not.toContain('القائمة');
  });

  it('reports a page without article text and a broken JSON-LD block', () => {
    const r = parseHtmlArticle('<html><head><script type="application/ld+json">{oops</script></head><body><nav>قائمة</nav></body></html>');
    expect(r.article).toBeUndefined();
    expect(r.problems.map((p) => p.reason)).toEqual(['invalid JSON-LD', 'missing body']);
  });
});

describe('CSV', () => {
  it('maps headers (aliases too), reads Arabic-Indic dates, reports bad rows by line', async () => {
    const { articles, problems } = await read(path.join(FIX, 'articles.csv'), 'csv');
    expect(articles.map((a) => a.article.id)).toEqual(['csv-1', 'csv-2', 'csv-5']);
    expect(articles[0]!.article).toMatchObject({ title: 'افتتاح جسر المشاة', tags: ['طرق', 'مدارس'], url: 'https://sahel.example/1', date: '2020-01-15' });
    expect(articles[1]!.article.date).toBe('2020-11-05');
    expect(articles[2]!.article.dateText).toBe('منذ أسبوع');
    const skips = problems.filter((p) => p.severity === 'skip').map((p) => [p.line, p.reason]);
    expect(skips).toEqual(expect.arrayContaining([[4, 'missing body'], [5, 'invalid CSV row']]));
  });
});

describe('CSV delimiters', () => {
  it.each([
    ['semicolon.csv', 'title;body;date\n"عنوان؛ أول";"نص, بفاصلة";2020-01-01\n'],
    ['tabs.tsv', 'title\tbody\tdate\nعنوان؛ أول\tنص, بفاصلة\t2020-01-01\n'],
    ['pipes.csv', 'title|body|date\nعنوان؛ أول|نص, بفاصلة|2020-01-01\n'],
  ])('%s', async (name, content) => {
    const dir = await mkdtemp(path.join(tmpdir(), 'fahras-csv-'));
    await writeFile(path.join(dir, name), content);
    const { articles, problems } = await read(path.join(dir, name), 'csv');
    expect(problems).toEqual([]);
    expect(articles[0]!.article).toMatchObject({ title: 'عنوان؛ أول', body: 'نص, بفاصلة', date: '2020-01-01' });
  });
});

describe('JSON lines and JSON arrays', () => {
  it('reads every good line and reports each bad one with its line number', async () => {
    const { articles, problems } = await read(path.join(FIX, 'mixed-bad.jsonl'), 'jsonl');
    expect(articles.map((a) => [a.line, a.article.id])).toEqual([[1, 'j-1'], [2, 'j-2'], [6, expect.stringMatching(/^u-[0-9a-f]{16}$/)], [8, '6']]);
    expect(problems.filter((p) => p.severity === 'skip').map((p) => [p.line, p.reason])).toEqual([
      [3, 'invalid JSON'], [4, 'missing body'], [7, 'not an object'],
    ]);
    expect(articles[1]!.article.tags).toEqual(['صحة', 'مستشفيات']);
    expect(articles[3]!.article.extra).toEqual({ writer_email: 'x@example.org' });
  });

  it('keeps a date that is not text in extra.date, with a warning, and Object.prototype names as extras', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'fahras-odd-'));
    const f = path.join(dir, 'odd.jsonl');
    await writeFile(f, '{"id":"o1","title":"ت","body":"نص","date":{"toString":null},"constructor":{"a":1},"__proto__":{"b":2}}\n');
    const { articles, problems } = await read(f, 'jsonl');
    const extra = articles[0]!.article.extra!;
    expect(Object.keys(extra).sort()).toEqual(['__proto__', 'constructor', 'date']);
    expect(Object.getPrototypeOf(extra)).toBe(Object.prototype);
    expect(JSON.parse(JSON.stringify(extra))).toEqual(JSON.parse('{"constructor":{"a":1},"__proto__":{"b":2},"date":{"toString":null}}'));
    expect(problems.map((p) => p.reason)).toEqual(['unparseable date']);
  });

  it('renames fields with --map before the aliases apply', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'fahras-map-'));
    const f = path.join(dir, 'x.jsonl');
    await writeFile(f, JSON.stringify({ key: 'm-1', hed: 'عنوان', story: 'نص' }) + '\n');
    const { articles } = await read(f, 'jsonl', { key: 'id', hed: 'title', story: 'body' });
    expect(articles[0]!.article).toEqual({ id: 'm-1', title: 'عنوان', body: 'نص' });
  });

  it('streams a JSON array element by element, brackets inside strings and nested objects included', async () => {
    const { articles, problems } = await read(path.join(FIX, 'array.json'), 'json');
    expect(articles.map((a) => [a.line, a.article.id])).toEqual([[2, 'a-1'], [3, 'a-2']]);
    expect(articles[0]!.article.body).toBe('نص فيه قوس ] وفاصلة , داخل النص');
    expect(problems.map((p) => [p.line, p.reason])).toEqual([[4, 'missing body']]);
  });

  it('reads .gz transparently and gives stable derived ids', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'fahras-gz-'));
    await mkdir(path.join(dir, 'nested'));
    const gz = path.join(dir, 'nested', 'mixed.jsonl.gz');
    await writeFile(gz, gzipSync(await readFile(path.join(FIX, 'mixed-bad.jsonl'))));
    await copyFile(path.join(FIX, 'column-page.txt'), path.join(dir, 'page.txt'));
    await writeFile(path.join(dir, 'notes.md'), 'ignored');
    const listing = await listInputs([dir]);
    expect(listing.files.map((f) => [path.basename(f.file), f.format])).toEqual([['mixed.jsonl.gz', 'jsonl'], ['page.txt', 'page']]);
    expect(listing.ignored.map((f) => path.basename(f))).toEqual(['notes.md']);
    const a = await read(gz, 'jsonl');
    const b = await read(path.join(FIX, 'mixed-bad.jsonl'), 'jsonl');
    expect(a.articles.map((x) => x.article)).toEqual(b.articles.map((x) => x.article));
  });
});
