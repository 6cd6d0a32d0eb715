/**
 * Copy-on-write rewriting of a parsed query's groups, for the engine's query marks
 * (compound-words.ts, context-typos.ts): each nested group is rewritten first, then `edit` sees the
 * group's clauses (nested groups already rewritten) and returns the clauses to use instead, or
 * null to keep them. A group nothing changed in is returned as it was (the same object), so a
 * caller can tell "no mark" by identity.
 */
import type { Clause, QueryNode } from '../contracts.ts';

type Group = Extract<QueryNode, { kind: 'group' }>;

export function rewriteGroups(g: Group, edit: (clauses: readonly Clause[]) => Clause[] | null): Group {
  let clauses: Clause[] | null = null;
  const cs = g.clauses;
  for (let i = 0; i < cs.length; i++) {
    const n = cs[i]!.node;
    if (n.kind !== 'group') continue;
    const v = rewriteGroups(n, edit);
    if (v !== n) (clauses ??= [...cs])[i] = { ...cs[i]!, node: v };
  }
  const edited = edit(clauses ?? cs);
  if (edited) return { ...g, clauses: edited };
  return clauses ? { ...g, clauses } : g;
}
