import { describe, expect, it } from 'vitest';
import { SearchEngine } from '../../src/search/engine.ts';
import { ARCHIVE, COLUMN } from './fixtures.ts';

const docs = [COLUMN, ...ARCHIVE];
const queries = ['الحكومة', '"وزير الخارجية"', 'النفط الأسعار', 'اقتص*', 'title:الحكومة'];
const ranked = (e: SearchEngine) => queries.map((q) => e.rank(q, 20));

describe('postings write path: merges give the same index however they are scheduled', () => {
  it('merging after every document (tail appended to copied main bytes) = one merge at the end', () => {
    const once = new SearchEngine();
    for (const a of docs) once.put(a);
    once.merge();
    const often = new SearchEngine();
    for (const a of docs) {
      often.put(a);
      often.merge();
    }
    expect(Buffer.from(often.serialize()).equals(Buffer.from(once.serialize()))).toBe(true);
    expect(ranked(often)).toEqual(ranked(once));
  });

  it('a removal between merges (main decoded, dead postings dropped) still matches a fresh build', () => {
    const e = new SearchEngine();
    for (const a of docs) e.put(a);
    e.merge();
    const gone = docs[1]!;
    e.remove(gone.id);
    expect(ranked(e)).toEqual(ranked(fresh(docs.filter((a) => a !== gone))));
    e.merge();
    e.put({ ...COLUMN, id: 'copy-after-merge' });
    e.merge();
    const fresh2 = fresh([...docs.filter((a) => a !== gone), { ...COLUMN, id: 'copy-after-merge' }]);
    expect(ranked(e).map((r) => r.map((h) => h.id))).toEqual(ranked(fresh2).map((r) => r.map((h) => h.id)));
  });

  it('one engine merging (which frees the shared word ids) while another is being built', () => {
    const a = new SearchEngine();
    const b = new SearchEngine();
    for (const d of docs) {
      a.put(d);
      b.put({ ...d, id: `b-${d.id}` });
      a.merge();
    }
    b.merge();
    expect(Buffer.from(a.serialize()).equals(Buffer.from(fresh(docs).serialize()))).toBe(true);
    const bFresh = fresh(docs.map((d) => ({ ...d, id: `b-${d.id}` })));
    expect(Buffer.from(b.serialize()).equals(Buffer.from(bFresh.serialize()))).toBe(true);
  });

  it('automatic merges reuse the tail arrays (capacity kept): no posting of an earlier tail comes back', () => {
    const e = new SearchEngine();
    const mergeKeepingTails = () => {
      // What maybeMerge does (PostingIndex.merge without release).
      e.stems.merge(e.docs.dead.data);
      e.exacts.merge(e.docs.dead.data);
    };
    for (const a of docs) {
      e.put(a);
      mergeKeepingTails();
    }
    // Tails refilled after a merge into arrays that still hold the old records: searched as tail,
    // merged again, then with a removal.
    e.put({ ...COLUMN, id: 'copy-1' });
    const withCopy = [...docs, { ...COLUMN, id: 'copy-1' }];
    expect(ranked(e)).toEqual(ranked(fresh(withCopy)));
    mergeKeepingTails();
    expect(Buffer.from(e.serialize()).equals(Buffer.from(fresh(withCopy).serialize()))).toBe(true);
    e.remove(docs[2]!.id);
    e.put({ ...COLUMN, id: 'copy-2' });
    mergeKeepingTails();
    const after = [...withCopy.filter((a) => a !== docs[2]), { ...COLUMN, id: 'copy-2' }];
    expect(ranked(e).map((r) => r.map((h) => h.id))).toEqual(ranked(fresh(after)).map((r) => r.map((h) => h.id)));
  });

  it('search sees tail postings before any merge', () => {
    const e = new SearchEngine();
    for (const a of docs) e.put(a);
    const m = fresh(docs);
    expect(ranked(e)).toEqual(ranked(m));
  });
});

function fresh(list: typeof docs): SearchEngine {
  const e = new SearchEngine();
  for (const a of list) e.put(a);
  e.merge();
  return e;
}
