/**
 * Finds the query's matches among a text's tokens (the rules of issue 5):
 *  - a token matches if its term is in spec.terms (a stopword token only if its exact form is in
 *    spec.exacts), or its exact form is in spec.exacts, or its exact form (or its stemmed term,
 *    so that a prefix can see past ال و ب…) starts with a prefix;
 *  - a phrase matches consecutive tokens whose exact forms equal the phrase's, and becomes one
 *    match over the whole span (the longest phrase wins where several start at one token).
 * Each match carries a key (which query part it satisfied) so snippets can count distinct parts.
 * Only tokens whose letter mask holds a query part's required letters are analyzed (letters.ts):
 * the others can neither match nor start a phrase.
 */
import type { MatchSpec } from '../contracts.ts';
import type { Analyzed } from '../analysis/analyzer.ts';
import { exactRequirement, termRequirement } from './letters.ts';
import type { TextTokens } from './text-tokens.ts';

/**
 * The matches of one findMatches call, in token order: match j covers tokens first[j]..last[j]
 * (inclusive); key[j] says which query part matched (distinct keys are distinct query words/
 * phrases: a small integer per spec, one per exact form, per stemmed term, per prefix and per
 * phrase); weight[j] is that part's weight for snippet scoring. Shared buffers, valid until the
 * next call (highlighting is synchronous): an object per match was a quarter of what a search
 * allocated (~500 matches on a 3-word page).
 */
export interface Matches {
  n: number;
  first: Int32Array;
  last: Int32Array;
  key: Int32Array;
  weight: Int32Array;
}

/** No match (a browse list's openings). */
export const NO_MATCHES: Matches = { n: 0, first: new Int32Array(0), last: new Int32Array(0), key: new Int32Array(0), weight: new Int32Array(0) };

const MATCHES: Matches = { n: 0, first: new Int32Array(256), last: new Int32Array(256), key: new Int32Array(256), weight: new Int32Array(256) };

function pushMatch(first: number, last: number, key: number, weight: number): void {
  const m = MATCHES;
  const j = m.n;
  if (j === m.first.length) {
    const grow = (a: Int32Array) => {
      const b = new Int32Array(a.length * 2);
      b.set(a);
      return b;
    };
    m.first = grow(m.first);
    m.last = grow(m.last);
    m.key = grow(m.key);
    m.weight = grow(m.weight);
  }
  m.first[j] = first;
  m.last[j] = last;
  m.key[j] = key;
  m.weight[j] = weight;
  m.n = j + 1;
}

const PHRASE_WEIGHT = 2;
const WORD_WEIGHT = 1;

/** True if the spec can mark nothing (skips the analysis work). */
export function isEmptySpec(spec: MatchSpec): boolean {
  return spec.terms.size === 0 && spec.exacts.size === 0 && spec.prefixes.length === 0 && spec.phrases.length === 0;
}

/** What matching needs from a spec, computed once per spec (a search renders 10 hits with one). */
interface Prepared {
  /** Phrase indexes by first word. */
  phrasesByFirst: Map<string, number[]>;
  /**
   * Required letter masks of the spec's parts (letters.ts): a token can match only if its mask
   * holds one of them. A phrase can only start at a token whose exact form is its first word.
   */
  reqs: number[];
  /** Keys (Matches.key) of the spec's exact forms, terms, prefixes (by index) and phrases (by index). */
  exactKey: Map<string, number>;
  termKey: Map<string, number>;
  prefixKey: number[];
  phraseKey: number[];
}

const prepared = new WeakMap<MatchSpec, Prepared>();

function prepare(spec: MatchSpec): Prepared {
  let p = prepared.get(spec);
  if (p) return p;
  const phrasesByFirst = new Map<string, number[]>();
  spec.phrases.forEach((ph, i) => {
    if (ph.length === 0) return;
    const list = phrasesByFirst.get(ph[0]!);
    if (list) list.push(i);
    else phrasesByFirst.set(ph[0]!, [i]);
  });
  const reqs = new Set<number>();
  for (const e of spec.exacts) reqs.add(exactRequirement(e));
  for (const t of spec.terms) reqs.add(termRequirement(t));
  for (const x of spec.prefixes) reqs.add(termRequirement(x));
  for (const ph of spec.phrases) if (ph.length > 0) reqs.add(exactRequirement(ph[0]!));
  // One key per distinct query part, as the strings `=exact`, `~term`, `*prefix`, `"phrase index` were.
  let keys = 0;
  const exactKey = new Map<string, number>();
  for (const e of spec.exacts) exactKey.set(e, keys++);
  const termKey = new Map<string, number>();
  for (const t of spec.terms) termKey.set(t, keys++);
  const byPrefix = new Map<string, number>();
  const prefixKey = spec.prefixes.map((x) => {
    let k = byPrefix.get(x);
    if (k === undefined) byPrefix.set(x, (k = keys++));
    return k;
  });
  const phraseKey = spec.phrases.map(() => keys++);
  p = { phrasesByFirst, reqs: [...reqs], exactKey, termKey, prefixKey, phraseKey };
  prepared.set(spec, p); // a MatchSpec is read-only by its type

  return p;
}

/** Matches in token order, never overlapping. O(tokens × requirements + candidates × (prefixes + phrases starting there)). */
export function findMatches(tt: TextTokens, spec: MatchSpec): Matches {
  const out = MATCHES;
  out.n = 0;
  if (isEmptySpec(spec)) return out;
  const prep = prepare(spec);
  const { phrasesByFirst, reqs } = prep;
  const everyToken = reqs.includes(0);
  const r0 = reqs[0]!;
  const masks = tt.masks;
  const n = tt.n;
  for (let i = 0; i < n; i++) {
    const m = masks[i]!;
    if (m >= 0 && !everyToken && (m & r0) !== r0) {
      let possible = false;
      for (let k = 1; k < reqs.length; k++) {
        if ((m & reqs[k]!) === reqs[k]) {
          possible = true;
          break;
        }
      }
      if (!possible) continue;
    }
    const tok = tt.analysis(i);
    const starting = phrasesByFirst.size ? phrasesByFirst.get(tok.exact) : undefined;
    if (starting) {
      let best = -1;
      for (const pi of starting) {
        const p = spec.phrases[pi]!;
        if (i + p.length > n || (best >= 0 && p.length <= spec.phrases[best]!.length)) continue;
        let ok = true;
        for (let k = 1; k < p.length; k++) {
          if (tt.analysis(i + k).exact !== p[k]) {
            ok = false;
            break;
          }
        }
        if (ok) best = pi;
      }
      if (best >= 0) {
        const len = spec.phrases[best]!.length;
        pushMatch(i, i + len - 1, prep.phraseKey[best]!, PHRASE_WEIGHT);
        i += len - 1;
        continue;
      }
    }
    const key = tokenKey(tok, spec, prep);
    if (key >= 0) pushMatch(i, i, key, WORD_WEIGHT);
  }
  return out;
}

/** The key of the query part a single token satisfies, or −1. */
function tokenKey(tok: Analyzed, spec: MatchSpec, prep: Prepared): number {
  const e = prep.exactKey.get(tok.exact);
  if (e !== undefined) return e;
  if (!tok.stop) {
    const t = prep.termKey.get(tok.term);
    if (t !== undefined) return t;
  }
  // A prefix also matches the stemmed term, so اقتص* marks الاقتصاد (term اقتصاد) as well.
  const prefixes = spec.prefixes;
  for (let i = 0; i < prefixes.length; i++) {
    const p = prefixes[i]!;
    if (tok.exact.startsWith(p) || tok.term.startsWith(p)) return prep.prefixKey[i]!;
  }
  return -1;
}
