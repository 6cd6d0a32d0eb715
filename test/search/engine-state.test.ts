import { describe, expect, it } from 'vitest';
import { createEngine, deserializeEngine, SearchEngine } from '../../src/search/engine.ts';
import type { FacetName, SearchRequest } from '../../src/types.ts';
import { normalizeTerm } from '../../src/analysis/analyzer.ts';
import { ARCHIVE, COLUMN } from './fixtures.ts';

function engine() {
  const e = createEngine();
  for (const a of ARCHIVE) e.put(a);
  return e;
}

describe('spelling variants of the sample column', () => {
  const e = engine();
  it.each([
    // [typed, why]
    ['عمان', 'damma dropped (عُمان)'],
    ['عُمان', 'as printed'],
    ['مسارا', 'tanween dropped (مسارًا)'],
    ['مسارً', 'partial marks'],
    ['اسرائيل', 'hamza dropped (إسرائيل)'],
    ['إسرائيل', 'as printed'],
    ['الجمعيات', 'Arabic ya for Persian ی (الجمعیات)'],
    ['الجمعیات', 'Persian ya'],
    ['جمعيات', 'without the article'],
    ['والجمعيات', 'with the conjunction'],
    ['خلاله', 'ha for ta marbuta (خلالة)'],
    ['خلالة', 'as printed'],
    ['٢٠٠', 'Arabic-Indic digits'],
    ['200', 'ASCII digits'],
    ['۲۰۰', 'Persian digits'],
    ['ولنا كلمة', 'column name'],
    ['كلمه', 'ha for ta marbuta'],
  ])('%s finds the column (%s)', (q) => {
    expect(e.search({ q }).hits.map((h) => h.id)).toContain(COLUMN.id);
  });
});

describe('facets', () => {
  const e = engine();
  const names: FacetName[] = ['author', 'column', 'source', 'category', 'tag', 'year', 'month'];
  it.each([[''], ['الاقتصاد'], ['مسقط OR الكتاب'], ['عمان']])('counts over the whole result set equal a brute-force count (%s)', (q) => {
    const r = e.search({ q, size: 1, facets: names });
    const all = e.search({ q, size: 100 }).hits.map((h) => e.get(h.id)!);
    expect(r.total).toBe(all.length);
    const brute = (values: (string | undefined)[]) => {
      const m = new Map<string, number>();
      for (const v of values) if (v) m.set(v, (m.get(v) ?? 0) + 1);
      return m;
    };
    const byKey = (vs: { value: string; count: number }[]) => new Map(vs.map((v) => [v.value, v.count]));
    const key = (s: string) => s.split(' ').map((w) => normalizeTerm(w)).join(' ');
    const normalizeCounts = (m: Map<string, number>) => {
      const out = new Map<string, number>();
      for (const [k, v] of m) out.set(key(k), (out.get(key(k)) ?? 0) + v);
      return out;
    };
    for (const f of ['author', 'column', 'source', 'category'] as const) {
      expect(normalizeCounts(byKey(r.facets[f]!))).toEqual(normalizeCounts(brute(all.map((a) => a[f]))));
    }
    expect(normalizeCounts(byKey(r.facets.tag!))).toEqual(normalizeCounts(brute(all.flatMap((a) => a.tags ?? []))));
    expect(byKey(r.facets.year!)).toEqual(brute(all.map((a) => a.date?.slice(0, 4))));
    expect(byKey(r.facets.month!)).toEqual(brute(all.map((a) => a.date?.slice(0, 7))));
  });
});

describe('updates', () => {
  it('put replaces by id, reports added/updated/unchanged, remove deletes', () => {
    const e = engine();
    expect(e.put(ARCHIVE[1]!)).toBe('unchanged');
    expect(e.put({ ...ARCHIVE[1]!, title: 'عنوان جديد عن الزراعة' })).toBe('updated');
    expect(e.search({ q: 'الزراعة' }).hits.map((h) => h.id)).toEqual(['eco-1']);
    expect(e.search({ q: 'title:نمو' }).total).toBe(0);
    expect(e.size).toBe(ARCHIVE.length);
    expect(e.remove('eco-1')).toBe(true);
    expect(e.remove('eco-1')).toBe(false);
    expect(e.get('eco-1')).toBeUndefined();
    expect(e.search({ q: 'الزراعة' }).total).toBe(0);
    expect(e.put({ id: 'new', title: 'خبر', body: 'نص' })).toBe('added');
  });

  it('a search during a stream of updates never sees a half-applied update', () => {
    const e = new SearchEngine();
    // Each version of an article says its version number in the title AND the body: a search
    // that saw half an update would find a title and body that disagree, or two versions.
    const version = (id: number, v: number) => ({ id: `a${id}`, title: `نسخة رقم v${v} خبر`, body: `النص نسخة v${v} من المقالة ${id}`, date: '2023-01-01' });
    for (let i = 0; i < 50; i++) e.put(version(i, 0));
    for (let step = 1; step <= 400; step++) {
      const id = step % 50;
      if (step % 7 === 0) e.remove(`a${id}`);
      else e.put(version(id, step));
      // Fold the postings tail into the compact main part now and then (as a large archive does).
      if (step % 37 === 0) e.merge();
      const r = e.search({ q: 'نسخة', size: 100 });
      expect(r.total).toBe(e.size);
      const seen = new Set<string>();
      for (const h of r.hits) {
        expect(seen.has(h.id)).toBe(false);
        seen.add(h.id);
        const a = e.get(h.id)!;
        expect(a.title.match(/v\d+/)![0]).toBe(a.body.match(/v\d+/)![0]);
        expect(h.title).toBe(a.title);
      }
      expect(e.search({ q: `v${step}` }).total).toBe(step % 7 === 0 ? 0 : 1);
    }
  });
});

describe('serialize', () => {
  it('a round trip returns identical results', () => {
    const e = engine();
    e.remove('cul-1');
    e.put({ ...ARCHIVE[2]!, body: ARCHIVE[2]!.body + ' تحديث' });
    const copy = deserializeEngine(e.serialize());
    const reqs: SearchRequest[] = [
      { q: 'الاقتصاد', facets: ['author', 'source', 'year'] },
      { q: '"الاقتصاد العراقي"' },
      { q: 'الاقتص*' },
      { q: '', filters: { source: ['okaz'] }, sort: 'oldest' },
      { q: 'العرقي' },
      { q: 'مسقط OR النفط', page: 1, size: 2 },
    ];
    for (const req of reqs) {
      const a = e.search(req);
      const b = copy.search(req);
      expect({ ...b, took_ms: 0 }).toEqual({ ...a, took_ms: 0 });
    }
    expect(copy.size).toBe(e.size);
    expect(copy.get('eco-2')).toEqual(e.get('eco-2'));
    expect(copy.get('cul-1')).toBeUndefined();
    expect(copy.stats()).toEqual(e.stats());
    expect(copy.authors()).toEqual(e.authors());
    expect(copy.suggest('الاق')).toEqual(e.suggest('الاق'));
    expect(copy.idByUrl('https://example.com/col-1')).toBe('col-1');
    // Still updatable after loading.
    copy.put({ id: 'z', title: 'خبر عن الزراعة', body: 'الزراعة' });
    expect(copy.search({ q: 'الزراعة' }).hits[0]!.id).toBe('z');
  });

  it('rejects bytes that are not an index', () => {
    expect(() => deserializeEngine(new Uint8Array([1, 2, 3]))).toThrow(/Rebuild|not a Fahras index/);
  });
});

describe('duplicates, related, suggest, lookups', () => {
  const story = 'أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في المدينة يضم مئتي سرير وأقساما للطوارئ والأطفال والعناية المركزة، وقال الوزير إن المستشفى سيخدم أكثر من نصف مليون نسمة في المنطقة والقرى المجاورة لها';
  const e = createEngine();
  e.put({ id: 'd1', title: 'افتتاح مستشفى جديد', body: story, source: 'okaz', date: '2023-01-01' });
  e.put({ id: 'd2', title: 'مستشفى جديد في المدينة', body: story + ' اليوم', source: 'alriyadh', date: '2023-01-02' });
  e.put({ id: 'd3', title: 'وزارة الصحة تفتتح مستشفى', body: 'افتتحت وزارة الصحة مستشفى للأطفال في العاصمة بحضور الوزير', source: 'was', date: '2023-01-03', url: 'https://x.test/d3/' });
  e.put({ id: 'd4', title: 'الدوري', body: 'فاز الفريق في مباراة الدوري', date: '2023-01-04' });

  it('collapses syndicated copies into one hit listing the others', () => {
    const r = e.search({ q: 'مستشفى' });
    expect(r.total).toBe(2);
    const dup = r.hits.find((h) => h.id === 'd1' || h.id === 'd2')!;
    expect(dup.duplicates.map((d) => d.id)).toEqual([dup.id === 'd1' ? 'd2' : 'd1']);
    expect(e.search({ q: 'مستشفى', collapse: false }).total).toBe(3);
    expect(e.stats().duplicateGroups).toBe(1);
  });

  it('related finds articles on the same topic, not the copies', () => {
    const rel = e.related('d1', 3).map((h) => h.id);
    expect(rel[0]).toBe('d3');
    expect(rel).not.toContain('d2');
  });

  it('suggest completes words and titles', () => {
    const s = e.suggest('مستش');
    expect(s.some((x) => x.kind === 'word' && x.text === 'مستشفى')).toBe(true);
    expect(s.some((x) => x.kind === 'title')).toBe(true);
  });

  it('finds articles by URL and by identical body', () => {
    expect(e.idByUrl('https://x.test/d3')).toBe('d3');
    expect(e.idByUrl('https://x.test/none')).toBeUndefined();
    expect(e.sameBodyAs({ id: 'new', title: '', body: story.replace('اليوم', 'اليومَ') })).toBe('d1');
    expect(e.sameBodyAs({ id: 'd1', title: '', body: story })).toBeUndefined();
  });

  it('view marks the query words in the article', () => {
    const v = e.view('d3', 'الأطفال')!;
    expect(v.bodyHtml).toContain('<mark>للأطفال</mark>');
    expect(e.view('none')).toBeUndefined();
  });
});
