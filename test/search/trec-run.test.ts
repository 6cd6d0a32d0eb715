import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/search/engine.ts';
import { trecRun } from '../../src/search/trec-run.ts';
import { ARCHIVE } from './fixtures.ts';

describe('trecRun', () => {
  it('writes "qid Q0 docid rank score fahras" lines in the order the search box ranks', () => {
    const e = createEngine();
    for (const a of ARCHIVE) e.put(a);
    const run = trecRun(e, [{ id: 'q1', text: 'الاقتصاد العراقي' }, { id: 'q2', text: 'لا شيء يطابق هذا زلزلزل' }], 10);
    const lines = run.trim().split('\n');
    const q1 = lines.filter((l) => l.startsWith('q1 '));
    expect(q1.map((l) => l.split(' ')[2])).toEqual(e.search({ q: 'الاقتصاد العراقي' }).hits.map((h) => h.id));
    for (const [i, l] of q1.entries()) {
      const [qid, q0, , rank, score, tag] = l.split(' ');
      expect([qid, q0, rank, tag]).toEqual(['q1', 'Q0', String(i + 1), 'fahras']);
      expect(Number.isFinite(Number(score))).toBe(true);
    }
    expect(trecRun(e, [], 10)).toBe('');
  });
});
