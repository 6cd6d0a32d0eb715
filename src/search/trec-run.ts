/**
 * A TREC run file for `fahras run`: each query searched exactly as the search box would
 * (same parsing, matching, relaxation, duplicate collapsing and ranking), one line per article
 * the result page lists, in page order:
 *   qid Q0 docid rank score fahras
 * A hit's syndicated copies (the near-duplicates the page lists under it, "also in N other
 * papers") follow the hit, at its score, in the page's order (the best matching copy first): the
 * page shows them there, and a judged set that marks one copy relevant (ARCD, for one, holds the
 * same Wikipedia paragraph under several ids) would otherwise count the reader's answer as missing.
 */
import type { Engine } from '../contracts.ts';
import { SearchEngine } from './engine.ts';

export function trecRun(engine: Engine, queries: readonly { id: string; text: string }[], top: number): string {
  const lines: string[] = [];
  for (const q of queries) {
    const ranked = rankedIds(engine, q.text, top);
    ranked.forEach((h, i) => lines.push(`${q.id} Q0 ${h.id} ${i + 1} ${h.score.toFixed(6)} fahras`));
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}

/** The first `top` articles one query's result pages list: each hit, then its copies. */
export function rankedIds(engine: Engine, text: string, top: number): { id: string; score: number }[] {
  const out: { id: string; score: number }[] = [];
  const add = (id: string, score: number, copies: readonly string[]) => {
    out.push({ id, score });
    for (const c of copies) out.push({ id: c, score });
  };
  if (engine instanceof SearchEngine) {
    for (const h of engine.rankWithCopies(text, top)) add(h.id, h.score, h.copies);
    return out.slice(0, top);
  }
  // Another Engine: page through search(); its hits carry their copies.
  for (let page = 1; out.length < top; page++) {
    const r = engine.search({ q: text, page, size: 100 });
    for (const h of r.hits) add(h.id, h.score, h.duplicates.map((d) => d.id));
    if (r.hits.length < 100) break;
  }
  return out.slice(0, top);
}
