import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { highlightHtml, snippetHtml } from '../../src/highlight/highlight.ts';
import { escapeHtml } from '../../src/highlight/escape.ts';
import { parseQuery } from '../../src/query/parse.ts';
import { matchSpecFromQuery } from '../../src/query/match-spec.ts';
import { analyze } from '../../src/analysis/analyzer.ts';

const spec = (q: string) => matchSpecFromQuery(parseQuery(q));
const unmark = (html: string) => html.replace(/<\/?mark>/g, '');
const unescape = (html: string) =>
  html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

describe('escapeHtml', () => {
  it.each([
    ['a & b', 'a &amp; b'],
    ['<script>', '&lt;script&gt;'],
    [`"x" 'y'`, '&quot;x&quot; &#39;y&#39;'],
    ['عُمان', 'عُمان'],
    ['&amp;', '&amp;amp;'],
    ['', ''],
  ])('%s → %s', (s, html) => expect(escapeHtml(s)).toBe(html));
});

// query, original text, expected HTML
const MARKS: [string, string, string][] = [
  ['عمان', 'زار «عُمان» أمس', 'زار «<mark>عُمان</mark>» أمس'],
  ['عمان', 'عُمانُ', '<mark>عُمانُ</mark>'],
  ['اسرائيل', 'قالت إسرائيل', 'قالت <mark>إسرائيل</mark>'],
  ['الحكومة', 'قالت والحكومة', 'قالت <mark>والحكومة</mark>'],
  ['عمان', '<script>alert(1)</script> عمان', '&lt;script&gt;alert(1)&lt;/script&gt; <mark>عمان</mark>'],
  ['عمان', `"عمان" & 'عمان'`, `&quot;<mark>عمان</mark>&quot; &amp; &#39;<mark>عمان</mark>&#39;`],
  ['"سلطنة عمان"', 'في سلطنة عُمان اليوم', 'في <mark>سلطنة عُمان</mark> اليوم'],
  ['"سلطنة عمان"', 'سلطنة الخير عمان', 'سلطنة الخير عمان'],
  ['"في عمان"', 'قال في عمان', 'قال <mark>في عمان</mark>'],
  ['في عمان', 'قال في عمان', 'قال في <mark>عمان</mark>'],
  ['"عمان"', 'عمان بعمان عُمان', '<mark>عمان</mark> بعمان <mark>عُمان</mark>'],
  ['اقتص*', 'الاقتصاد، اقتصادية قصة', '<mark>الاقتصاد</mark>، <mark>اقتصادية</mark> قصة'],
  ['اقتص*', 'الاقتصاد اقتصادية قصة', '<mark>الاقتصاد اقتصادية</mark> قصة'],
  ['عمان -قطر', 'عمان وقطر', '<mark>عمان</mark> وقطر'],
  ['title:عمان', 'في عمان', 'في <mark>عمان</mark>'],
  ['سلطنة عمان', 'في سلطنة عُمان', 'في <mark>سلطنة عُمان</mark>'],
  ['عمان قطر', 'عمان، قطر', '<mark>عمان</mark>، <mark>قطر</mark>'],
  ['عمان قطر', 'عمان\nقطر', '<mark>عمان</mark>\n<mark>قطر</mark>'],
  ['عمان OR قطر', '(عمان)', '(<mark>عمان</mark>)'],
  ['عمان', '', ''],
  ['', 'a < b', 'a &lt; b'],
];

describe('highlightHtml', () => {
  it.each(MARKS)('%s in %s', (q, text, html) => {
    expect(highlightHtml(text, spec(q))).toBe(html);
  });

  it('gives back the original text exactly, with marks only on token boundaries (property)', () => {
    const words = ['عُمان', 'عمان', 'والحكومة', 'إسرائيل', '<b>', '&', '"', "'", '،', '«', '»', 'في', 'سلطنة', 'x', '\n', '  ', '١٢', 'اقتصاد'];
    const text = fc.array(fc.constantFrom(...words), { maxLength: 40 }).map((a) => a.join(' '));
    const query = fc.constantFrom('عمان', '"سلطنة عمان"', 'الحكومة اسرائيل', 'اقتص*', 'في', 'x', '"في عمان"');
    fc.assert(
      fc.property(text, query, (t, q) => {
        const html = highlightHtml(t, spec(q));
        expect(unescape(unmark(html))).toBe(t);
        expect(unmark(html)).toBe(escapeHtml(t));
        const starts = new Set(analyze(t).map((k) => k.start));
        const ends = new Set(analyze(t).map((k) => k.end));
        // Offsets of each mark in the ORIGINAL text are token starts and ends.
        let orig = 0;
        for (const part of html.split(/(<\/?mark>)/)) {
          if (part === '<mark>') expect(starts.has(orig)).toBe(true);
          else if (part === '</mark>') expect(ends.has(orig)).toBe(true);
          else orig += unescape(part).length;
        }
      }),
      { numRuns: 500 },
    );
  });
});

/** A long synthetic article: `n` filler words with `inserts` placed at given word positions. */
function article(n: number, inserts: Record<number, string>): string {
  const filler = ['كان', 'الوزير', 'قد', 'أشار', 'إلى', 'أهمية', 'التعاون', 'بين', 'البلدين', 'الشقيقين'];
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(inserts[i] ?? filler[i % filler.length]!);
  return out.join(' ') + '.';
}

const words = (html: string) => unescape(unmark(html)).split(/\s+/).filter((w) => w && w !== '…').length;

describe('snippetHtml', () => {
  it('without a match: the opening ~30 words, escaped, with a trailing …', () => {
    const text = '<b>' + article(100, {});
    const s = snippetHtml(text, spec('غائب'));
    expect(s.startsWith('&lt;b&gt;كان')).toBe(true);
    expect(s.endsWith(' …')).toBe(true);
    expect(words(s)).toBeLessThanOrEqual(31);
    expect(s).not.toContain('<mark>');
  });

  it('a short text comes whole', () => {
    expect(snippetHtml('زار «عُمان» أمس.', spec('عمان'))).toBe('زار «<mark>عُمان</mark>» أمس.');
    expect(snippetHtml('', spec('عمان'))).toBe('');
  });

  it('centres the passage on a match deep in the text', () => {
    const s = snippetHtml(article(1000, { 500: 'عُمان' }), spec('عمان'));
    expect(s).toMatch(/^… .*<mark>عُمان<\/mark>.* …$/);
    const [before, after] = unmark(s).split('عُمان');
    expect(words(before!)).toBeGreaterThanOrEqual(10);
    expect(words(after!)).toBeGreaterThanOrEqual(10);
    expect(words(s)).toBeLessThanOrEqual(30);
  });

  it('prefers the passage with more distinct query words over repeats of one', () => {
    const text = article(1000, { 100: 'قطر', 102: 'قطر', 104: 'قطر', 700: 'قطر', 705: 'عُمان' });
    const s = snippetHtml(text, spec('عمان قطر'), { fragments: 1 });
    expect(s).toContain('<mark>عُمان</mark>');
    expect(s).toContain('<mark>قطر</mark>');
    expect(s.split('<mark>').length - 1).toBe(2);
  });

  it('joins fragments for words far apart with " … ", in text order', () => {
    const text = article(1000, { 100: 'عُمان', 800: 'قطر' });
    const s = snippetHtml(text, spec('قطر عمان'));
    const parts = s.split(' … ');
    expect(parts.length).toBe(2); // "… frag1" and "frag2 …"
    expect(s.indexOf('عُمان')).toBeLessThan(s.indexOf('قطر'));
    expect(s.startsWith('… ')).toBe(true);
    expect(s.endsWith(' …')).toBe(true);
    expect(snippetHtml(text, spec('قطر عمان'), { fragments: 1 }).split('<mark>').length - 1).toBe(1);
  });

  it('a second fragment must add a query word not shown yet', () => {
    const text = article(1000, { 100: 'عُمان', 800: 'عمان' });
    expect(snippetHtml(text, spec('عمان')).split('<mark>').length - 1).toBe(1);
  });

  it('cuts at word boundaries, keeps glued punctuation and escapes', () => {
    const text = article(200, { 100: '«عُمان»،', 101: '<i>' });
    const s = snippetHtml(text, spec('عمان'), { words: 10 });
    expect(s).toContain('«<mark>عُمان</mark>»،');
    expect(s).toContain('&lt;i&gt;');
    for (const frag of unescape(unmark(s)).split(' … ')) {
      const f = frag.replace(/^… /, '').replace(/ …$/, '');
      expect(text).toContain(f);
      const at = text.indexOf(f);
      expect(at === 0 || /\s/.test(text[at - 1]!)).toBe(true);
      expect(at + f.length === text.length || /\s/.test(text[at + f.length]!)).toBe(true);
    }
  });

  it('a phrase longer than the window stays whole', () => {
    const phrase = 'واحد اثنان ثلاثة أربعة خمسة ستة';
    const text = article(300, { 150: phrase });
    const s = snippetHtml(text, spec(`"${phrase}"`), { words: 3 });
    expect(s).toContain(`<mark>${phrase}</mark>`);
  });
});

describe('snippetHtml edges', () => {
  it('with no query (browse) gives the same opening as a query that does not match', () => {
    const none = matchSpecFromQuery(parseQuery(''));
    for (const text of [article(100, {}), article(10, {}), 'كلمة'.repeat(2000) + ' ذيل', '   ', '', '«عُمان» ' + article(40, {}), article(31, {}), article(30, {})]) {
      for (const words of [1, 5, 30]) {
        expect(snippetHtml(text, none, { words })).toBe(snippetHtml(text, spec('غائبتماما'), { words }));
      }
    }
  });

  it('no ellipsis for trailing punctuation only', () => {
    expect(snippetHtml('زار عُمان .', spec('عمان'))).toBe('زار <mark>عُمان</mark> .');
    expect(snippetHtml('  « عُمان »  ', spec('عمان'))).toBe('« <mark>عُمان</mark> »');
  });
});
