/**
 * "More like this": the article's most characteristic stems (tf·idf over title and body, title
 * occurrences counted TITLE_FACTOR times; very common terms dropped) become a weighted OR query
 * scored with the same BM25F as search.
 */
import type { Article } from '../types.ts';
import { analyzeArticle } from './doc-analysis.ts';
import { Evaluator, type IndexView } from './evaluate.ts';
import { FieldBits } from './postings.ts';

const TERMS = 25;
const TITLE_FACTOR = 3;
/** Terms in more than this share of documents say nothing about a topic. */
const MAX_DF_SHARE = 0.1;

export function relatedDocs(ix: IndexView, article: Article, exclude: ReadonlySet<number>, n: number): { docs: number[]; score: Map<number, number> } {
  const ev = new Evaluator(ix);
  const a = analyzeArticle(article);
  const weighted: { term: string; w: number }[] = [];
  for (const [term, p] of a.stems) {
    const id = ix.stems.idOf(term);
    if (id < 0) continue;
    const df = ix.stems.df.data[id]!;
    if (df < 2 || (ev.N >= 200 && df > ev.N * MAX_DF_SHARE)) continue;
    const tf = p.bodyTf + TITLE_FACTOR * (p.bits & FieldBits.titleMask);
    weighted.push({ term, w: Math.log(1 + tf) * ev.idf(df) });
  }
  weighted.sort((x, y) => y.w - x.w || (x.term < y.term ? -1 : 1));
  const chosen = weighted.slice(0, TERMS);
  const max = chosen[0]?.w ?? 1;
  const score = new Map<number, number>();
  for (const { term, w } of chosen) {
    const h = ev.term({ term, exact: '\u0000', stop: false }, undefined, w / max);
    for (const d of h.docs) if (!exclude.has(d)) score.set(d, (score.get(d) ?? 0) + h.score[d]!);
    ix.pool.release(h);
  }
  const docs = [...score.keys()].sort((x, y) => score.get(y)! - score.get(x)! || x - y).slice(0, n);
  return { docs, score };
}
