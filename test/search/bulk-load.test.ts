import { describe, expect, it } from 'vitest';
import { SearchEngine } from '../../src/search/engine.ts';
import type { Article } from '../../src/types.ts';
import { ARCHIVE, COLUMN } from './fixtures.ts';

const docs = [COLUMN, ...ARCHIVE];
const queries = ['الحكومة', '"وزير الخارجية"', 'النفط الأسعار', 'اقتص*', 'title:الحكومة'];
const ranked = (e: SearchEngine) => queries.map((q) => e.rank(q, 20));
const bytes = (e: SearchEngine) => Buffer.from(e.serialize());

/** The normal path: one put at a time with the live merge policy, then merge(). */
function fresh(list: readonly Article[]): SearchEngine {
  const e = new SearchEngine();
  for (const a of list) e.put(a);
  e.merge();
  return e;
}

describe('bulk load (beginBulk … endBulk, putAll): the index of the normal path', () => {
  it('putAll gives the same bytes and results as puts and merge()', () => {
    const bulk = new SearchEngine();
    bulk.putAll(docs);
    const normal = fresh(docs);
    expect(bytes(bulk).equals(bytes(normal))).toBe(true);
    expect(ranked(bulk)).toEqual(ranked(normal));
  });

  it('whatever the budget (a merge after every put, or none until the end): same bytes', () => {
    const normal = bytes(fresh(docs));
    for (const budget of [1, 2_000, 1 << 30]) {
      const e = new SearchEngine();
      e.beginBulk(budget);
      for (const a of docs) e.put(a);
      e.endBulk();
      expect(bytes(e).equals(normal)).toBe(true);
    }
  });

  it('searches between puts during a bulk load see every put so far', () => {
    for (const budget of [1, 1 << 30]) {
      const e = new SearchEngine();
      e.beginBulk(budget);
      for (let i = 0; i < docs.length; i++) {
        e.put(docs[i]!);
        expect(ranked(e)).toEqual(ranked(fresh(docs.slice(0, i + 1))));
      }
      e.endBulk();
      expect(ranked(e)).toEqual(ranked(fresh(docs)));
    }
  });

  it('serialize() during a bulk load (a store compacting mid-ingest) is the index so far; the load goes on', () => {
    const e = new SearchEngine();
    e.beginBulk(1 << 30);
    for (let i = 0; i < docs.length; i++) {
      e.put(docs[i]!);
      if (i % 2 === 1) expect(bytes(e).equals(bytes(fresh(docs.slice(0, i + 1))))).toBe(true);
    }
    e.endBulk();
    expect(bytes(e).equals(bytes(fresh(docs)))).toBe(true);
  });

  it('updates and removals during a bulk load, then live puts after it', () => {
    const e = new SearchEngine();
    e.beginBulk(1 << 30);
    for (const a of docs) e.put(a);
    e.remove(docs[1]!.id);
    e.put({ ...docs[2]!, title: `${docs[2]!.title} النفط` });
    e.endBulk();
    e.put({ ...COLUMN, id: 'after-bulk' });
    const expected = fresh([...docs.filter((a) => a !== docs[1] && a !== docs[2]), { ...docs[2]!, title: `${docs[2]!.title} النفط` }, { ...COLUMN, id: 'after-bulk' }]);
    const ids = (e2: SearchEngine) => ranked(e2).map((r) => r.map((h) => h.id).sort());
    expect(ids(e)).toEqual(ids(expected));
    expect(e.size).toBe(expected.size);
  });

  it('a budget must be positive', () => {
    expect(() => new SearchEngine().beginBulk(0)).toThrow(RangeError);
  });
});
