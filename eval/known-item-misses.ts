/**
 * Why a known-item query missed rank 1 (docs/design/search.md, "Known-item misses"):
 *   (a) ambiguous — the headline window (as stems, stopwords kept) runs verbatim in other
 *       headlines too, so no ranking could know which one was meant; the ceiling counts such a
 *       query as 1/(1+k)·H(1+k) (the expected reciprocal rank of a random order of the k+1 ties);
 *   (b) spelling — the typed words analyze to other stems than the headline's words (a typing rule
 *       the analysis does not undo);
 *   (c) ranking — the window is unique to the answer's headline, yet something else ranks first.
 * Ranks are result rows (the hit, with its copies listed under it), as the known-item figure
 * counts them. Prints counts per class, the ceiling, how many answers the page shows only as a
 * copy listed under another hit, and the first misses of each class with the rival title.
 */
import { analyze } from '../src/analysis/analyzer.ts';
import type { SearchEngine } from '../src/search/engine.ts';
import type { KnownItemQuery } from './known-item.ts';

const stemKey = (text: string) => ` ${analyze(text).map((t) => t.term).join(' ')} `;

let titleKeys: string[] | undefined;
let wordCounts: number[] | undefined;

/** P(window of `len` words at one given start | headline of n words), as knownItemQueries samples it. */
function windowPrior(n: number, len: number): number {
  let p = 0;
  for (let draw = 0; draw < 4; draw++) if (Math.min(n, 3 + draw) === len) p += 1 / 4;
  return p / (n - len + 1);
}

export function classifyMisses(e: SearchEngine, queries: readonly KnownItemQuery[], label: string | number, show = Number(process.env.KI_SHOW ?? 6)): void {
  const titles = Array.from({ length: e.docs.slots }, (_, d) => e.docs.titleOf(d));
  titleKeys ??= titles.map((t) => (t !== undefined ? stemKey(t) : ''));
  wordCounts ??= titles.map((t) => (t ?? '').split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length);
  let bayes = 0;
  const counts = { a: 0, b: 0, c: 0, hit: 0 };
  let ceiling = 0;
  const examples: Record<'a' | 'b' | 'c', string[]> = { a: [], b: [], c: [] };
  // Queries whose answer the page shows only as a copy listed under another hit (the hit is a
  // syndicated copy with another headline: the collapse keeps one article per group), and the
  // figure counting only the hit itself.
  let underCopy = 0;
  let hitRr = 0;
  for (const q of queries) {
    // Ranks are result rows, as the known-item figure counts them (metrics.ts rowMrrAt).
    const rows = e.rankWithCopies(q.text, 10);
    const rank = rows.findIndex((h) => q.relevant.has(h.id) || h.copies.some((c) => q.relevant.has(c))) + 1;
    const hitRank = rows.findIndex((h) => q.relevant.has(h.id)) + 1;
    if (hitRank) hitRr += 1 / hitRank;
    if (rank && hitRank !== rank) underCopy++;
    const ranked = rows.map((h) => h.id);
    const win = stemKey(q.window.join(' '));
    // Other headlines (not the answer's) with the same stem run.
    const others = new Map<string, number>();
    let answerWeight = 0;
    for (let d = 0; d < titleKeys.length; d++) {
      if (!titleKeys[d]!.includes(win)) continue;
      const w = windowPrior(wordCounts[d]!, q.window.length);
      if (q.relevant.has(e.docs.idOf(d)!)) answerWeight += w;
      else others.set(titleKeys[d]!, (others.get(titleKeys[d]!) ?? 0) + w);
    }
    const k = others.size;
    // Bayes ranker (headline prior only): rank of the answer among the candidate headlines by weight.
    const above = [...others.values()].filter((w) => w > answerWeight * (1 + 1e-9)).length;
    const tied = [...others.values()].filter((w) => Math.abs(w - answerWeight) <= answerWeight * 1e-9).length;
    let rr = 0;
    for (let i = 1; i <= tied + 1; i++) rr += 1 / (above + i);
    bayes += rr / (tied + 1);
    let h = 0;
    for (let i = 1; i <= k + 1; i++) h += 1 / i;
    ceiling += h / (k + 1);
    if (rank === 1) {
      counts.hit++;
      continue;
    }
    const typed = stemKey(q.text);
    const cls = typed !== win ? 'b' : k > 0 ? 'a' : 'c';
    counts[cls]++;
    if (examples[cls].length < show) {
      const first = ranked[0] ? e.get(ranked[0])?.title : '(none)';
      const target = e.get(q.target)?.title;
      examples[cls].push(`  rank ${rank || '>10'} q «${q.text}» window «${win.trim()}» typed «${typed.trim()}»${k ? ` (${k} other headlines)` : ''}\n     answer «${target}»\n     first  «${first}»`);
    }
  }
  console.log(`seed ${label}: rank1 ${counts.hit}, misses (a) ambiguous ${counts.a}, (b) spelling ${counts.b}, (c) ranking ${counts.c}; ceiling MRR: random among ties ${(ceiling / queries.length).toFixed(4)}, by headline-length prior ${(bayes / queries.length).toFixed(4)}`);
  console.log(`  answer shown only as a copy listed under another hit (a syndicated copy with another headline): ${underCopy}; MRR counting only the hit itself ${(hitRr / queries.length).toFixed(4)}`);
  for (const c of ['a', 'b', 'c'] as const) if (examples[c].length) console.log(`(${c})\n${examples[c].join('\n')}`);
}
