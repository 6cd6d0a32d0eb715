import { describe, expect, it } from 'vitest';
import { EVAL_SETS, hasEvalSet, loadEvalSet } from '../../eval/datasets.ts';
import { meanMetrics } from '../../eval/metrics.ts';
import { Bm25Reference } from '../../eval/reference.ts';

const hasShared = EVAL_SETS.every((s) => hasEvalSet(s));
if (!hasShared) console.warn('SKIPPED test/analysis/datasets.test.ts: ../shared/eval not found beside the checkout');

describe.skipIf(!hasShared)('judged eval sets (../shared/eval)', () => {
  it.each(EVAL_SETS)('%s loads whole, every judged pair points at a real passage and query', (name) => {
    const set = loadEvalSet(name);
    expect(set.docs.length).toBeGreaterThan(400);
    expect(set.queries.length).toBeGreaterThan(500);
    const docIds = new Set(set.docs.map((d) => d.id));
    const queryIds = new Set(set.queries.map((q) => q.id));
    for (const [qid, rel] of set.qrels) {
      expect(queryIds.has(qid)).toBe(true);
      for (const d of rel) expect(docIds.has(d)).toBe(true);
    }
  });

  it('the Lucene reference reaches the published floor on arcd (nDCG@10 ≥ 0.80)', () => {
    const set = loadEvalSet('arcd');
    const ref = new Bm25Reference();
    for (const d of set.docs) ref.add(d.id, `${d.title}\n${d.body}`);
    const runs = new Map(set.queries.map((q) => [q.id, ref.search(q.text, 100).map((h) => h.id)]));
    const m = meanMetrics(runs, set.qrels);
    expect(m.queries).toBe(set.qrels.size);
    expect(m['nDCG@10']).toBeGreaterThanOrEqual(0.8);
  });
});

describe('eval sets: errors', () => {
  it('an unknown set name says which ones exist', () => {
    expect(() => loadEvalSet('nope' as never)).toThrow(/known: arcd, mlqa-ar-dev/);
  });
});
