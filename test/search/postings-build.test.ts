import { describe, expect, it } from 'vitest';
import { SearchEngine } from '../../src/search/engine.ts';
import { MergeScratch } from '../../src/search/postings.ts';
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

  it('merges in place and tails linked lazily: after every put and every merge, results and df match a fresh build', () => {
    const e = new SearchEngine();
    const dfOf = (x: SearchEngine) =>
      [x.stems, x.exacts].map((ix) => Object.fromEntries(ix.terms.map((t, id) => [t, ix.df.data[id]!]).filter(([, n]) => n !== 0)));
    for (let i = 0; i < docs.length; i++) {
      e.put(docs[i]!);
      const m = fresh(docs.slice(0, i + 1));
      // Unmerged: the tail is linked (and counted in df) only now, when it is read.
      expect(dfOf(e)).toEqual(dfOf(m));
      expect(ranked(e)).toEqual(ranked(m));
      // Merged without release (as maybeMerge does): main moves up inside its own arrays.
      e.stems.merge(e.docs.dead.data);
      e.exacts.merge(e.docs.dead.data);
      expect(Buffer.from(e.serialize()).equals(Buffer.from(m.serialize()))).toBe(true);
      expect(ranked(e)).toEqual(ranked(m));
    }
    // Puts never read between merges: their postings reach df through the merge's count.
    const e2 = new SearchEngine();
    for (const a of docs) {
      e2.put(a);
      if (docs.indexOf(a) % 3 === 2) {
        e2.stems.merge(e2.docs.dead.data);
        e2.exacts.merge(e2.docs.dead.data);
      }
    }
    e2.merge();
    expect(dfOf(e2)).toEqual(dfOf(fresh(docs)));
    expect(Buffer.from(e2.serialize()).equals(Buffer.from(fresh(docs).serialize()))).toBe(true);
  });

  it('a tail partly linked, then serialized unmerged, then merged: df and bytes match a fresh build', () => {
    // The merge's sizing pass counts in df only the postings linkTail has not (linked: read
    // between puts); serialize() builds from the unmerged tail without changing it (no gaps
    // kept in the records), and the merge after it still writes the same bytes.
    const dfOf = (x: SearchEngine) => [x.stems, x.exacts].map((ix) => Array.from(ix.df.data.subarray(0, ix.terms.length)));
    const e = new SearchEngine();
    const m = fresh(docs);
    for (let i = 0; i < docs.length; i++) {
      e.put(docs[i]!);
      if (i % 2 === 0) e.rank('الحكومة', 5); // reads df: links the tail so far
      if (i % 3 === 2) {
        const unmerged = Buffer.from(e.serialize());
        expect(unmerged.equals(Buffer.from(fresh(docs.slice(0, i + 1)).serialize()))).toBe(true);
        e.stems.merge(e.docs.dead.data);
        e.exacts.merge(e.docs.dead.data);
      }
    }
    e.merge();
    expect(dfOf(e)).toEqual(dfOf(m));
    expect(Buffer.from(e.serialize()).equals(Buffer.from(m.serialize()))).toBe(true);
    expect(ranked(e)).toEqual(ranked(m));
  });

  it('the merge partitioned into many term buckets and groups (scratch reused) gives the same bytes', () => {
    const once = fresh(docs);
    // Unmerged tails (bulk load), merged with 2-term buckets and groups of ~3 postings, the
    // scratch shared by both indexes; a removed doc's postings are dropped on the way.
    for (const removed of [false, true]) {
      const e = new SearchEngine();
      e.beginBulk(2 ** 40);
      for (const a of docs) e.put(a);
      if (removed) e.remove(docs[2]!.id);
      const inner = e as unknown as { stems: PartMerge; exacts: PartMerge; docs: { dead: { data: Uint8Array } } };
      const scratch = new MergeScratch(1, 3);
      inner.stems.merge(inner.docs.dead.data, false, scratch);
      inner.exacts.merge(inner.docs.dead.data, false, scratch);
      const expected = removed ? fresh(docs.filter((_, i) => i !== 2)) : once;
      expect(ranked(e)).toEqual(ranked(expected));
      if (!removed) expect(Buffer.from(e.serialize()).equals(Buffer.from(once.serialize()))).toBe(true);
    }
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

interface PartMerge {
  merge(dead: Uint8Array, release: boolean, scratch: MergeScratch): void;
}
