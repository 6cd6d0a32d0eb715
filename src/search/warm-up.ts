/**
 * Searches run after an index is loaded, before the server says it is ready, so the first readers
 * do not pay for the JIT (code not yet optimized runs many times slower) and for the lazily built
 * read structures (length norms, spelling candidates, prefix groups, title stems, skip data).
 * Without it the first searches on the 71k index took 25–300 ms each. The words come from the
 * index itself (its most frequent exact forms), so any archive gets the same kinds of queries:
 * one word, two and three words, a phrase, a prefix, a misspelt word, a field, all facets, newest
 * first, and an autocomplete, then headline-like searches (a stopword among the words, a rare
 * word, a preposition typed onto a word). Then every title's stems are computed (title-match.ts
 * needs them for the top 100 docs of each search) and every long list's skip data built. 71k index, bench/latency-stream.ts first pass over 2,100
 * distinct headline queries, CPU p50 / p99: 2 words 2.64 / 25.8 ms cold → 1.58 / 17.9 after the
 * warm-up (2.2 s CPU, ~3 s wall at load 6; ~0.02 s on the bundled sample).
 */
import type { SearchEngine } from './engine.ts';
import { isStopword } from '../analysis/stopwords.ts';
import { titleStems } from './title-stems.ts';
import { skipsOf } from './posting-skips.ts';
import type { FacetName } from '../types.ts';

const FACETS: FacetName[] = ['author', 'column', 'source', 'category', 'tag', 'year', 'month'];
/**
 * Rounds of warm-up searches. 71k index, CPU of the first ten distinct searches after a load:
 * 562 ms cold, 280 after 1 round (0.85 s of warm-up), 123 after 4 (1.6 s), 77 after 8 (1.9 s).
 */
export const WARM_UP_ROUNDS = 4;

/** The `n` most frequent Arabic exact forms of ≥ 4 letters that are not stopwords (or, with `stop`, of stopwords). */
function frequentWords(e: SearchEngine, n: number, stop = false): string[] {
  const ix = e.exacts;
  const df = ix.df.data;
  const best: number[] = [];
  for (let id = 0; id < ix.size; id++) {
    if (best.length === n && df[id]! <= df[best[n - 1]!]!) continue;
    const t = ix.terms[id]!;
    if ((!stop && t.length < 4) || !/^[\u0621-\u064A]+$/.test(t) || isStopword(t) !== stop) continue;
    best.push(id);
    best.sort((a, b) => df[b]! - df[a]!);
    if (best.length > n) best.length = n;
  }
  return best.map((id) => ix.terms[id]!);
}

/** `n` Arabic exact forms of ≥ 5 letters written in 1–2 articles (rare words: typo readings, few hits). */
function rareWords(e: SearchEngine, n: number): string[] {
  const ix = e.exacts;
  const out: string[] = [];
  for (let id = 0; id < ix.size && out.length < n; id += 7) {
    const t = ix.terms[id]!;
    const df = ix.df.data[id]!;
    if (df >= 1 && df <= 2 && t.length >= 5 && /^[\u0621-\u064A]+$/.test(t)) out.push(t);
  }
  return out;
}

/**
 * Runs the warm-up searches (`rounds` × 9, each round over other frequent words), yielding to the
 * event loop between searches so a server keeps answering /healthz. Returns the wall time in ms.
 */
export async function warmUp(e: SearchEngine, rounds = WARM_UP_ROUNDS): Promise<number> {
  const t0 = performance.now();
  const words = frequentWords(e, rounds + 2);
  const stops = frequentWords(e, rounds, true);
  const rare = rareWords(e, rounds);
  const pause = () => new Promise<void>((resolve) => setImmediate(resolve));
  for (let r = 0; r + 2 < words.length; r++) {
    const [a, b, c] = [words[r]!, words[r + 1]!, words[r + 2]!];
    for (const q of [a, `${a} ${b}`, `${a} ${b} ${c}`, `"${a} ${b}"`, `${a.slice(0, 3)}*`, a + a.slice(-1), `title:${a}`]) {
      e.search({ q, facets: FACETS });
      await pause();
    }
    // Headline-like queries take paths the ones above do not: a stopword among the words, a rare
    // word (typo readings, few hits: did-you-mean), a preposition typed onto a word. Without them
    // the first ~150 distinct queries of bench/latency-stream.ts made most of its p99.
    const s = stops[r % Math.max(1, stops.length)] ?? '';
    const x = rare[r % Math.max(1, rare.length)] ?? c;
    for (const q of [`${a} ${s}`, `${s} ${b} ${c}`, `${b} ${s} ${a}`, x, `${x} ${b}`, `${a} ${x} ${c}`, `ب${b}`, `ل${c} ${a}`]) {
      e.search({ q });
      await pause();
    }
    e.search({ q: b, sort: 'newest' });
    e.suggest(a.slice(0, 2 + (r % 3)));
    await pause();
  }
  // Every title's stems (title-match.ts reads them for the top 100 of each search; analyzing
  // them on first use was ~1.2 ms of a fresh multi-word search on the 71k index).
  for (let d = 0; d < e.docs.slots; d++) {
    if (e.docs.dead.data[d] === 0) titleStems(e.docs, e.stems, d);
    if (d % 2000 === 1999) await pause();
  }
  // Skip data of every long list (posting-skips.ts builds it on a term's second use otherwise,
  // one decode of the whole list inside a reader's search): 71k index, 10k lists, ~17 MB, ~0.4 s.
  for (const ix of [e.stems, e.exacts]) {
    for (let id = 0; id < ix.mainTerms; id++) {
      skipsOf(ix, id);
      if (id % 4000 === 3999) await pause();
    }
  }
  return performance.now() - t0;
}
