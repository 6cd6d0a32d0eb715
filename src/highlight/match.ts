/**
 * Finds the query's matches among a text's tokens (the rules of issue 5):
 *  - a token matches if its term is in spec.terms (a stopword token only if its exact form is in
 *    spec.exacts), or its exact form is in spec.exacts, or its exact form (or its stemmed term,
 *    so that a prefix can see past ال و ب…) starts with a prefix;
 *  - a phrase matches consecutive tokens whose exact forms equal the phrase's, and becomes one
 *    match over the whole span (the longest phrase wins where several start at one token).
 * Each match carries a key (which query part it satisfied) so snippets can count distinct parts.
 */
import type { MatchSpec } from '../contracts.ts';
import type { Token } from '../types.ts';

export interface TokenMatch {
  /** First and last token index (inclusive). */
  first: number;
  last: number;
  /** Which query part matched: distinct keys are distinct query words/phrases. */
  key: string;
  /** Weight of that query part for snippet scoring. */
  weight: number;
}

const PHRASE_WEIGHT = 2;
const WORD_WEIGHT = 1;

/** True if the spec can mark nothing (skips the analysis work). */
export function isEmptySpec(spec: MatchSpec): boolean {
  return spec.terms.size === 0 && spec.exacts.size === 0 && spec.prefixes.length === 0 && spec.phrases.length === 0;
}

/** Matches in token order, never overlapping. O(tokens × (prefixes + phrases starting there)). */
export function findMatches(tokens: readonly Token[], spec: MatchSpec): TokenMatch[] {
  const out: TokenMatch[] = [];
  if (isEmptySpec(spec)) return out;
  const phrasesByFirst = new Map<string, number[]>();
  spec.phrases.forEach((p, i) => {
    if (p.length === 0) return;
    const list = phrasesByFirst.get(p[0]!);
    if (list) list.push(i);
    else phrasesByFirst.set(p[0]!, [i]);
  });
  const n = tokens.length;
  for (let i = 0; i < n; i++) {
    const tok = tokens[i]!;
    const starting = phrasesByFirst.size ? phrasesByFirst.get(tok.exact) : undefined;
    if (starting) {
      let best = -1;
      for (const pi of starting) {
        const p = spec.phrases[pi]!;
        if (i + p.length > n || (best >= 0 && p.length <= spec.phrases[best]!.length)) continue;
        let ok = true;
        for (let k = 1; k < p.length; k++) {
          if (tokens[i + k]!.exact !== p[k]) {
            ok = false;
            break;
          }
        }
        if (ok) best = pi;
      }
      if (best >= 0) {
        const len = spec.phrases[best]!.length;
        out.push({ first: i, last: i + len - 1, key: `"${best}`, weight: PHRASE_WEIGHT });
        i += len - 1;
        continue;
      }
    }
    const key = tokenKey(tok, spec);
    if (key !== undefined) out.push({ first: i, last: i, key, weight: WORD_WEIGHT });
  }
  return out;
}

/** The query part a single token satisfies, or undefined. */
function tokenKey(tok: Token, spec: MatchSpec): string | undefined {
  if (spec.exacts.has(tok.exact)) return `=${tok.exact}`;
  if (!tok.stop && spec.terms.has(tok.term)) return `~${tok.term}`;
  // A prefix also matches the stemmed term, so اقتص* marks الاقتصاد (term اقتصاد) as well.
  for (const p of spec.prefixes) if (tok.exact.startsWith(p) || tok.term.startsWith(p)) return `*${p}`;
  return undefined;
}
