/**
 * A TREC run file for `fahras run`: each query searched exactly as the search box would
 * (same parsing, matching, relaxation, duplicate collapsing and ranking), one line per hit:
 *   qid Q0 docid rank score fahras
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

/** Top ids for one query; pages through search() for an Engine that is not ours. */
export function rankedIds(engine: Engine, text: string, top: number): { id: string; score: number }[] {
  if (engine instanceof SearchEngine) return engine.rank(text, top);
  const out: { id: string; score: number }[] = [];
  for (let page = 1; out.length < top; page++) {
    const r = engine.search({ q: text, page, size: 100 });
    for (const h of r.hits) out.push({ id: h.id, score: h.score });
    if (r.hits.length < 100) break;
  }
  return out.slice(0, top);
}
