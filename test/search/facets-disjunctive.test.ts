/** Disjunctive faceting: each facet dimension is counted with every filter except its own. */
import { describe, expect, it } from 'vitest';
import { normalizeTerm } from '../../src/analysis/analyzer.ts';
import { createEngine } from '../../src/search/engine.ts';
import type { Article, FacetName, SearchFilters } from '../../src/types.ts';
import { ARCHIVE } from './fixtures.ts';

const NAMES: FacetName[] = ['author', 'column', 'source', 'category', 'tag', 'year', 'month'];

function engine() {
  const e = createEngine();
  for (const a of ARCHIVE) e.put(a);
  return e;
}

/** The filters without facet `f`'s own (from/to for year and month). */
function dropOwn(filters: SearchFilters, f: FacetName): SearchFilters {
  const out = { ...filters };
  if (f === 'year' || f === 'month') {
    delete out.from;
    delete out.to;
  } else delete out[f];
  return out;
}

const key = (s: string) => s.split(' ').map((w) => normalizeTerm(w)).join(' ');

/** Brute-force counts of facet `f` over `articles`, keyed by normalized value. */
function brute(articles: Article[], f: FacetName): Map<string, number> {
  const m = new Map<string, number>();
  for (const a of articles) {
    const values = f === 'tag' ? (a.tags ?? []) : f === 'year' ? [a.date?.slice(0, 4)] : f === 'month' ? [a.date && a.date.length >= 7 ? a.date.slice(0, 7) : undefined] : [a[f]];
    for (const v of values) if (v) m.set(key(v), (m.get(key(v)) ?? 0) + 1);
  }
  return m;
}

const counts = (vs: { value: string; count: number }[] | undefined) => {
  const m = new Map<string, number>();
  for (const v of vs ?? []) m.set(key(v.value), (m.get(key(v.value)) ?? 0) + v.count);
  return m;
};

describe('disjunctive facets', () => {
  const e = engine();
  const cases: [string, SearchFilters][] = [
    // [query, filters]
    ['', { author: ['سالم بن علي'] }],
    ['', { from: '2023', to: '2023' }],
    ['', { author: ['سالم بن علي'], from: '2023-01', to: '2023-12' }],
    ['', { source: ['okaz'], category: ['economy'] }],
    ['الاقتصاد', { author: ['أحمد الكاظمي'] }],
    ['مسقط OR الكتاب OR النفط', { source: ['okaz'], from: '2022' }],
    ['', { tag: ['كتب'], author: ['منى الحربي', 'سالم بن علي'] }],
  ];
  it.each(cases)('each dimension equals a brute-force count with its own filter dropped (%s, %j)', (q, filters) => {
    const r = e.search({ q, filters, size: 1, facets: NAMES });
    // Totals and hits are those of the fully filtered search.
    const plain = e.search({ q, filters, size: 100 });
    expect(r.total).toBe(plain.total);
    expect(r.hits.map((h) => h.id)).toEqual(plain.hits.slice(0, 1).map((h) => h.id));
    for (const f of NAMES) {
      const relaxed = e.search({ q, filters: dropOwn(filters, f), size: 100 }).hits.map((h) => e.get(h.id)!);
      expect(counts(r.facets[f]), f).toEqual(brute(relaxed, f));
    }
  });

  it('a chosen author leaves the other authors in the list, a chosen year the other years', () => {
    const byAuthor = e.search({ q: '', filters: { author: ['سالم بن علي'] }, facets: ['author', 'year'] });
    expect(byAuthor.facets.author!.length).toBeGreaterThan(1);
    expect(byAuthor.hits.every((h) => h.author === 'سالم بن علي')).toBe(true);
    // The year facet still honours the author filter.
    expect(byAuthor.facets.year!.map((v) => v.value).sort()).toEqual(['2021', '2023']);
    const byYear = e.search({ q: '', filters: { from: '2023', to: '2023' }, facets: ['year'] });
    expect(byYear.facets.year!.map((v) => v.value)).toContain('2022');
    expect(byYear.hits.every((h) => h.date?.startsWith('2023'))).toBe(true);
  });
});
