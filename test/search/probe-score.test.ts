import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyzer.ts';
import { SearchEngine } from '../../src/search/engine.ts';
import { skipsOf } from '../../src/search/posting-skips.ts';
import { scoreMainPostings, scoreMainPostingsAt, type TermScoring } from '../../src/search/term-score.ts';
import { lcg, syntheticArticles } from './synthetic-articles.ts';

/** Common words, and a rare word in every 37th article (another in every 53rd). */
const WORDS = ['الحكومة', 'وزير', 'الخارجية', 'النفط', 'أسعار', 'العالمية', 'المدينة', 'الشركة', 'مجلس', 'الأمن'];
const articles = (n: number, seed: number, from = 0) =>
  syntheticArticles(WORDS, n, seed, from, { titleWords: 2, tail: (i) => (i % 37 === 0 ? ' الزلزال' : i % 53 === 0 ? ' البركان' : '') });

describe('probing long posting lists through skip data (term-score.ts scoreMainPostingsAt)', () => {
  it('scores exactly the targets a full decode with the same docs allowed scores, in the same order', () => {
    const e = new SearchEngine();
    for (const a of articles(2000, 3)) e.put(a);
    e.merge();
    for (let i = 0; i < 2000; i += 11) e.remove(`a${i}`); // dead docs inside the lists
    const rnd = lcg(5);
    const slots = e.docs.slots;
    const sc: TermScoring = { c: 1.7, k1: 1.2, wT: 2, wB: 1, wM: 0.5, wL: 0.3, normT: new Float64Array(slots).fill(1.1), normB: new Float64Array(slots).fill(0.9) };
    let probed = 0;
    for (const w of WORDS) {
      for (const ix of [e.stems, e.exacts]) {
        const t = analyze(w)[0]!;
        const id = ix.idOf(ix === e.stems ? t.term : t.exact);
        const skips = skipsOf(ix, id);
        if (!skips) continue;
        probed++;
        for (const count of [0, 1, 7, 60, 400]) {
          const targets = Int32Array.from(new Set(Array.from({ length: count }, () => Math.floor(rnd() * (slots + 20))))).sort();
          const allow = new Uint8Array(slots + 20);
          for (const d of targets) allow[d] = 1;
          // Half the runs with some docs already scored, as for an exact-form list (onlyTouched).
          for (const onlyTouched of [false, true]) {
            const a = new Float64Array(slots + 20);
            const b = new Float64Array(slots + 20);
            for (let k = 0; k < targets.length; k += 2) a[targets[k]!] = b[targets[k]!] = 0.25;
            const fa = new Int32Array(slots);
            const fb = new Int32Array(slots);
            const na = scoreMainPostings(ix, id, e.docs.dead.data, allow, sc, a, fa, onlyTouched);
            const nb = scoreMainPostingsAt(ix, id, skips, targets, targets.length, e.docs.dead.data, sc, b, fb, onlyTouched);
            expect(nb).toBe(na);
            expect([...fb.subarray(0, nb)]).toEqual([...fa.subarray(0, na)]);
            expect([...b]).toEqual([...a]);
          }
        }
      }
    }
    expect(probed).toBeGreaterThan(4);
  });

  it('a rare word with common words ranks as an engine whose lists are all decoded whole', () => {
    const docs = articles(2000, 9);
    const big = new SearchEngine();
    for (const a of docs) big.put(a);
    big.merge();
    // The same articles never merged: every list is in the tail, decoded whole.
    const tailOnly = new SearchEngine();
    for (const a of docs) tailOnly.put(a);
    const queries = ['الزلزال الحكومة', 'الزلزال وزير الخارجية', 'البركان النفط أسعار', '+الزلزال +المدينة', 'الزلزال البركان الأمن', 'الحكومة الزلزال -النفط'];
    // Three rounds: a long list gets skip data on its second use and is probed from then on.
    for (let round = 0; round < 3; round++) for (const q of queries) expect(big.rank(q, 50)).toEqual(tailOnly.rank(q, 50));
    const id = big.stems.idOf(analyze('الحكومة')[0]!.term);
    expect(skipsOf(big.stems, id)).not.toBeNull();
  });
});
