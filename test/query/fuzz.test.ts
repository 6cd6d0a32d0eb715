import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseQuery, MAX_DEPTH } from '../../src/query/parse.ts';
import { matchSpecFromQuery } from '../../src/query/match-spec.ts';
import { QueryError } from '../../src/errors.ts';
import type { ParsedQuery, QueryNode } from '../../src/contracts.ts';

// Pieces that exercise every rule of the grammar, mixed with arbitrary Unicode.
const PIECES = [
  '(', ')', '"', '«', '»', '“', '”', '+', '-', '*', ':', ' ', ' ', 'OR ', 'أو ', '|', 'title:', 'author:',
  'الكاتب:', 'AND ', 'NOT ', '&&', 'date:', '2023', '-12', '-31', '..', 'عمان', 'عُمان', 'a', 'ال', '\u064F', '\u200C', '،', 'http://', 'foo:',
  '\uD800', '\n',
];
const queryArb = fc.oneof(
  fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((a) => a.join('')),
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 80 }),
);

function depth(n: QueryNode): number {
  if (n.kind === 'group') return 1 + Math.max(0, ...n.clauses.map((c) => depth(c.node)));
  if (n.kind === 'or') return 1 + Math.max(0, ...n.children.map(depth));
  return 0;
}

function checkTree(q: ParsedQuery): void {
  const walk = (n: QueryNode) => {
    expect(n.start).toBeGreaterThanOrEqual(0);
    expect(n.end).toBeLessThanOrEqual(q.text.length);
    expect(n.start).toBeLessThanOrEqual(n.end);
    if (n.kind === 'group') n.clauses.forEach((c) => walk(c.node));
    else if (n.kind === 'or') {
      expect(n.children.length).toBeGreaterThanOrEqual(2);
      n.children.forEach(walk);
    } else expect(n.text.length).toBeGreaterThan(0);
  };
  walk(q.root);
  expect(depth(q.root)).toBeLessThanOrEqual(2 * MAX_DEPTH + 2);
}

/** Parses; returns the tree, or null for a QueryError; rethrows anything else. */
function tryParse(s: string): ParsedQuery | null {
  try {
    return parseQuery(s);
  } catch (e) {
    if (e instanceof QueryError) {
      expect(e.position).toBeGreaterThanOrEqual(0);
      expect(e.position).toBeLessThanOrEqual(s.length);
      expect(e.hint).toBeTruthy();
      return null;
    }
    throw e;
  }
}

describe('parseQuery fuzz', () => {
  it('never throws anything but QueryError, and builds a well-formed tree', () => {
    fc.assert(
      fc.property(queryArb, (s) => {
        const q = tryParse(s);
        if (q) {
          checkTree(q);
          matchSpecFromQuery(q); // the match spec can be built from any tree
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('finishes on huge and deeply nested inputs', () => {
    const huge = [
      '('.repeat(200_000),
      ')'.repeat(200_000),
      '()'.repeat(100_000),
      '"'.repeat(200_000),
      'عمان OR '.repeat(20_000),
      'title:'.repeat(30_000),
      '+-'.repeat(100_000) + 'x',
      'عمان '.repeat(40_000),
      '«'.repeat(100_000),
      ('(a OR '.repeat(31) + 'b' + ')'.repeat(31) + ' ').repeat(2_000),
      'a'.repeat(500_000) + '*',
      'date:2023..'.repeat(10_000),
      '(' + 'a OR '.repeat(150_000) + 'b) OR c',
      'title: AND '.repeat(10_000),
    ];
    for (const s of huge) tryParse(s);
    expect(tryParse('('.repeat(200_000))).toBeNull();
    expect(tryParse('عمان OR '.repeat(20_000))!.root.clauses[0]!.node).toMatchObject({ kind: 'or' });
  });
});
