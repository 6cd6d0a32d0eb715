import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/search/engine.ts';
import { QueryError, ValidationError } from '../../src/errors.ts';
import { ARCHIVE } from './fixtures.ts';

function engine() {
  const e = createEngine();
  for (const a of ARCHIVE) e.put(a);
  return e;
}
const ids = (e: ReturnType<typeof engine>, q: string, extra = {}) => e.search({ q, size: 50, ...extra }).hits.map((h) => h.id);

describe('query features', () => {
  const e = engine();
  it.each([
    // [query, expected ids (as a set)]
    ['الاقتصاد العراقي', ['eco-1', 'eco-2']],
    ['"الاقتصاد العراقي"', ['eco-1', 'eco-2']],
    ['"العراقي الاقتصاد"', []],
    ['الاقتص*', ['eco-1', 'eco-2', 'pol-1']],
    ['النفط OR الكتاب', ['eco-1', 'eco-2', 'cul-1']],
    ['النفط أو الكتاب', ['eco-1', 'eco-2', 'cul-1']],
    ['النفط -الخام', ['eco-1']],
    // With a required word, the other words only rank (as Elasticsearch's bool query).
    ['+مسقط الخارجية', ['pol-1', 'spo-1']],
    ['(النفط OR الكتاب) -معرض', ['eco-1', 'eco-2']],
    ['title:النفط', ['eco-2']],
    ['author:سالم', ['col-1', 'spo-1']],
    ['column:"ولنا كلمة"', ['col-1']],
    ['source:okaz', ['eco-1', 'eco-2']],
    ['category:economy', ['eco-1', 'eco-2']],
    ['tag:كتب', ['cul-1']],
    ['مسقط date:2023', ['pol-1']],
    ['مسقط date:2021-01..2021-12', ['spo-1']],
  ])('%s', (q, expected) => {
    expect(new Set(ids(e, q))).toEqual(new Set(expected));
  });

  it('a short query needs all its words', () => {
    expect(e.search({ q: 'النفط الخام' }).hits.map((h) => h.id)).toEqual(['eco-2']);
    expect(e.search({ q: 'النفط الخام' }).relaxed).toBe(false);
  });

  it('nothing matching all words gives the best partial matches, marked relaxed', () => {
    const r = e.search({ q: 'النفط مسقط' });
    expect(r.relaxed).toBe(true);
    expect(r.hits.length).toBeGreaterThan(0);
  });

  it('partial matches that the filters remove are not "relaxed": nothing matched', () => {
    const r = e.search({ q: 'النفط مسقط', filters: { source: ['no-such-paper'] } });
    expect(r.total).toBe(0);
    expect(r.relaxed).toBe(false);
  });

  it('an unknown short word is not read as a stopword one letter away', () => {
    // قان is one edit from the stopword إن (and كان); read as إن it matched articles at stopword weight.
    const r = e.search({ q: 'قان' });
    expect(r.suggestion).toBeUndefined();
    expect(r.total).toBe(0);
  });

  it('an empty query with a filter browses newest first', () => {
    const r = e.search({ q: '', filters: { author: ['سالم بن علي'] } });
    expect(r.hits.map((h) => h.id)).toEqual(['col-1', 'spo-1']);
    expect(r.total).toBe(2);
  });

  it('filters match case- and diacritic-insensitively', () => {
    expect(new Set(ids(e, '', { filters: { source: ['Okaz'] } }))).toEqual(new Set(['eco-1', 'eco-2']));
    expect(ids(e, '', { filters: { tag: ['عمان'] } })).toEqual(['col-1']);
    expect(ids(e, '', { filters: { author: ['سَالم بن علي'] } }).length).toBe(2);
  });

  it('date filters and date: ranges are ANDed', () => {
    expect(new Set(ids(e, '', { filters: { from: '2022', to: '2022-12' } }))).toEqual(new Set(['eco-1', 'eco-2']));
    expect(ids(e, 'date:2022', { filters: { from: '2022-04' } })).toEqual(['eco-2']);
  });

  it('sorts by date both ways', () => {
    expect(ids(e, '+الاقتصاد', { sort: 'newest' })).toEqual(['pol-1', 'eco-2', 'eco-1']);
    expect(ids(e, 'الاقتصاد', { sort: 'oldest' })).toEqual(['eco-1', 'eco-2', 'pol-1']);
  });

  it('pages through results with exact totals', () => {
    const all = ids(e, '', {});
    const p1 = e.search({ q: '', size: 4, page: 1 });
    const p2 = e.search({ q: '', size: 4, page: 2 });
    expect(p1.total).toBe(ARCHIVE.length);
    expect([...p1.hits, ...p2.hits].map((h) => h.id)).toEqual(all);
  });

  it('suggests a spelling for a typo', () => {
    const r = e.search({ q: 'العرقي' });
    expect(r.suggestion).toBe('العراقي');
  });

  it('rejects bad input with errors that say how to fix it', () => {
    expect(() => e.search({ q: 'x', size: 0 })).toThrow(ValidationError);
    expect(() => e.search({ q: 'x', page: 0 })).toThrow(ValidationError);
    expect(() => e.search({ q: 'x', filters: { from: 'yesterday' } })).toThrow(expect.objectContaining({ hint: expect.stringMatching(/YYYY/) }));
    expect(() => e.search({ q: 'date:banana' })).toThrow(QueryError);
  });

  it('snippets and titles are escaped HTML with marks', () => {
    const e2 = createEngine();
    e2.put({ id: 'x', title: '<b>النفط</b> & الغاز', body: 'سعر النفط <script>alert(1)</script>' });
    const h = e2.search({ q: 'النفط' }).hits[0]!;
    expect(h.titleHtml).toContain('&lt;b&gt;<mark>النفط</mark>&lt;/b&gt; &amp;');
    expect(h.snippet).not.toContain('<script>');
  });
});

describe('ranking', () => {
  it('a title match ranks above a body match', () => {
    const e = createEngine();
    e.put({ id: 'body', title: 'أخبار متفرقة', body: 'تحدث التقرير عن الزلزال الذي ضرب المدينة أمس وعن أمور أخرى كثيرة في المنطقة' });
    e.put({ id: 'title', title: 'الزلزال يضرب المدينة', body: 'تحدث التقرير عن أمور كثيرة في المنطقة وعن الطقس والأسعار' });
    expect(e.search({ q: 'الزلزال' }).hits.map((h) => h.id)).toEqual(['title', 'body']);
  });

  it('the exact form typed ranks above a stem-only match', () => {
    const e = createEngine();
    e.put({ id: 'stem', title: 'تقرير', body: 'اجتمعت المعلمات في المدرسة لمناقشة الخطة الجديدة للعام' });
    e.put({ id: 'exact', title: 'تقرير', body: 'اجتمع المعلمون في المدرسة لمناقشة الخطة الجديدة للعام' });
    expect(e.search({ q: 'المعلمون' }).hits.map((h) => h.id)).toEqual(['exact', 'stem']);
  });

  it('stopwords and question words weigh little', () => {
    const e = createEngine();
    e.put({ id: 'stops', title: 'من هو من', body: 'من هو من هو من هو من هو ما هو' });
    e.put({ id: 'answer', title: 'سيرة', body: 'ولد الشاعر في بغداد عام 1950' });
    expect(e.search({ q: 'من هو الشاعر' }).hits[0]!.id).toBe('answer');
  });
});
