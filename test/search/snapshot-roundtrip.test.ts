/**
 * A loaded snapshot answers exactly as the engine it was saved from: articles (decoded on read),
 * searches, view, related, suggest, stats — also after both are changed the same way, and after a
 * loaded engine is saved again (its snapshot articles are copied without being rebuilt).
 */
import { describe, expect, it } from 'vitest';
import { hasCorpus, loadCorpus } from '../../bench/corpus.ts';
import type { Engine } from '../../src/contracts.ts';
import { createEngine, deserializeEngine, type SearchEngine } from '../../src/search/engine.ts';
import type { Article, SearchRequest } from '../../src/types.ts';
import { ARCHIVE } from './fixtures.ts';

/** Everything a reader can ask, with the timing field zeroed. */
function answers(e: Engine, queries: readonly string[], ids: readonly string[]) {
  const out: unknown[] = [e.size, e.stats(), e.authors()];
  for (const q of queries) {
    const reqs: SearchRequest[] = [{ q, facets: ['author', 'source', 'year'] }, { q, sort: 'newest', size: 5, page: 2 }, { q, collapse: false, size: 30 }];
    for (const req of reqs) out.push({ ...e.search(req), took_ms: 0 });
    out.push(e.suggest(q), e.suggest(q.slice(0, 3)));
  }
  for (const id of ids) out.push(e.get(id) ?? null, e.view(id, 'الحكومة') ?? null, e.related(id));
  return out;
}

function change(e: Engine, articles: readonly Article[]) {
  e.remove(articles[1]!.id);
  e.put({ ...articles[2]!, title: `${articles[2]!.title} (محدث)` });
  e.put({ id: 'new-1', title: 'خبر جديد عن الزراعة في الوادي', body: `${articles[3]!.body} الزراعة`, source: 'test', date: '2024-05-05', tags: ['زراعة'] });
}

describe('snapshot round trip (fixtures)', () => {
  const odd: Article[] = [
    ...ARCHIVE,
    { id: 'odd-1', title: '', body: 'نص بلا عنوان \ud800 وفيه نصف زوج بديل', extra: { page: 3, nested: { a: [1, 'ب'] } }, dateText: 'ربيع ١٤٤٥', tags: [] },
    { id: 'odd-2', title: 'عنوان \udc00 غريب', body: '', author: '', column: 'عمود', url: 'https://x.test/odd-2/#top' },
  ];

  it('gives back every article field for field, absent fields absent', () => {
    const e = createEngine();
    for (const a of odd) e.put(a);
    const copy = deserializeEngine(e.serialize());
    for (const a of odd) {
      expect(copy.get(a.id)).toEqual(e.get(a.id));
      expect(Object.keys(copy.get(a.id)!).sort()).toEqual(Object.keys(e.get(a.id)!).sort());
    }
    expect(copy.get('odd-1')!.body).toContain('\ud800');
    // The head (a hit's syndicated copies) reads only the fields between body and tags.
    for (const a of odd) {
      const { body: _b, tags: _t, extra: _x, ...head } = copy.get(a.id)!;
      const docs = (copy as SearchEngine).docs;
      expect(docs.articleHead(docs.byId.get(a.id)!)).toEqual(head);
      // What a hit shows: all but dateText, tags and extra (one read, only those fields decoded).
      const { dateText: _d, tags: _t2, extra: _x2, ...shown } = copy.get(a.id)!;
      expect(docs.articleShown(docs.byId.get(a.id)!)).toEqual(shown);
    }
    expect(copy.idByUrl('https://x.test/odd-2')).toBe('odd-2');
  });

  it('answers the same before and after identical changes, and when saved again', () => {
    const e = createEngine();
    for (const a of odd) e.put(a);
    const copy = deserializeEngine(e.serialize());
    const queries = ['الاقتصاد', '"الاقتصاد العراقي"', 'الاقتص*', 'عمان', 'غريب', 'الزراعة'];
    const ids = [...odd.map((a) => a.id), 'new-1'];
    expect(answers(copy, queries, ids)).toEqual(answers(e, queries, ids));
    change(e, odd);
    change(copy, odd);
    expect(answers(copy, queries, ids)).toEqual(answers(e, queries, ids));
    const again = deserializeEngine(copy.serialize());
    expect(answers(again, queries, ids)).toEqual(answers(e, queries, ids));
    expect(again.get(odd[1]!.id)).toBeUndefined();
  });

  it('string columns round-trip whether written one byte per code unit (latin ids, urls) or as UTF-16; an empty snapshot grows', () => {
    for (const ids of [['ascii-1', 'café-é', 'x\u00ff'], ['ascii-2', 'مقال-١', 'y\u0100']]) {
      const e = createEngine();
      ids.forEach((id, i) => e.put({ id, title: `عنوان ${i}`, body: `نص المقال ${i}`, url: `https://x.test/ü/${id}`, author: i ? 'Zoë' : undefined }));
      const copy = deserializeEngine(e.serialize());
      for (const id of ids) expect(copy.get(id)).toEqual(e.get(id));
      expect(copy.idByUrl(`https://x.test/ü/${ids[1]}`)).toBe(ids[1]);
      expect(copy.authors()).toEqual(e.authors());
    }
    const empty = deserializeEngine(createEngine().serialize());
    empty.put({ id: 'a', title: 'الاقتصاد', body: 'الاقتصاد العراقي' });
    empty.put({ id: 'b', title: 'الزراعة', body: 'الزراعة في الوادي' });
    expect(empty.search({ q: 'الزراعة' }).hits.map((h) => h.id)).toEqual(['b']);
  });

  it('two engines loaded from the same bytes do not share state', () => {
    const e = createEngine();
    for (const a of odd) e.put(a);
    const bytes = e.serialize();
    const one = deserializeEngine(bytes);
    const two = deserializeEngine(bytes);
    one.remove('eco-1');
    one.put({ id: 'z', title: 'الاقتصاد', body: 'الاقتصاد العراقي' });
    expect(answers(two, ['الاقتصاد', 'عمان'], ['eco-1', 'z'])).toEqual(answers(e, ['الاقتصاد', 'عمان'], ['eco-1', 'z']));
  });
});

const shared = hasCorpus();
if (!shared) console.warn('test/search/snapshot-roundtrip.test.ts: corpus part SKIPPED (../shared/corpus not found beside the checkout)');

describe.skipIf(!shared)('snapshot round trip on 3,000 real articles (../shared/corpus)', () => {
  const docs = shared ? loadCorpus(3000) : [];
  const queries = ['الحكومة', 'وزير الخارجية', '"مجلس الوزراء"', 'النفط OR الغاز', 'سوريا -لبنان', 'اقتصا*', 'title:الملك', 'انتخابات 2014', 'الامم المتحده'];
  for (let i = 0; i < docs.length; i += 150) {
    const words = docs[i]!.title.split(/\s+/).filter((w) => w.length > 3);
    if (words.length >= 2) queries.push(words.slice(0, 2).join(' '));
  }
  const ids = docs.filter((_, i) => i % 300 === 0).map((a) => a.id);

  it('answers every query, view, related and suggestion exactly as the engine it was saved from', () => {
    const e = createEngine();
    for (const a of docs) e.put(a);
    e.remove(docs[10]!.id); // a dead slot before saving
    const copy = deserializeEngine(e.serialize());
    expect(answers(copy, queries, ids)).toEqual(answers(e, queries, ids));
    change(e, docs);
    change(copy, docs);
    expect(answers(copy, queries, ids)).toEqual(answers(e, queries, ids));
    const again = deserializeEngine(copy.serialize());
    expect(answers(again, queries, ids)).toEqual(answers(e, queries, ids));
  });
});
