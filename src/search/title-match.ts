/**
 * Title features for headline lookups, computed on the top docs only (titles are short, so
 * analyzing them per query is cheap). People looking for an article type a run of its headline:
 *  - bigram: each pair of consecutive query words (stopwords included, compared as stems) that is
 *    also consecutive in the title adds titleBigram · mean idf of the pair (stem df);
 *  - coverage: the matched pairs' bonus again, times titleCoverage · the share of the title's words
 *    they cover. Among headlines that all contain the typed run, the one the run fills most is the
 *    likelier target (a reader who types 4 words of a 5-word headline typed most of it), and a query
 *    that is a whole headline ranks that headline first.
 */
import { analyze } from '../analysis/analyzer.ts';
import type { ParsedQuery, QueryNode } from '../contracts.ts';
import { withHamzaSeat, withoutConjunction, withPronounHa, type IndexView } from './evaluate.ts';
import { PROCLITIC_WEIGHT, TYPO_WEIGHT, typoReading, withInitialMadda, withoutProclitic, withTaMarbuta } from './typed-readings.ts';
import type { Hits } from './score-pool.ts';
import { titleStemPool, titleStems } from './title-stems.ts';

/** Calls `fn` for each word and phrase of the query that is not excluded (must_not), in query order. */
export function forEachPositiveWord(parsed: ParsedQuery, fn: (n: Extract<QueryNode, { kind: 'word' | 'phrase' }>) => void): void {
  const visit = (n: QueryNode) => {
    if (n.kind === 'group') {
      for (const c of n.clauses) if (c.occur !== 'must_not') visit(c.node);
    } else if (n.kind === 'or') n.children.forEach(visit);
    else if (n.kind === 'word' || n.kind === 'phrase') fn(n);
  };
  visit(parsed.root);
}

/** Stems of the positive words and phrase words in query order, stopwords included; each word's
 *  likeliest reading (و/ف read off, a hamza seat, ه/ة, آ) as evaluate does. */
export function positiveTermSequence(parsed: ParsedQuery, ix: Pick<IndexView, 'stems' | 'exacts' | 'docs' | 'params'>, alternatives?: Alternative[][]): string[] {
  const out: string[] = [];
  forEachPositiveWord(parsed, (n) => {
    for (const t of analyze(n.text)) {
      const reading = n.kind === 'word' ? (withoutConjunction(t, ix) ?? withHamzaSeat(t, ix) ?? withPronounHa(t, ix) ?? withInitialMadda(t, ix) ?? withTaMarbuta(t, ix)) : undefined;
      const term = reading?.term || t.term;
      out.push(term);
      // Other stems the word may stand for in a title, matched in the same pair slot at the
      // reading's weight (evaluate.ts's wordReadings): the word as typed when a reading replaced
      // it (a headline may write قايد as typed, not قائد), بمصر → مصر, a typo's closest spelling.
      if (alternatives) {
        const alts: Alternative[] = [];
        if (term !== t.term) alts.push({ term: t.term, weight: 1 });
        const clitic = n.kind === 'word' ? withoutProclitic(t, ix) : undefined;
        const typo = n.kind === 'word' && !clitic && term === t.term ? typoReading(t, ix) : undefined;
        const alt = clitic ? { term: clitic.term, weight: PROCLITIC_WEIGHT } : typo ? { term: typo.term, weight: TYPO_WEIGHT } : undefined;
        if (alt && alt.term !== term && alt.term !== t.term) alts.push(alt);
        alternatives.push(alts);
      }
    }
  });
  return out;
}

/** A word's second stem in a title pair, and the share of the pair's bonus a title earns through
 *  it, so a title written as typed stays first (بأولمبيك typed: بأولمبيك above اولمبيك). */
interface Alternative {
  term: string;
  weight: number;
}

export function applyTitleMatch(ix: IndexView, hits: Hits, top: readonly number[], parsed: ParsedQuery): void {
  const { titleBigram, titleCoverage } = ix.params;
  if (titleBigram <= 0 && titleCoverage <= 0) return;
  const alts: Alternative[][] = [];
  const seq = positiveTermSequence(parsed, ix, alts);
  if (seq.length < 2) return;
  const N = Math.max(1, ix.docs.live);
  const idf = (t: string) => {
    const id = ix.stems.idOf(t);
    const df = id >= 0 ? ix.stems.df.data[id]! : 0;
    return Math.log(1 + (N - df + 0.5) / (df + 0.5));
  };
  // Stem pair → [mean idf, slot]: each distinct pair of the query is one slot, counted once per
  // title; a pair with a word's alternative stem (bigram of readings) shares its slot.
  const pairs = new Map<string, [number, number]>();
  let slots = 0;
  for (let i = 0; i + 1 < seq.length; i++) {
    const key = `${seq[i]}\u0000${seq[i + 1]}`;
    let slot = pairs.get(key)?.[1];
    if (slot === undefined) pairs.set(key, [(idf(seq[i]!) + idf(seq[i + 1]!)) / 2, (slot = slots++)]);
    const v = pairs.get(key)![0];
    const firsts = [{ term: seq[i]!, weight: 1 }, ...alts[i]!];
    const seconds = [{ term: seq[i + 1]!, weight: 1 }, ...alts[i + 1]!];
    for (const a of firsts) {
      for (const b of seconds) {
        const k = `${a.term}\u0000${b.term}`;
        if (!pairs.has(k)) pairs.set(k, [v * a.weight * b.weight, slot]);
      }
    }
  }
  // The same distinct pairs as term ids (−1 for a stem the index lacks: it matches no cached title).
  const first: number[] = [];
  const second: number[] = [];
  const pairIdf: number[] = [];
  const pairSlot: number[] = [];
  for (const [k, [v, slot]] of pairs) {
    const [a, b] = k.split('\u0000');
    first.push(ix.stems.idOf(a!));
    second.push(ix.stems.idOf(b!));
    pairIdf.push(v);
    pairSlot.push(slot);
  }
  const seen = new Uint8Array(slots);
  // Marks the stems that start a query pair, so most title tokens are passed over with one read.
  const starts = pairStarts(ix.stems.size);
  for (const id of first) if (id >= 0) starts[id] = 1;
  for (const d of top) {
    const at = titleStems(ix.docs, ix.stems, d);
    if (at < 0) {
      titleBonusByStrings(ix, hits, d, pairs);
      continue;
    }
    const pool = titleStemPool(ix.docs);
    const len = pool[at]!;
    let bigrams = 0;
    let covered = 0;
    let lastCovered = -1;
    seen.fill(0);
    for (let i = 0; i + 1 < len; i++) {
      const a = pool[at + 1 + i]!;
      if (starts[a] === 0) continue;
      const b = pool[at + 2 + i]!;
      let j = 0;
      while (j < first.length && (first[j] !== a || second[j] !== b)) j++;
      if (j === first.length || seen[pairSlot[j]!]) continue;
      seen[pairSlot[j]!] = 1;
      bigrams += pairIdf[j]!;
      covered += lastCovered === i ? 1 : 2; // the pair's second word, or both when it starts a new run
      lastCovered = i + 1;
    }
    if (bigrams === 0) continue;
    hits.score[d] += titleBigram * bigrams + titleCoverage * (covered / len) * bigrams;
  }
  for (const id of first) if (id >= 0) starts[id] = 0;
}

/** One byte per stem id, all 0 between queries (applyTitleMatch clears the ids it marked). */
let startMarks = new Uint8Array(0);
function pairStarts(stems: number): Uint8Array {
  if (startMarks.length < stems) startMarks = new Uint8Array(Math.max(stems, startMarks.length * 2));
  return startMarks;
}

/** The title bonus of one doc by analyzing its title (for a title with a stem the index lacks). */
function titleBonusByStrings(ix: IndexView, hits: Hits, d: number, pairs: Map<string, [number, number]>): void {
  const { titleBigram, titleCoverage } = ix.params;
  const title = analyze(ix.docs.titleOf(d)!);
  let bigrams = 0;
  let covered = 0;
  let lastCovered = -1;
  const seen = new Set<number>();
  for (let i = 0; i + 1 < title.length; i++) {
    const pair = pairs.get(`${title[i]!.term}\u0000${title[i + 1]!.term}`);
    if (pair === undefined || seen.has(pair[1])) continue;
    seen.add(pair[1]);
    bigrams += pair[0];
    covered += lastCovered === i ? 1 : 2;
    lastCovered = i + 1;
  }
  if (bigrams === 0) return;
  hits.score[d] += titleBigram * bigrams + titleCoverage * (covered / title.length) * bigrams;
}
