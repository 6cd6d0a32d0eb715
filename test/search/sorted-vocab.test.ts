/** Prefix lookups (word* and autocomplete) equal a brute-force scan of the vocabulary, before and after more terms arrive. */
import { describe, expect, it } from 'vitest';
import { SearchEngine } from '../../src/search/engine.ts';

const LETTERS = 'ابتثجحخدذرزسشصضطظعغفقكلمنهوي';

function word(r: () => number): string {
  const len = 2 + Math.floor(r() * 6);
  let w = r() < 0.4 ? 'ال' : '';
  for (let i = 0; i < len; i++) w += LETTERS[Math.floor(r() * LETTERS.length)];
  return w;
}

function brute(e: SearchEngine, prefix: string, limit: number): number[] {
  const ix = e.exacts;
  const out: number[] = [];
  for (let id = 0; id < ix.size; id++) if (ix.df.data[id]! > 0 && ix.terms[id]!.startsWith(prefix)) out.push(id);
  out.sort((a, b) => ix.df.data[b]! - ix.df.data[a]! || a - b);
  return out.slice(0, limit);
}

describe('prefix lookups', () => {
  it('match a brute-force scan for 2- to 5-letter prefixes, also after new terms arrive', () => {
    let seed = 7;
    const r = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    const e = new SearchEngine();
    const add = (from: number, to: number) => {
      for (let i = from; i < to; i++) e.put({ id: `d${i}`, title: word(r), body: Array.from({ length: 40 }, () => word(r)).join(' ') });
    };
    const check = () => {
      for (let i = 0; i < 300; i++) {
        const t = e.exacts.terms[Math.floor(r() * e.exacts.size)]!;
        const p = t.slice(0, 2 + (i % 4));
        expect(e.exactVocab.withPrefix(p, 64), p).toEqual(brute(e, p, 64));
      }
      expect(e.exactVocab.withPrefix('ال', 1000)).toEqual(brute(e, 'ال', 1000));
    };
    add(0, 300);
    check();
    add(300, 310); // a few new terms: scanned beside the groups
    check();
    add(310, 900); // many: the groups are rebuilt
    check();
  });
});
