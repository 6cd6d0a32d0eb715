import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyzer.ts';
import { scoreCompactAt, scoreCompactMerge } from '../../src/search/compact-score.ts';
import { SearchEngine } from '../../src/search/engine.ts';
import { skipsOf } from '../../src/search/posting-skips.ts';
import { scoreMainPostings, type TermScoring } from '../../src/search/term-score.ts';
import { lcg, syntheticArticles } from './synthetic-articles.ts';

/** Common words (some with و, a stopword among them), and rare words in every 37th / 53rd article. */
const WORDS = ['الحكومة', 'وزير', 'الخارجية', 'النفط', 'أسعار', 'العالمية', 'والنفط', 'في', 'مجلس', 'الأمن', 'الاسعار', 'العالمي'];
const articles = (n: number, seed: number) =>
  syntheticArticles(WORDS, n, seed, 0, { titleWords: 3, tail: (i) => (i % 37 === 0 ? ' الزلزال' : i % 53 === 0 ? ' البركان' : '') });

describe('required words scored on a compact candidate list (evaluate.ts compactGroup)', () => {
  it('scores each candidate as a full decode scores it, with or without skip data', () => {
    const e = new SearchEngine();
    for (const a of articles(3000, 4)) e.put(a);
    e.merge();
    for (let i = 0; i < 3000; i += 13) e.remove(`a${i}`);
    const rnd = lcg(8);
    const slots = e.docs.slots;
    const dead = e.docs.dead.data;
    const sc: TermScoring = { c: 1.3, k1: 1.2, wT: 2, wB: 1, wM: 0.5, wL: 0.3, normT: new Float64Array(slots).map(() => 0.5 + rnd()), normB: new Float64Array(slots).map(() => 0.5 + rnd()) };
    let probed = 0;
    for (const w of WORDS) {
      for (const ix of [e.stems, e.exacts]) {
        const t = analyze(w)[0]!;
        const id = ix.idOf(ix === e.stems ? t.term : t.exact);
        if (id < 0) continue;
        const skips = skipsOf(ix, id);
        if (skips) probed++;
        for (const count of [0, 1, 9, 80, 700, 2500]) {
          // Live candidates, ascending (compactGroup's come from a word's live postings).
          const cand = Int32Array.from(new Set(Array.from({ length: count }, () => Math.floor(rnd() * slots)).filter((d) => dead[d] === 0))).sort();
          const allow = new Uint8Array(slots);
          for (const d of cand) allow[d] = 1;
          for (const onlyTouched of [false, true]) {
            const dense = new Float64Array(slots);
            const acc = new Float64Array(cand.length);
            for (let k = 0; k < cand.length; k += 3) dense[cand[k]!] = acc[k] = 0.125;
            scoreMainPostings(ix, id, dead, allow, sc, dense, new Int32Array(slots), onlyTouched);
            const expected = [...cand].map((d) => dense[d]!);
            scoreCompactMerge(ix, id, cand, cand.length, sc, acc, onlyTouched);
            expect([...acc]).toEqual(expected);
            if (!skips) continue;
            // Probed at every candidate, and at every other one (a touched-slot list).
            const acc2 = new Float64Array(cand.length);
            for (let k = 0; k < cand.length; k += 3) acc2[k] = 0.125;
            scoreCompactAt(ix, id, skips, cand, null, cand.length, sc, acc2, onlyTouched);
            expect([...acc2]).toEqual(expected);
            const slotList = Int32Array.from({ length: Math.ceil(cand.length / 2) }, (_, j) => 2 * j);
            const acc3 = new Float64Array(cand.length);
            for (let k = 0; k < cand.length; k += 3) acc3[k] = 0.125;
            scoreCompactAt(ix, id, skips, cand, slotList, slotList.length, sc, acc3, onlyTouched);
            expect([...acc3].filter((_, k) => k % 2 === 0)).toEqual(expected.filter((_, k) => k % 2 === 0));
          }
        }
      }
    }
    expect(probed).toBeGreaterThan(4);
  });

  it('ranks and scores as an engine whose lists are unmerged (the general path), stopwords and readings included', () => {
    const docs = articles(2500, 11);
    const merged = new SearchEngine();
    for (const a of docs) merged.put(a);
    merged.merge();
    // The same articles never merged: every list is in the tail, so group() takes the general path.
    const tailOnly = new SearchEngine();
    for (const a of docs) tailOnly.put(a);
    for (const e of [merged, tailOnly]) for (let i = 5; i < 2500; i += 17) e.remove(`a${i}`);
    const queries = [
      'أسعار النفط العالمية',
      'الزلزال الحكومة',
      'في أسعار النفط',
      'النفط في العالمية',
      'والنفط الأمن',
      'الاسعار العالمي الزلزال',
      'البركان وزير الخارجية',
      'مجلس الأمن في الحكومة',
    ];
    // Rounds: a long list gets skip data on its second use and is probed from then on.
    for (let round = 0; round < 3; round++) {
      for (const q of queries) {
        const a = merged.search({ q, size: 100 });
        const b = tailOnly.search({ q, size: 100 });
        expect(a.total).toBe(b.total);
        expect(a.hits.map((h) => [h.id, h.score])).toEqual(b.hits.map((h) => [h.id, h.score]));
        expect(merged.rank(q, 200)).toEqual(tailOnly.rank(q, 200));
      }
    }
  });
});
