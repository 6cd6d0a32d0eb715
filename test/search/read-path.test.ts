import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyzer.ts';
import { SearchEngine } from '../../src/search/engine.ts';
import { decodePostings, locatePositions, PostingBuffer } from '../../src/search/posting-decode.ts';
import { SKIP_MIN_BYTES, skipsOf } from '../../src/search/posting-skips.ts';
import { titleStemPool, titleStems } from '../../src/search/title-stems.ts';
import { DECODED_MIN_BYTES } from '../../src/search/decoded-lists.ts';
import { lcg, syntheticArticles } from './synthetic-articles.ts';

/** Synthetic articles: a few words drawn by a fixed pseudo-random sequence (synthetic-articles.ts). */
const WORDS = ['الحكومة', 'وزير', 'الخارجية', 'النفط', 'أسعار', 'العالمية', 'المدينة', 'الشركة', 'مجلس', 'الأمن', 'التعليم', 'المياه'];
const articles = (n: number, seed: number, from = 0) => syntheticArticles(WORDS, n, seed, from, { titleWords: 3 });

/** posRefs of `docs` in term `id` by decoding the whole list (the reference for locatePositions). */
function bruteLocate(e: SearchEngine, id: number, docs: number[]): number[] {
  const buf = new PostingBuffer();
  const n = decodePostings(e.exacts, id, e.docs.dead.data, buf, true);
  const at = new Map<number, number>();
  for (let j = 0; j < n; j++) at.set(buf.docs[j]!, buf.posRef[j]!);
  return docs.map((d) => at.get(d) ?? -1);
}

function checkLocate(e: SearchEngine, seed: number): number {
  const rnd = lcg(seed);
  const ids = WORDS.map((w) => e.exacts.idOf(analyze(w)[0]!.exact)).filter((id) => id >= 0);
  let withSkips = 0;
  for (let round = 0; round < 20; round++) {
    const docs = [...new Set(Array.from({ length: 100 }, () => Math.floor(rnd() * e.docs.slots)))];
    const got = locatePositions(e.exacts, ids, docs, e.docs.dead.data);
    ids.forEach((id, t) => expect([...got[t]!]).toEqual(bruteLocate(e, id, docs)));
  }
  for (const id of ids) if (skipsOf(e.exacts, id)) withSkips++;
  return withSkips;
}

describe('read path: skip data, cached title stems, lazy phrase check', () => {
  it('locating docs through skip data finds the same positions as decoding whole lists, across merges, tails and removals', () => {
    const e = new SearchEngine();
    for (const a of articles(1500, 7)) e.put(a);
    e.merge();
    // The common words' lists are long enough to get skip data.
    expect(checkLocate(e, 1)).toBeGreaterThan(0);
    const id = e.exacts.idOf(analyze('الحكومة')[0]!.exact);
    expect(e.exacts.mainOff[id + 1]! - e.exacts.mainOff[id]!).toBeGreaterThanOrEqual(SKIP_MIN_BYTES);
    const before = skipsOf(e.exacts, id);
    // New docs in the tail, removed docs in main: both still answered right.
    for (const a of articles(300, 8, 1500)) e.put(a);
    for (let i = 0; i < 1500; i += 7) e.remove(`a${i}`);
    checkLocate(e, 2);
    // A merge replaces the main arrays: the skip data is rebuilt for the new lists.
    e.merge();
    expect(skipsOf(e.exacts, id)).not.toBe(before);
    checkLocate(e, 3);
  });

  it('proximity through skip data ranks as an engine whose lists are all short', () => {
    const docs = articles(1500, 11);
    const big = new SearchEngine();
    for (const a of docs) big.put(a);
    big.merge();
    // The same articles never merged: every list is in the tail, decoded whole.
    const tailOnly = new SearchEngine();
    for (const a of docs) tailOnly.put(a);
    for (const q of ['وزير الخارجية', 'أسعار النفط العالمية', 'مجلس الأمن', 'الحكومة المياه']) {
      expect(big.rank(q, 20)).toEqual(tailOnly.rank(q, 20));
    }
  });

  it('scores from decoded lists kept between queries equal scores from the bytes, across writes, removals and merges', () => {
    const docs = articles(1500, 13);
    const big = new SearchEngine();
    for (const a of docs) big.put(a);
    big.merge();
    const id = big.exacts.idOf(analyze('الحكومة')[0]!.exact);
    expect(big.exacts.mainOff[id + 1]! - big.exacts.mainOff[id]!).toBeGreaterThanOrEqual(DECODED_MIN_BYTES);
    // The same articles never merged: every list is in the tail, scored from decoded postings.
    const tailOnly = new SearchEngine();
    for (const a of docs) tailOnly.put(a);
    // Phrases and field queries read the decoded lists (decoded-lists.ts); the others the bytes.
    const queries = ['الحكومة', 'وزير الخارجية', 'أسعار النفط العالمية', 'مجلس الأمن', '"وزير الخارجية"', '"أسعار النفط العالمية"', 'title:الحكومة', 'الحكومة -المياه'];
    const same = () => {
      // Three times: a term's list is kept on its second use and read from the cache on its third.
      for (let round = 0; round < 3; round++) for (const q of queries) expect(big.rank(q, 30)).toEqual(tailOnly.rank(q, 30));
    };
    same();
    // Removals (dead docs, moved averages) and new docs in the tail.
    for (let i = 0; i < 1500; i += 5) {
      big.remove(`a${i}`);
      tailOnly.remove(`a${i}`);
    }
    same();
    const more = articles(200, 14, 1500);
    for (const a of more) {
      big.put(a);
      tailOnly.put(a);
    }
    same();
    big.merge();
    same();
  });

  it('cached title stems are the analyzer terms of each title', () => {
    const e = new SearchEngine();
    const docs = articles(50, 3);
    for (const a of docs) e.put(a);
    for (let d = 0; d < 50; d++) {
      for (let twice = 0; twice < 2; twice++) {
        const at = titleStems(e.docs, e.stems, d);
        const pool = titleStemPool(e.docs);
        const ids = Array.from(pool.subarray(at + 1, at + 1 + pool[at]!));
        expect(ids.map((id) => e.stems.terms[id])).toEqual(analyze(docs[d]!.title).map((t) => t.term));
      }
    }
  });

  it('a phrase matches exactly the docs where its words are consecutive in one field', () => {
    const e = new SearchEngine();
    const docs = articles(800, 5);
    for (const a of docs) e.put(a);
    e.merge();
    for (const phrase of ['وزير الخارجية', 'أسعار النفط العالمية', 'مجلس الأمن', 'المياه المياه']) {
      const want = analyze(phrase).map((t) => t.exact);
      const has = (text: string) => {
        const ex = analyze(text).map((t) => t.exact);
        for (let i = 0; i + want.length <= ex.length; i++) if (want.every((w, k) => ex[i + k] === w)) return true;
        return false;
      };
      const expected = docs.filter((a) => has(a.title) || has(a.body)).map((a) => a.id).sort();
      const got = e.search({ q: `"${phrase}"`, size: 100, collapse: false });
      expect(got.total).toBe(expected.length);
      const ids: string[] = [];
      for (let page = 1; ids.length < got.total; page++) ids.push(...e.search({ q: `"${phrase}"`, size: 100, page, collapse: false }).hits.map((h) => h.id));
      expect(ids.sort()).toEqual(expected);
    }
  });
});
