/** topK and topKUnordered (src/search/top-k.ts) against a full sort, with and without a leading key. */
import { describe, expect, it } from 'vitest';
import { topK, topKUnordered, withLeadingKey } from '../../src/search/top-k.ts';
import { lcg } from './synthetic-articles.ts';

/** Scores with many ties (few distinct values) and a total order: score desc, then item asc. */
function case_(n: number, distinct: number, seed: number) {
  const rnd = lcg(seed);
  const score = Float64Array.from({ length: n }, () => Math.floor(rnd() * distinct));
  const items = Array.from({ length: n }, (_, i) => i).sort(() => rnd() - 0.5);
  const plain = (a: number, b: number) => score[b]! - score[a]! || a - b;
  const keyed = withLeadingKey((a: number, b: number) => score[b]! - score[a]! || a - b, score, true);
  return { items, plain, keyed, sorted: [...items].sort(plain) };
}

describe('top k', () => {
  it.each([
    // [items, k, distinct scores]
    [0, 5, 3],
    [7, 10, 3],
    [10, 10, 2],
    [15, 10, 4],
    [707, 100, 50],
    [707, 400, 50],
    [707, 400, 3],
    [5000, 400, 1000],
    [5000, 1, 7],
  ])('%i items, k = %i, %i distinct scores: the sort’s first k', (n, k, distinct) => {
    for (const seed of [1, 2, 3]) {
      const c = case_(n, distinct, seed);
      const want = c.sorted.slice(0, k);
      expect(topK(c.items, k, c.plain)).toEqual(want);
      expect(topK(c.items, k, c.keyed)).toEqual(want);
      // The same set, any order.
      expect([...topKUnordered(c.items, k, c.plain)].sort((a, b) => a - b)).toEqual([...want].sort((a, b) => a - b));
      expect([...topKUnordered(c.items, k, c.keyed)].sort((a, b) => a - b)).toEqual([...want].sort((a, b) => a - b));
    }
  });

  it('an ascending leading key (as newest/oldest dates), zeros and negative keys: the sort’s first k', () => {
    for (const seed of [4, 5, 6]) {
      const rnd = lcg(seed);
      const n = 900;
      const key = Float64Array.from({ length: n }, () => Math.floor(rnd() * 40) - 20);
      const items = Array.from({ length: n }, (_, i) => i).sort(() => rnd() - 0.5);
      const plain = (a: number, b: number) => key[a]! - key[b]! || b - a;
      const keyed = withLeadingKey((a: number, b: number) => key[a]! - key[b]! || b - a, key, false);
      for (const k of [1, 60, 100, 450, 899]) {
        const want = [...items].sort(plain).slice(0, k);
        expect(topK(items, k, keyed)).toEqual(want);
        expect([...topKUnordered(items, k, keyed)].sort((a, b) => a - b)).toEqual([...want].sort((a, b) => a - b));
      }
    }
  });

  it('k ≤ 0 gives nothing; the input is not changed', () => {
    const c = case_(50, 5, 9);
    const before = [...c.items];
    expect(topK(c.items, 0, c.plain)).toEqual([]);
    expect(topKUnordered(c.items, -1, c.plain)).toEqual([]);
    topK(c.items, 10, c.keyed);
    topKUnordered(c.items, 10, c.keyed);
    expect(c.items).toEqual(before);
  });
});
