/**
 * analyze() of a query's word and phrase texts, remembered: one search analyzes each of its words
 * a dozen times (the pivot choice, the clauses, proximity, the title features, highlighting, did
 * you mean), ~1 µs each, ~0.04 ms of a 3-word search. analyze() is pure (it reads no index), so
 * the tokens of a text are always the same; they are shared between callers and read-only.
 * Emptied when full: a search brings a few texts, a server's stream a few hundred a second.
 */
import { analyze } from '../analysis/analyzer.ts';
import type { Token } from '../types.ts';

const memo = new Map<string, readonly Token[]>();
const LIMIT = 1024;

/** analyze(text) of a query text; do not modify the tokens or the array. */
export function queryTokens(text: string): readonly Token[] {
  let toks = memo.get(text);
  if (toks === undefined) {
    if (memo.size >= LIMIT) memo.clear();
    memo.set(text, (toks = analyze(text)));
  }
  return toks;
}
