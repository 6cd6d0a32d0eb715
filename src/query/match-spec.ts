/**
 * What to mark for a parsed query: the positive words, phrases and prefixes, analyzed with the
 * same analyzer as the index. `must_not` subtrees are skipped; field-restricted nodes are kept
 * (a title:عمان query still marks عمان in the body). Stopwords typed as bare words are not
 * marked (the engine does not match them either); inside a phrase they are part of the phrase.
 * A typed word the engine reads another way too (a corrected spelling, a hamza seat: `readWord`)
 * marks each reading, so a hit found through one shows the word it was found by.
 */
import type { MatchSpec, ParsedQuery, QueryNode } from '../contracts.ts';
import { normalizeTerm } from '../analysis/analyzer.ts';
import { queryTokens } from './query-tokens.ts';
import type { Token } from '../types.ts';

/** The terms (stems) a single typed word is matched by, stopwords included; `text` is the word as typed (its node's text). */
export type WordReader = (typed: Token, text: string, node: Extract<QueryNode, { kind: 'word' }>) => readonly { term: string; stop: boolean }[];

interface MutableSpec {
  terms: Set<string>;
  exacts: Set<string>;
  prefixes: string[];
  phrases: string[][];
  /** Seen prefixes and phrases (joined by U+0000), so a long query stays linear. */
  seen: Set<string>;
}

function addNode(node: QueryNode, spec: MutableSpec, readWord?: WordReader): void {
  switch (node.kind) {
    case 'word': {
      const toks = queryTokens(node.text);
      const readings = toks.length === 1 && readWord ? readWord(toks[0]!, node.text, node) : toks;
      for (const t of readings) if (!t.stop) spec.terms.add(t.term);
      // A compound typed joined, also read as the pair the archive writes apart: marked as the pair.
      if (node.apart !== undefined) addNode({ kind: 'phrase', text: node.apart, start: node.start, end: node.end }, spec, readWord);
      return;
    }
    case 'prefix': {
      const p = normalizeTerm(node.text);
      if (p && !spec.seen.has(`*${p}`)) {
        spec.seen.add(`*${p}`);
        spec.prefixes.push(p);
      }
      return;
    }
    case 'phrase': {
      const exacts = queryTokens(node.text).map((t) => t.exact);
      if (exacts.length === 1) spec.exacts.add(exacts[0]!);
      else if (exacts.length > 1 && !spec.seen.has(`"${exacts.join('\u0000')}`)) {
        spec.seen.add(`"${exacts.join('\u0000')}`);
        spec.phrases.push(exacts);
      }
      return;
    }
    case 'or':
      for (const c of node.children) addNode(c, spec, readWord);
      return;
    case 'group':
      for (const c of node.clauses) if (c.occur !== 'must_not') addNode(c.node, spec, readWord);
      return;
  }
}

/** The MatchSpec (terms, exact forms, prefixes, phrases) that highlighting marks for `q`. */
export function matchSpecFromQuery(q: ParsedQuery, readWord?: WordReader): MatchSpec {
  const spec: MutableSpec = { terms: new Set(), exacts: new Set(), prefixes: [], phrases: [], seen: new Set() };
  addNode(q.root, spec, readWord);
  return { terms: spec.terms, exacts: spec.exacts, prefixes: spec.prefixes, phrases: spec.phrases };
}

/** An empty spec: marks nothing. */
export const EMPTY_MATCH_SPEC: MatchSpec = { terms: new Set(), exacts: new Set(), prefixes: [], phrases: [] };
