import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../src/query/parse.ts';
import { matchSpecFromQuery } from '../../src/query/match-spec.ts';
import { analyzeWord, normalizeTerm } from '../../src/analysis/analyzer.ts';

const specOf = (q: string) => {
  const s = matchSpecFromQuery(parseQuery(q));
  return { terms: [...s.terms].sort(), exacts: [...s.exacts].sort(), prefixes: [...s.prefixes], phrases: s.phrases.map((p) => [...p]) };
};
const term = (w: string) => analyzeWord(w).term;
const exact = (w: string) => normalizeTerm(w);

describe('matchSpecFromQuery', () => {
  it.each([
    ['عمان الحكومة', { terms: [term('عمان'), term('الحكومة')].sort() }],
    ['+عمان -قطر', { terms: [term('عمان')] }],
    ['-(عمان قطر) نفط', { terms: [term('نفط')] }],
    ['(عمان OR قطر)', { terms: [term('عمان'), term('قطر')].sort() }],
    ['title:عمان author:"طالب بن سيف"', { terms: [term('عمان')], phrases: [['طالب', 'بن', 'سيف'].map(exact)] }],
    ['"عُمان"', { exacts: [exact('عمان')] }],
    ['"في عمان" "في عمان"', { phrases: [[exact('في'), exact('عمان')]] }],
    ['اقتص* أَقتص*', { prefixes: [exact('اقتص')] }],
    ['في من', {}],
    ['date:2023', {}],
  ] as [string, Partial<ReturnType<typeof specOf>>][])('%s', (q, want) => {
    expect(specOf(q)).toEqual({ terms: [], exacts: [], prefixes: [], phrases: [], ...want });
  });
});
