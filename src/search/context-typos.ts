/**
 * A typo that lands on another written word (سكون for سيكون, الحية for الحياة, اسار for اسعار),
 * corrected by the neighbouring query word. The typo reading of typed-readings.ts reads only forms
 * the archive (almost) never writes, as their most frequent one-edit neighbour; a typo that makes
 * a real word kept its one, wrong, reading, and a rare form's most frequent neighbour is not
 * always the one meant (انار → the archive's most frequent neighbour, not النار). Noisy channel with
 * the neighbour as context: when the archive never writes the typed word beside its neighbour
 * (either order) but writes a far more frequent form one edit away beside it in enough articles,
 * the word is marked with that form (`typo`), which the evaluator reads too at TYPO_WEIGHT
 * (nodeReadings), the title features pair at TYPO_WEIGHT and the highlighter marks, as the other
 * typed readings. Query time only.
 *
 * Counts, not word lists:
 *  - the typed word is rare: written in at most RARE_SHARE of the archive's articles (71k: 71). A
 *    typo lands on a rare word far more often than on a common one, and this bounds the cost: the
 *    typed pair is counted on the rarer list. Spelling stress (300 queries a rule): uncapped,
 *    one letter dropped 0.637 / alef 0.866; capped at 71, 0.623 / 0.856. First-seen cost per
 *    search on the latency stream: 16–19 µs (71), 43–49 µs (356), ~0.22 ms (uncapped);
 *  - the typed pair is written side by side in no article. A pair written even once is a phrase
 *    of its own (every verbatim headline window writes its pairs); allowing 1–2 (with the
 *    corrected pair 10× as often) moved no stress row and cost more;
 *  - the neighbour is written in ≥ NEIGHBOUR_RATIO times the typed form's articles and ≥
 *    READING_RATIO;
 *  - the corrected pair is written side by side in ≥ PAIR_MIN articles (MIN_DF);
 *  - the context is a content word (a pair with في/من is written everywhere), taken as typed when
 *    the archive writes it, else as its own typo reading; the neighbour is a content word of
 *    another stem; plain words only (a quoted phrase is exact; fields, must_not, questions and
 *    archives under typoMinDocs are left alone).
 * Cost: one-edit neighbours are generated (remembered, ~0.1 ms) only for a rare word whose pair
 * is never written, and counted beside the context only for the few most frequent, the count
 * stopped at PAIR_MIN (pairCountEither).
 */
import { analyzeWord } from '../analysis/analyzer.ts';
import type { Clause, ParsedQuery, QueryNode } from '../contracts.ts';
import { queryTokens } from '../query/query-tokens.ts';
import { rewriteGroups } from '../query/rewrite-groups.ts';
import type { Token } from '../types.ts';
import type { IndexView } from './evaluate.ts';
import { pairCountEither } from './pair-count.ts';
import { isSurelyQuestion } from './question.ts';
import { memoReading } from './reading-memo.ts';
import { MIN_DF } from './spelling.ts';
import { exactDf, forEachOneEdit, READING_RATIO, typoReading, withDroppedLongVowel } from './typed-readings.ts';

/** Articles that must write the corrected pair side by side. */
export const PAIR_MIN = MIN_DF;
/** The typed word is written in at most this share of the archive's articles (and at least MIN_DF of them may). */
export const RARE_SHARE = 0.001;
/** A neighbour must be written in this many times the typed form's articles. */
export const NEIGHBOUR_RATIO = 3;
/** Neighbours tried per typed word, the most frequent first. */
const MAX_NEIGHBOURS = 3;

type WordNode = Extract<QueryNode, { kind: 'word' }>;

/** The plain single content word of a clause (not و/ف on a function word), or undefined. */
function plainWord(n: QueryNode, ix: IndexView): Token | undefined {
  if (n.kind !== 'word' || n.field !== undefined) return undefined;
  const toks = queryTokens(n.text);
  if (toks.length !== 1) return undefined;
  const t = toks[0]!;
  if (t.stop || !/^[\u0621-\u064A]{2,20}$/.test(t.exact)) return undefined;
  // و/ف on a function word the archive writes 10× as often is a function word, as wordReadings
  // scores it (وفقط: و + فقط, not a typo of وفق beside دولار); ولي (لي 1,780 / ولي 2,374) is a word.
  const c = t.exact[0];
  if (c !== '\u0648' && c !== '\u0641') return t;
  const rest = analyzeWord(t.exact.slice(1));
  return rest.stop && exactDf(ix, rest.exact) >= READING_RATIO * Math.max(1, exactDf(ix, t.exact)) ? undefined : t;
}

/**
 * The parsed query with each plain word whose neighbour says it is a typo marked with the form
 * meant (`typo`); the same object when none is.
 */
export function markContextTypos(parsed: ParsedQuery, ix: IndexView): ParsedQuery {
  if (ix.docs.live < ix.params.typoMinDocs) return parsed;
  const rare = Math.max(MIN_DF, Math.floor(RARE_SHARE * ix.docs.live));
  const root = rewriteGroups(parsed.root, (cs) => {
    if (cs.length < 2) return null;
    let clauses: Clause[] | null = null;
    const words = cs.map((c) => (c.occur === 'must_not' ? undefined : plainWord(c.node, ix)));
    for (let i = 0; i < cs.length; i++) {
      const w = words[i];
      if (w === undefined || w.exact.length < 3 || exactDf(ix, w.exact) > rare) continue;
      let fix: string | undefined;
      for (const j of [i - 1, i + 1]) {
        const v = words[j];
        if (v === undefined || cs[j]!.occur !== cs[i]!.occur) continue;
        const ctx = contextForm(v, ix);
        if (ctx === undefined || ctx === w.exact) continue;
        fix = contextFix(w, ctx, ix);
        if (fix !== undefined) break;
      }
      if (fix !== undefined) (clauses ??= [...cs])[i] = { ...cs[i]!, node: { ...(cs[i]!.node as WordNode), typo: fix } };
    }
    return clauses;
  });
  // Not in a question (asked only of a query with a reading: most have none): a question needs
  // few of its words (RankingParams.questionMsm), so a typed word that matches nothing costs it
  // little while a wrong reading adds rivals (arcd: «الاعب رونالدو» read as «لاعب رونالدو» lost
  // the answer, nDCG@10 0.631 → 0; «كتن عدد» read as «كتب عدد» for «كان عدد», 0.500 → 0.356).
  // A query that is a question only by an ambiguous first word (من، ما) may be a run of a
  // headline, as for the title features («من مركز الفص افني للسارات بسوة»: found first with it).
  return root === parsed.root || isSurelyQuestion(parsed.text) ? parsed : { ...parsed, root };
}

/** The neighbour's form as context: as typed when the archive writes it, else its own typo reading. */
function contextForm(v: Token, ix: IndexView): string | undefined {
  if (exactDf(ix, v.exact) >= MIN_DF) return v.exact;
  return (typoReading(v, ix) ?? withDroppedLongVowel(v, ix))?.exact;
}

/** The form one edit from `w` that context `ctx` says was meant, or undefined (remembered). */
export function contextFix(w: Token, ctx: string, ix: IndexView): string | undefined {
  return memoReading('context', { term: ctx, exact: w.exact, stop: w.stop }, ix, () => {
    // The typed pair first: on the rare word's list, stopped at the first article.
    if (pairCountEither(ix, w.exact, ctx, 1) > 0) return undefined;
    // The most frequent neighbour written beside the context.
    for (const c of frequentNeighbours(w, ix)) if (c !== ctx && pairCountEither(ix, c, ctx, PAIR_MIN) >= PAIR_MIN) return c;
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
      // Not a function word: written beside everything, its pair is no evidence.
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
