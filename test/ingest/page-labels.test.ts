/** The labelled lines of scraped pages, as a table (rules as data in src/ingest/scraped-page.ts). */
import { describe, expect, it } from 'vitest';
import { labelledLine, parsePage, splitPages } from '../../src/ingest/scraped-page.ts';

const LABELS: [string, { kind: string; value: string } | undefined][] = [
  ['تاريخ النشر: 12th, December 2023 GMT', { kind: 'date', value: '12th, December 2023 GMT' }],
  ['تاريخ النشر : ١٢ ديسمبر ٢٠٢٣', { kind: 'date', value: '١٢ ديسمبر ٢٠٢٣' }],
  ['نشر في: 2023-12-12', { kind: 'date', value: '2023-12-12' }],
  ['المصدر: جريدة الوطن', { kind: 'source', value: 'جريدة الوطن' }],
  ['المصدر : صحيفة الأفق', { kind: 'source', value: 'صحيفة الأفق' }],
  ['كلمات دلالية: هذه الجمعیات', { kind: 'tags', value: 'هذه الجمعیات' }],
  ['الكلمات الدلالية: أ، ب', { kind: 'tags', value: 'أ، ب' }],
  ['الوسوم: أ، ب', { kind: 'tags', value: 'أ، ب' }],
  ['القسم: اقتصاد', { kind: 'category', value: 'اقتصاد' }],
  ['بقلم: سالم الحارثي', { kind: 'author', value: 'سالم الحارثي' }],
  ['dhabari88@hotmail.com', { kind: 'email', value: 'dhabari88@hotmail.com' }],
  ['البريد الإلكتروني: a.b@example.org', { kind: 'email', value: 'a.b@example.org' }],
  ['https://example.org/a/b?c=1', { kind: 'url', value: 'https://example.org/a/b?c=1' }],
  ['الرابط: https://example.org/x', { kind: 'url', value: 'https://example.org/x' }],
  ['إقرأ أيضاً:', { kind: 'readAlso', value: '' }],
  ['اقرأ أيضا', { kind: 'readAlso', value: '' }],
  ['اقرا ايضاً: عنوان آخر', { kind: 'readAlso', value: 'عنوان آخر' }],
  ['إقْرَأْ أَيْضًا :', { kind: 'readAlso', value: '' }],
  ['مواضيع ذات صلة', { kind: 'readAlso', value: '' }],
  // ordinary text is not a label
  ['المصدر الرئيسي للمياه في المدينة هو البحر.', undefined],
  ['قال المصدر إن الاجتماع انتهى.', undefined],
  ['كتب الرئيس رسالة إلى المجلس.', undefined],
  ['اقرأ أيضا كتاب الأيام قبل السفر.', undefined],
  ['السوداني: الحكومة العراقية استطاعت تجنيب العراق امتداد النار', undefined],
];

describe('labelledLine', () => {
  it.each(LABELS)('%s', (line, want) => {
    expect(labelledLine(line)).toEqual(want);
  });
});

describe('parsePage variants', () => {
  const titles = (text: string) => splitPages(text).flatMap((p) => parsePage(p)).map((b) => b.article && { title: b.article.title, column: b.article.column, author: b.article.author });

  it('takes a «بقلم:» byline and a date line placed before the title', () => {
    const text = ['تاريخ النشر: 2020-05-01', 'على الهامش : عنوان المقال', 'بقلم: نادية الشامي', 'الفقرة الأولى.', 'الفقرة الثانية.'].join('\n');
    expect(titles(text)).toEqual([{ title: 'عنوان المقال', column: 'على الهامش', author: 'نادية الشامي' }]);
  });

  it('does not take the last short line as a byline without an email or source line after it', () => {
    const text = ['عنوان', 'الفقرة الأولى طويلة بما يكفي.', 'والله من وراء القصد'].join('\n');
    expect(titles(text)).toEqual([{ title: 'عنوان', column: undefined, author: undefined }]);
  });

  it('splits several read-also items and reports one without body', () => {
    const text = ['عنوان', 'نص.', 'إقرأ أيضاً:', 'خبر أول', 'نص الخبر الأول.', 'خبر ثان', 'نص الخبر الثاني.', 'خبر بلا نص'].join('\n');
    const blocks = splitPages(text).flatMap((p) => parsePage(p));
    expect(blocks.map((b) => b.article?.title)).toEqual(['عنوان', 'خبر أول', 'خبر ثان', undefined]);
    expect(blocks[3]!.problems).toEqual([expect.objectContaining({ reason: 'read-also item without body', severity: 'skip' })]);
  });

  it('takes a short question followed by a longer line as a read-also title', () => {
    const text = ['عنوان', 'نص.', 'إقرأ أيضاً:', 'خبر أول', 'نص الخبر الأول.', 'هل تنجح خطة النقل الجديدة؟', 'يرى خبراء أن الخطة تحتاج إلى تمويل مستقر وسنوات من العمل.'].join('\n');
    const blocks = splitPages(text).flatMap((p) => parsePage(p));
    expect(blocks.map((b) => b.article?.title)).toEqual(['عنوان', 'خبر أول', 'هل تنجح خطة النقل الجديدة؟']);
  });

  it('splits pages concatenated without separators where a title line is followed by a date line', () => {
    const one = ['نقطة ضوء : عنوان أول', 'تاريخ النشر: 2021-01-01', 'نص أول.', 'المصدر: جريدة الساحل'];
    const two = ['عنوان ثان', 'تاريخ النشر: 2022-02-02', 'نص ثان.', 'إقرأ أيضاً:', 'خبر ثالث', 'نص ثالث.'];
    const three = ['عنوان رابع', '', 'تاريخ النشر: 2023-03-03', 'نص رابع.'];
    const blocks = splitPages([...one, ...two, ...three].join('\n')).flatMap((p) => parsePage(p));
    expect(blocks.map((b) => [b.article?.title, b.article?.date, b.line])).toEqual([
      ['عنوان أول', '2021-01-01', 1],
      ['عنوان ثان', '2022-02-02', 5],
      ['خبر ثالث', undefined, 9],
      ['عنوان رابع', '2023-03-03', 11],
    ]);
  });
});
