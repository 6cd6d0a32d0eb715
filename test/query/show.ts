/** Compact text form of a parsed query for readable test tables. */
import type { Clause, ParsedQuery, QueryNode } from '../../src/contracts.ts';

const OCCUR: Record<Clause['occur'], string> = { should: '', must: '+', must_not: '-' };

export function showNode(n: QueryNode): string {
  const f = 'field' in n && n.field ? `${n.field}:` : '';
  switch (n.kind) {
    case 'word':
      return `${f}${n.text}`;
    case 'prefix':
      return `${f}${n.text}*`;
    case 'phrase':
      return `${f}"${n.text}"`;
    case 'or':
      return `[${n.children.map(showNode).join(' | ')}]`;
    case 'group':
      return `(${n.clauses.map(showClause).join(' ')})`;
  }
}

function showClause(c: Clause): string {
  return OCCUR[c.occur] + showNode(c.node);
}

export function show(q: ParsedQuery): string {
  const body = q.root.clauses.map(showClause).join(' ');
  const dates = q.dateRanges.map((r) => ` date=${r.from ?? ''}..${r.to ?? ''}`).join('');
  return body + dates;
}
