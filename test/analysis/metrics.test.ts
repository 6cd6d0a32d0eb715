import { describe, expect, it } from 'vitest';
import { meanMetrics, mrrAt, ndcgAt, recallAt, rowMrrAt } from '../../eval/metrics.ts';
import { parseQrels } from '../../eval/datasets.ts';

const rel = (...ids: string[]) => new Set(ids);

describe('metrics (trec_eval definitions, binary relevance), hand-computed', () => {
  it.each([
    // [ranking, relevant, k, expected MRR@k]
    [['a', 'b', 'c'], rel('a'), 10, 1],
    [['x', 'a', 'c'], rel('a'), 10, 1 / 2],
    [['x', 'y', 'a'], rel('a', 'y'), 10, 1 / 2],
    [['x', 'y', 'z', 'a'], rel('a'), 3, 0], // beyond the cut-off
    [[], rel('a'), 10, 0],
    [['x', 'x', 'a'], rel('a'), 2, 1 / 2], // a duplicate id counts once
  ] as const)('MRR %#', (ranked, relevant, k, want) => {
    expect(mrrAt(k)(ranked, relevant)).toBeCloseTo(want, 12);
  });

  const row = (id: string, ...copies: string[]) => ({ id, copies });
  it.each([
    // [result rows, relevant, k, expected MRR@k by row]
    [[row('a'), row('b')], rel('a'), 10, 1],
    [[row('x', 'x2', 'x3'), row('a')], rel('a'), 10, 1 / 2], // a wrong hit's copies take no row
    [[row('x'), row('y', 'a')], rel('a'), 10, 1 / 2], // the answer listed under a copy's hit
    [[row('x'), row('y'), row('a')], rel('a'), 2, 0], // beyond the cut-off
    [[], rel('a'), 10, 0],
  ] as const)('MRR by result row %#', (rows, relevant, k, want) => {
    expect(rowMrrAt(k)(rows, relevant)).toBeCloseTo(want, 12);
  });

  it.each([
    // one relevant doc at rank r: nDCG = 1/log2(r+1)
    [['a'], rel('a'), 10, 1],
    [['x', 'a'], rel('a'), 10, 1 / Math.log2(3)],
    [['x', 'y', 'z', 'a'], rel('a'), 10, 1 / Math.log2(5)],
    // two relevant docs at ranks 1 and 3: (1 + 1/2) / (1 + 1/log2 3)
    [['a', 'x', 'b'], rel('a', 'b'), 10, 1.5 / (1 + 1 / Math.log2(3))],
    // three relevant, k = 2, one found at rank 2: (1/log2 3) / (1 + 1/log2 3)
    [['x', 'a', 'b'], rel('a', 'b', 'c'), 2, 1 / Math.log2(3) / (1 + 1 / Math.log2(3))],
    [['x', 'y'], rel('a'), 10, 0],
  ] as const)('nDCG %#', (ranked, relevant, k, want) => {
    expect(ndcgAt(k)(ranked, relevant)).toBeCloseTo(want, 12);
  });

  it.each([
    [['a', 'b'], rel('a', 'c'), 100, 0.5],
    [['a', 'b', 'c'], rel('a', 'c'), 2, 0.5],
    [['a', 'b', 'c'], rel('a', 'c'), 3, 1],
    [[], rel('a'), 100, 0],
  ] as const)('Recall %#', (ranked, relevant, k, want) => {
    expect(recallAt(k)(ranked, relevant)).toBeCloseTo(want, 12);
  });

  it('meanMetrics averages over judged queries; a judged query without a run scores 0', () => {
    const qrels = new Map([
      ['q1', rel('a')],
      ['q2', rel('b')],
      ['q3', rel('c')],
    ]);
    const runs = new Map<string, string[]>([
      ['q1', ['a']], // perfect
      ['q2', ['x', 'b']], // rank 2
      ['q9', ['c']], // not judged: ignored
    ]);
    const m = meanMetrics(runs, qrels);
    expect(m.queries).toBe(3);
    expect(m['MRR@10']).toBeCloseTo((1 + 0.5 + 0) / 3, 12);
    expect(m['nDCG@10']).toBeCloseTo((1 + 1 / Math.log2(3) + 0) / 3, 12);
    expect(m['Recall@100']).toBeCloseTo(2 / 3, 12);
  });

  it('parseQrels reads query<TAB>doc<TAB>rel and leaves out relevance 0', () => {
    const q = parseQrels(['q1\td1\t1', 'q1\td2\t0', 'q2\td3\t2']);
    expect([...q.get('q1')!]).toEqual(['d1']);
    expect([...q.get('q2')!]).toEqual(['d3']);
    expect(() => parseQrels(['just-one-column'])).toThrow(/query_id<TAB>doc_id/);
  });
});
