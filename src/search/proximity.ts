/**
 * Proximity re-scoring of the best candidates: for each pair of positive query words (exact
 * forms) found near each other in the same field of a document, the document earns
 *   proximity · min(idf_i, idf_j) · closeness(δ),   closeness = 1 (adjacent), ½ (δ ≤ 3), ¼ (δ ≤ 6)
 * Only the top `proximityDepth` docs by the base score are re-scored, so the cost is bounded by
 * the positions of the query words, not the result set. Non-question queries also get the title
 * features of title-match.ts on the same docs, or on the top `titleDepth` for a run of 3+ words.
 */
import { queryTokens } from '../query/query-tokens.ts';
import type { ParsedQuery } from '../contracts.ts';
import type { IndexView } from './evaluate.ts';
import type { Hits } from './score-pool.ts';
import { locatePositions, PositionBuffer, readPositionsInto } from './posting-decode.ts';
import { isSurelyQuestion } from './question.ts';
import { applyTitleMatch, forEachPositiveWord } from './title-match.ts';
import { topKUnordered } from './top-k.ts';

const MAX_WORDS = 8;
const WINDOW = 6;

/** Exact forms of the positive, non-stopword words of a query, each once, in query order. */
export function positiveExacts(parsed: ParsedQuery): string[] {
  const out: string[] = [];
  forEachPositiveWord(parsed, (n) => {
    for (const t of queryTokens(n.text)) if (!t.stop && !out.includes(t.exact)) out.push(t.exact);
  });
  return out;
}

/** positiveTermSequence(parsed, ix).length without reading the words (one term per analyzed token). */
function positiveTermCount(parsed: ParsedQuery): number {
  let n = 0;
  forEachPositiveWord(parsed, (w) => {
    n += queryTokens(w.text).length;
  });
  return n;
}

function closeness(delta: number): number {
  return delta <= 1 ? 1 : delta <= 3 ? 0.5 : delta <= WINDOW ? 0.25 : 0;
}

/** Smallest |a_i − b_j| between two ascending lists a[0..na), b[0..nb) (same field: positions of different fields are ≥ 2^18 apart). */
function minDistance(a: Int32Array, na: number, b: Int32Array, nb: number): number {
  let i = 0;
  let j = 0;
  let best = Infinity;
  while (i < na && j < nb) {
    const d = a[i]! - b[j]!;
    const abs = d < 0 ? -d : d;
    if (abs < best) best = abs;
    if (d < 0) i++;
    else j++;
  }
  return best;
}

/** Per query word (≤ MAX_WORDS): its positions in the doc being looked at. Reused. */
const POSITIONS = Array.from({ length: MAX_WORDS }, () => new PositionBuffer());
/** The words present in that doc. Reused. */
const PRESENT = new Int32Array(MAX_WORDS);

export function applyProximity(ix: IndexView, hits: Hits, matched: readonly number[], cmp: (a: number, b: number) => number, parsed: ParsedQuery, question: boolean): void {
  const p = ix.params;
  if (matched.length < 2) return;
  const ex = ix.exacts;
  const words = positiveExacts(parsed)
    .map((w) => ex.idOf(w))
    .filter((id) => id >= 0 && ex.df.data[id]! > 0)
    .slice(0, MAX_WORDS);
  // A question is not a headline lookup: its words rarely run as in the title. A query that is a
  // question only by an ambiguous first word (من، ما) may be a headline run.
  const headline = !question || !isSurelyQuestion(parsed.text);
  const terms = positiveTermCount(parsed);
  const bigrams = headline && (p.titleBigram > 0 || p.titleCoverage > 0) && terms >= 2;
  const near = p.proximity > 0 && words.length >= 2;
  if (!bigrams && !near) return; // a one-word query: no need to pick the top docs
  // A run of 3+ words can pin one headline whose body ranks it below the top 100 (common words, a
  // long article): its title is looked at too. Two words fit too many titles to be worth the cost.
  // Both sets are taken by the base score, before any bonus, and unordered: each doc's bonuses
  // depend on that doc alone (sorting proximity's 100 cost ~0.03 ms of comparator calls).
  // A run of one content word among stopwords (على الإرهابي في) barely orders its matches by the
  // base score: its headline is looked for deeper still.
  const depth = words.length <= 1 ? p.titleDepthSparse : p.titleDepth;
  const deep = bigrams && terms >= 3 && depth > p.proximityDepth;
  // The deeper set first: proximity's top 100 is the best of it (`cmp` is a total order, so the
  // same set), selected among 400 docs instead of all the matches.
  const titled = bigrams && deep ? topKUnordered(matched as number[], depth, cmp) : null;
  const top = topKUnordered(titled ?? (matched as number[]), p.proximityDepth, cmp);
  if (bigrams) applyTitleMatch(ix, hits, titled ?? top, parsed);
  if (!near) return;
  const refs = locatePositions(ex, words, top, ix.docs.dead.data);
  const N = Math.max(1, ix.docs.live);
  const idf = words.map((id) => Math.log(1 + (N - ex.df.data[id]! + 0.5) / (ex.df.data[id]! + 0.5)));
  // Positions decoded into reused typed buffers (readPositions into number arrays allocated a
  // parsing object per call: ~0.08 ms of a 3-word query's 100 docs).
  const present = PRESENT;
  for (let s = 0; s < top.length; s++) {
    let np = 0;
    for (let w = 0; w < words.length; w++) {
      const ref = refs[w]![s]!;
      if (ref === -1) continue;
      readPositionsInto(ex, ref, POSITIONS[w]!);
      present[np++] = w;
    }
    if (np < 2) continue;
    let bonus = 0;
    for (let x = 0; x < np; x++) {
      for (let y = x + 1; y < np; y++) {
        const a = present[x]!;
        const b = present[y]!;
        const pa = POSITIONS[a]!;
        const pb = POSITIONS[b]!;
        const c = closeness(minDistance(pa.pos, pa.n, pb.pos, pb.n));
        if (c > 0) bonus += c * Math.min(idf[a]!, idf[b]!);
      }
    }
    hits.score[top[s]!] += p.proximity * bonus;
  }
}
