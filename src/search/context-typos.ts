/**
 * A typo that lands on another written word (سكون for سيكون, خلية for خلفية, يشركن for
 * يشاركن), corrected by the neighbouring query word: the typo reading of typed-readings.ts reads
 * only forms the archive (almost) never writes, so a typo that makes a real word kept its one,
 * wrong, reading. Noisy channel with the neighbour as context: when the archive (almost) never
 * writes the typed word beside its neighbour (either order) but writes a far more frequent form one
 * edit away beside it in enough articles, the word is marked with that form (`typo`), which the
 * evaluator reads too at TYPO_WEIGHT (nodeReadings), the title features pair at TYPO_WEIGHT and the
 * highlighter marks, as the other typed readings. Query time only.
 *
 * Counts, not word lists:
 *  - the typed pair is written side by side in fewer than PAIR_MIN articles (MIN_DF, the typo
 *    reading's "almost never"); a correctly typed pair the archive does not write has no
 *    frequent one-edit neighbour that it writes, so it keeps its reading;
 *  - the neighbour is written in ≥ NEIGHBOUR_RATIO times the typed form's articles (and ≥
 *    READING_RATIO): a typo lands on a rarer word far more often than the reverse;
 *  - the corrected pair is written in ≥ PAIR_MIN articles and ≥ READING_RATIO times as many as the
 *    typed pair (a typed pair written once or twice is a real phrase: a headline it came from);
 *  - the context is a content word (a pair with في/من is written everywhere), the neighbour is a
 *    content word of another stem; plain words only (a quoted phrase is exact; fields, must_not and
 *    archives under typoMinDocs are left alone).
 * Cost: one-edit neighbours are generated once per typed word (remembered, ~0.05 ms), and a pair
 * is counted only for a word with such a neighbour, the rarer form's list decoded and the count
 * stopped at what the test needs (pairCountEither).
 */
import { analyzeWord } from '../analysis/analyzer.ts';
import type { ParsedQuery, QueryNode } from '../contracts.ts';
import { queryTokens } from '../query/query-tokens.ts';
import type { Token } from '../types.ts';
import type { IndexView } from './evaluate.ts';
import { pairCountEither } from './pair-count.ts';
import { memoReading } from './reading-memo.ts';
import { MIN_DF } from './spelling.ts';
import { exactDf, forEachOneEdit, READING_RATIO, typoReading, withDroppedLongVowel } from './typed-readings.ts';

/** Articles below which a pair is "not written" (the typed pair) and from which it is (the corrected pair). */
export const PAIR_MIN = MIN_DF;
/** A neighbour must be written in this many times the typed form's articles. */
export const NEIGHBOUR_RATIO = 3;
/** Neighbours tried per typed word, the most frequent first. */
const MAX_NEIGHBOURS = 3;

type WordNode = Extract<QueryNode, { kind: 'word' }>;
type Group = Extract<QueryNode, { kind: 'group' }>;

/** The plain single content word of a clause, or undefined. */
function plainWord(n: QueryNode): Token | undefined {
  if (n.kind !== 'word' || n.field !== undefined) return undefined;
  const toks = queryTokens(n.text);
  if (toks.length !== 1) return undefined;
  const t = toks[0]!;
  return t.stop || !/^[\u0621-\u064A]{2,20}$/.test(t.exact) ? undefined : t;
}

/**
 * The parsed query with each plain word whose neighbour says it is a typo marked with the form
 * meant (`typo`); the same object when none is.
 */
export function markContextTypos(parsed: ParsedQuery, ix: IndexView): ParsedQuery {
  if (ix.docs.live < ix.params.typoMinDocs) return parsed;
  const visit = (g: Group): Group => {
    let clauses: typeof g.clauses | null = null;
    const cs = g.clauses;
    const words = cs.map((c) => (c.occur === 'must_not' ? undefined : plainWord(c.node)));
    for (let i = 0; i < cs.length; i++) {
      const n = cs[i]!.node;
      if (n.kind === 'group') {
        const v = visit(n);
        if (v !== n) (clauses ??= [...cs])[i] = { ...cs[i]!, node: v };
        continue;
      }
      const w = words[i];
      if (w === undefined || w.exact.length < 3) continue;
      let fix: string | undefined;
      for (const j of [i - 1, i + 1]) {
        const v = words[j];
        if (v === undefined || cs[j]!.occur !== cs[i]!.occur) continue;
        const ctx = contextForm(v, ix);
        if (ctx === undefined || ctx === w.exact) continue;
        fix = contextFix(w, ctx, ix);
        if (fix !== undefined) break;
      }
      if (fix !== undefined) (clauses ??= [...cs])[i] = { ...cs[i]!, node: { ...(n as WordNode), typo: fix } };
    }
    return clauses ? { ...g, clauses } : g;
  };
  const root = visit(parsed.root);
  return root === parsed.root ? parsed : { ...parsed, root };
}

/** The neighbour's form as context: as typed when the archive writes it, else its own typo reading. */
function contextForm(v: Token, ix: IndexView): string | undefined {
  if (exactDf(ix, v.exact) >= MIN_DF) return v.exact;
  return (typoReading(v, ix) ?? withDroppedLongVowel(v, ix))?.exact;
}

/** The form one edit from `w` that context `ctx` says was meant, or undefined (remembered). */
export function contextFix(w: Token, ctx: string, ix: IndexView): string | undefined {
  return memoReading('context', { term: ctx, exact: w.exact, stop: w.stop }, ix, () => {
    const candidates = frequentNeighbours(w, ix);
    if (candidates.length === 0) return undefined;
    const typed = pairCountEither(ix, w.exact, ctx, PAIR_MIN);
    if (typed >= PAIR_MIN) return undefined;
    const need = Math.max(PAIR_MIN, READING_RATIO * typed);
    for (const c of candidates) if (c !== ctx && pairCountEither(ix, c, ctx, need) >= need) return c;
    return undefined;
  });
}

/**
 * Forms one edit from `w` written in ≥ NEIGHBOUR_RATIO × its articles (and ≥ READING_RATIO),
 * content words of another stem, the most frequent first (at most MAX_NEIGHBOURS; remembered).
 */
export function frequentNeighbours(w: Token, ix: IndexView): readonly string[] {
  return memoReading('neighbours', w, ix, () => {
    const floor = Math.max(READING_RATIO, NEIGHBOUR_RATIO * Math.max(1, exactDf(ix, w.exact)));
    const found: [string, number][] = [];
    forEachOneEdit(w.exact, (v) => {
      if (v.length < 3) return;
      const f = exactDf(ix, v);
      if (f >= floor) found.push([v, f]);
    });
    if (found.length === 0) return [];
    found.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const out: string[] = [];
    for (const [v] of found) {
      if (out.length >= MAX_NEIGHBOURS) break;
      if (out.includes(v)) continue;
      const r = analyzeWord(v);
      if (r.exact === v && !r.stop && r.term !== w.term) out.push(v);
    }
    return out;
  });
}

/** The context reading of a marked word, at `weight` (TYPO_WEIGHT). */
export function contextTypoReading(n: WordNode, weight: number): { term: string; exact: string; stop: boolean; weight: number } | undefined {
  if (n.typo === undefined) return undefined;
  const r = analyzeWord(n.typo);
  return { term: r.term, exact: r.exact, stop: false, weight };
}
