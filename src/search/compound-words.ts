/**
 * A compound the archive writes both joined and apart: عبد الله / عبدالله, أبو ظبي / أبوظبي,
 * فيس بوك / فيسبوك, نيو يورك / نيويورك. Each spelling found only itself (71k: أبو ظبي side by side
 * in 82 articles, أبوظبي in 14,074). Query time only; the index is unchanged.
 *  - Typed apart: two neighbouring query words whose concatenation is a word the archive writes
 *    are marked with it (`compound`); the evaluator reads each of them also as that one word at
 *    compoundWeight (0.5): a doc that writes it joined matches both words and scores the joined
 *    word once, one term's BM25F. The title features let the joined stem pair with the
 *    neighbours and fill the pair it stands for; the highlighter marks it.
 *  - Typed joined: a word the archive also writes as two words side by side is marked with that
 *    pair (`apart`); the evaluator adds the pair as a phrase (consecutive positions) scored as the
 *    joined word (its idf, compoundWeight per half); the title features pair its halves with the
 *    neighbours; the highlighter marks the pair.
 * The query stays as typed: proximity and the exact-form bonus still favour the spelling typed.
 * A quoted phrase ("أبو ظبي") is exact and gets neither reading.
 *
 * Precision (a pair that runs together into another word): typed apart, the joined form must be
 * written in ≥ COMPOUND_MIN_DF articles and the pair side by side at least once and in ≥
 * UNIT_SHARE of the rarer half's articles; both halves content words of ≥ 2 letters, not the same
 * word twice, the joined form not a stopword. A stopword half runs into other words: مصر في →
 * مصرفي (banking), أن تصاب → انتصاب, ألم لا → ألملا (an audit of the 7,912 eval and known-item
 * queries); في ما → فيما, بين ما → بينما, كل ما → كلما are function words of their own; سي سي →
 * سيسي is a name. Typed joined: see apartOf.
 */
import { analyzeWord, normalizeTerm } from '../analysis/analyzer.ts';
import type { Clause, ParsedQuery, QueryNode } from '../contracts.ts';
import { queryTokens } from '../query/query-tokens.ts';
import { rewriteGroups } from '../query/rewrite-groups.ts';
import type { IndexView, TermQuery } from './evaluate.ts';
import { pairCount } from './pair-count.ts';
import { memoReading } from './reading-memo.ts';
import { exactDf } from './typed-readings.ts';

/** Articles that must write the joined form (71k: أبوبكر 68, عبدالناصر 68, ابومازن 15). */
export const COMPOUND_MIN_DF = 10;
const MIN_HALF = 2;

type WordNode = Extract<QueryNode, { kind: 'word' }>;

/**
 * The parsed query with each pair of neighbouring plain words (same occurrence, no field) that
 * the archive also writes as one word marked with that word's surface text; the same object when
 * no pair qualifies. A word is marked by its first qualifying pair only.
 */
export function markCompounds(parsed: ParsedQuery, ix: IndexView): ParsedQuery {
  if (!(ix.params.compoundWeight > 0)) return parsed;
  const root = rewriteGroups(parsed.root, (cs) => {
    let clauses: Clause[] | null = null;
    for (let i = 0; i < cs.length; i++) {
      const n = cs[i]!.node;
      if (n.kind === 'word' && cs[i]!.occur !== 'must_not' && n.field === undefined) {
        const apart = apartOf(n.text, ix);
        // (clauses ?? cs)[i]: the node as the pair before it may have marked it already.
        const now = (clauses ?? cs)[i]!;
        if (apart !== undefined) (clauses ??= [...cs])[i] = { ...now, node: { ...(now.node as WordNode), apart } };
      }
      if (i + 1 >= cs.length) continue;
      const a = cs[i]!;
      const b = cs[i + 1]!;
      const cur = (clauses ?? cs)[i]!.node;
      if (cur.kind !== 'word' || cur.compound !== undefined || b.node.kind !== 'word') continue;
      if (a.occur === 'must_not' || a.occur !== b.occur || cur.field !== undefined || b.node.field !== undefined) continue;
      const joined = compoundOf(cur.text, b.node.text, ix);
      if (joined === undefined) continue;
      clauses ??= [...cs];
      clauses[i] = { ...a, node: { ...cur, compound: joined } };
      clauses[i + 1] = { ...b, node: { ...b.node, compound: joined } };
    }
    return clauses;
  });
  return root === parsed.root ? parsed : { ...parsed, root };
}

/** The one word `a` and `b` written together is, when the archive writes it both ways; else undefined. */
export function compoundOf(a: string, b: string, ix: IndexView): string | undefined {
  const ta = queryTokens(a);
  const tb = queryTokens(b);
  if (ta.length !== 1 || tb.length !== 1) return undefined;
  const x = ta[0]!;
  const y = tb[0]!;
  if (x.stop || y.stop || x.exact === y.exact || x.exact.length < MIN_HALF || y.exact.length < MIN_HALF) return undefined;
  // One dictionary lookup first: most neighbouring words never run together in the archive.
  if (exactDf(ix, x.exact + y.exact) < COMPOUND_MIN_DF) return undefined;
  const surface = a + b;
  const j = analyzeWord(surface);
  if (!j.exact || j.stop || j.exact !== x.exact + y.exact) return undefined;
  return memoReading('compound', { term: x.exact, exact: j.exact, stop: false }, ix, () => {
    const df = pairCount(ix, x.exact, y.exact);
    return df >= 1 && isUnit(df, x.exact, y.exact, ix, UNIT_SHARE) ? surface : undefined;
  });
}

/**
 * Whether two words written side by side in `pairDf` articles are one name: the rarer half is
 * written next to the other in at least UNIT_SHARE of its articles (ظبي beside أبو, بوك beside
 * فيس), not a phrase two common words happen to make (تمد يد for تمديد: يد alone everywhere).
 */
function isUnit(pairDf: number, a: string, b: string, ix: IndexView, share: number): boolean {
  return pairDf >= share * Math.min(exactDf(ix, a), exactDf(ix, b));
}

/**
 * Share of the rarer half's articles that must write the pair, for a pair typed apart (71k: نيو
 * يورك 1 of 16 = 0.063 passes, مال كي 1 of 183 for مالكي does not).
 */
export const UNIT_SHARE = 0.05;

/** The compound reading of a marked word: the joined word at `weight` (RankingParams.compoundWeight). */
export function compoundReading(n: WordNode, weight: number): TermQuery | undefined {
  if (n.compound === undefined) return undefined;
  const j = analyzeWord(n.compound);
  return { term: j.term, exact: j.exact, stop: false, weight };
}

/** The key of a word's readings in a search (the same text may be marked in one place only). */
export function wordKey(n: WordNode): string {
  const key = n.compound === undefined ? n.text : `${n.text}\u0001${n.compound}`;
  return n.typo === undefined ? key : `${key}\u0002${n.typo}`;
}

/**
 * The other direction: a word typed joined (عبدالله) that the archive also writes as two words
 * side by side (عبد الله): the surface of that pair, space-separated, or undefined. The pair
 * must be one of the archive's usual spellings of the word: side by side in ≥ APART_MIN_DF
 * articles and in ≥ APART_OF_JOINED per article writing the word joined (عبد الله 1,577 /
 * عبدالله 5,030; عبد السلام 152 / 107; not «تمد يد» 5 / تمديد 412); two content words; the split
 * written most often side by side wins. A form no article writes is joined-words.ts's.
 */
export function apartOf(text: string, ix: IndexView): string | undefined {
  const toks = queryTokens(text);
  if (toks.length !== 1) return undefined;
  const t = toks[0]!;
  if (t.stop || t.exact.length < 2 * SPLIT_HALF || t.exact.length > MAX_JOINED) return undefined;
  // A form no article writes is joined-words.ts's (a space dropped); it splits it itself.
  const joinedDf = exactDf(ix, t.exact);
  if (joinedDf === 0) return undefined;
  // Remembered by the surface typed: the pair returned is surface text (as joined-words.ts).
  return memoReading('apart', { term: text, exact: text, stop: false }, ix, () => {
    // The pair must be written side by side in `need` articles, so each half in as many: most
    // split points fail on two dictionary lookups, and a phrase count is rare.
    const need = Math.max(APART_MIN_DF, APART_OF_JOINED * joinedDf);
    let best: string | undefined;
    let bestDf = 0;
    for (let i = SPLIT_HALF; i + SPLIT_HALF <= text.length; i++) {
      if (!LETTER.test(text[i]!) || !LETTER.test(text[i - 1]!)) continue;
      const a = text.slice(0, i);
      const b = text.slice(i);
      // Normalized forms first (no stemming); the analysis only for a split whose halves are written.
      const xe = normalizeTerm(a);
      if (xe.length < SPLIT_HALF || CLITIC_FRAGMENT.test(xe) || exactDf(ix, xe) < need) continue;
      const ye = normalizeTerm(b);
      if (ye.length < SPLIT_HALF || xe + ye !== t.exact || xe === ye || exactDf(ix, ye) < need) continue;
      if (analyzeWord(a).stop || analyzeWord(b).stop) continue;
      const df = pairCount(ix, xe, ye);
      if (df >= need && df > bestDf) {
        bestDf = df;
        best = `${a} ${b}`;
      }
    }
    return best;
  });
}

/** Articles that must write a joined word's pair side by side for the typed-joined reading. */
export const APART_MIN_DF = 3;
/**
 * …and at least this many times per article writing the joined form. A share of the rarer half
 * (as UNIT_SHARE) also found فيس بوك 155 / فيسبوك 1,375 and أبو ظبي 82 / 14,074, but it bounds
 * nothing, so every word of every query paid phrase counts (~75 µs a word the first time).
 */
export const APART_OF_JOINED = 0.2;
/**
 * A half of a word typed joined has at least 3 letters, and the first is not a clitic with the
 * article (ال، وال، بال، لل، الت…): the fragments a word splits into are written as tokens of
 * their own now and then (ات 54 articles, ية 11, بال 233), and each such split cost a phrase count
 * that never found the pair (453 counts for 2,958 stream words, 147 with this rule, 2 real pairs).
 * It gives up واتس اب and دا سيلفا typed joined.
 */
const SPLIT_HALF = 3;
const CLITIC_FRAGMENT = /^[\u0648\u0641\u0628\u0643\u0644]?(\u0627\u0644.?|\u0644\u0644)$/;
/** Longer typed words are not split (names of two words are short). */
const MAX_JOINED = 16;
const LETTER = /\p{L}/u;
