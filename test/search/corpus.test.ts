import { describe, expect, it } from 'vitest';
import { hasCorpus, loadCorpus } from '../../bench/corpus.ts';
import { knownItemQueries } from '../../eval/known-item.ts';
import { createEngine, deserializeEngine } from '../../src/search/engine.ts';

const shared = hasCorpus();
if (!shared) console.warn('test/search/corpus.test.ts: SKIPPED (../shared/corpus not found beside the checkout)');

describe.skipIf(!shared)('on 2,000 real articles (../shared/corpus)', () => {
  const docs = shared ? loadCorpus(2000) : [];
  const e = createEngine();
  for (const a of docs) e.put(a);

  it('headline words typed the way people type find their article', () => {
    const queries = knownItemQueries(docs, 200, 7);
    let top10 = 0;
    for (const q of queries) {
      const ids = e.search({ q: q.text, size: 10 }).hits.flatMap((h) => [h.id, ...h.duplicates.map((d) => d.id)]);
      if (ids.some((id) => q.relevant.has(id))) top10++;
    }
    expect(top10 / queries.length).toBeGreaterThan(0.9);
  });

  it('a serialized copy answers the same', () => {
    const copy = deserializeEngine(e.serialize());
    for (const q of ['الحكومة', '"وزير الخارجية"', 'اقتصا*', 'تونس -الحكومة']) {
      expect(copy.search({ q, facets: ['source', 'year'] }).hits.map((h) => h.id)).toEqual(e.search({ q, facets: ['source', 'year'] }).hits.map((h) => h.id));
    }
  });

  it('facet totals add up to the result total for single-valued fields', () => {
    const r = e.search({ q: 'تونس', facets: ['source', 'year'] });
    expect(r.facets.source!.reduce((s, v) => s + v.count, 0)).toBe(r.total);
  });
});
