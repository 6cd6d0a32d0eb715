import { describe, expect, it } from 'vitest';
import { SearchEngine } from '../../src/search/engine.ts';
import type { Article } from '../../src/types.ts';
import { lcg } from './synthetic-articles.ts';

// A bulk load's postings go to per-term-range streams (src/search/bucket-streams.ts): these
// articles (written here) have enough distinct words for several buckets of 1,024 terms, common
// words with more postings than a record chunk holds, and one word repeated 5,000 times in one
// body (its positions need more than one position chunk).
const rnd = lcg(7);
const LETTERS = 'بتثجحخدذرزسشصضطظعغفقكلمنهوي';
const word = () => Array.from({ length: 3 + Math.floor(rnd() * 4) }, () => LETTERS[Math.floor(rnd() * LETTERS.length)]).join('');
const vocabulary = Array.from({ length: 4000 }, word);
const common = vocabulary.slice(0, 20);
const docs: Article[] = Array.from({ length: 700 }, (_, i) => {
  const body = Array.from({ length: 20 + Math.floor(rnd() * 40) }, () => (rnd() < 0.5 ? common[Math.floor(rnd() * common.length)] : vocabulary[Math.floor(rnd() * vocabulary.length)])).join(' ');
  return { id: `s${i}`, title: `${vocabulary[i]} ${common[i % 20]}`, body: i === 350 ? `${body} ${'تكرار '.repeat(5000)}` : body, source: 'test', date: '2024-01-01' };
});
const queries = [common[0]!, `"${common[1]} ${common[2]}"`, vocabulary[3000]!, 'تكرار', `${common[3]} ${vocabulary[123]}`];
const ranked = (e: SearchEngine) => queries.map((q) => e.rank(q, 20));
const bytes = (e: SearchEngine) => Buffer.from(e.serialize());

function fresh(list: readonly Article[]): SearchEngine {
  const e = new SearchEngine();
  for (const a of list) e.put(a);
  e.merge();
  return e;
}

describe('bulk load through the per-term-range streams', () => {
  const normal = fresh(docs);

  it('has several buckets of terms', () => {
    expect(normal.exacts.size).toBeGreaterThan(3 * 1024);
  });

  it('putAll gives the bytes and results of puts and merge()', () => {
    const bulk = new SearchEngine();
    bulk.putAll(docs);
    expect(bytes(bulk).equals(bytes(normal))).toBe(true);
    expect(ranked(bulk)).toEqual(ranked(normal));
  });

  it('budget merges (streams merged into a main) give the same bytes', () => {
    for (const budget of [5_000, 60_000, 400_000]) {
      const e = new SearchEngine();
      e.putAll(docs, budget);
      expect(bytes(e).equals(bytes(normal))).toBe(true);
    }
  });

  it('a search mid-load moves the streams into the tail; the load goes on and ends in the same index', () => {
    const e = new SearchEngine();
    e.beginBulk(1 << 30);
    for (let i = 0; i < docs.length; i++) {
      e.put(docs[i]!);
      if (i === 360 || i === 361) expect(ranked(e)).toEqual(ranked(fresh(docs.slice(0, i + 1))));
    }
    e.endBulk();
    expect(bytes(e).equals(bytes(normal))).toBe(true);
  });

  it('serialize() of an engine whose streams were moved into an unmerged tail is the index so far', () => {
    const e = new SearchEngine();
    e.beginBulk(1 << 30);
    for (const a of docs.slice(0, 400)) e.put(a);
    void e.exacts.df; // a reader: the streams become the tail
    for (const a of docs.slice(400)) e.put(a);
    const built = e.exacts.build(e.docs.dead.data);
    const m = normal.exacts;
    expect(Buffer.from(built.data).equals(Buffer.from(m.mainData))).toBe(true);
    expect(Buffer.from(built.pos).equals(Buffer.from(m.mainPos))).toBe(true);
    e.endBulk();
    expect(bytes(e).equals(bytes(normal))).toBe(true);
  });
});
