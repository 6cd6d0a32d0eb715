/**
 * Ranking metrics with trec_eval's definitions and binary relevance:
 *  - MRR@k (recip_rank cut at k): 1 / rank of the first relevant document in the top k, else 0.
 *  - nDCG@k (ndcg_cut_k): DCG = Σ_{i≤k, rel} 1/log2(i+1); ideal DCG puts all relevant docs first
 *    (min(|R|, k) of them).
 *  - Recall@k (recall_k): |relevant in top k| / |R|.
 * A query with no relevant documents scores 0 everywhere (trec_eval skips such queries; callers
 * pass only judged queries). Duplicate ids in a run count once, at their first rank.
 */

export type Metric = (ranked: readonly string[], relevant: ReadonlySet<string>) => number;

/** The first k distinct ids of a ranking. */
function topK(ranked: readonly string[], k: number): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const id of ranked) {
    if (out.length >= k) break;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(id);
  }
  return out;
}

export function mrrAt(k: number): Metric {
  return (ranked, relevant) => {
    const top = topK(ranked, k);
    for (let i = 0; i < top.length; i++) if (relevant.has(top[i]!)) return 1 / (i + 1);
    return 0;
  };
}

/** One row of a result page: the hit and the syndicated copies listed under it («also in N other papers»). */
export interface ResultRow {
  id: string;
  copies: readonly string[];
}

/**
 * MRR@k over result rows, as a reader scans the page: 1 / the row of the first hit that is, or
 * lists under it, a relevant article, if within the first k rows; else 0. A wrong hit's copies
 * sit in a closed disclosure under it and take no row (mrrAt over the flat run, where each copy
 * is a rank of its own, is the trec_eval view of the same page).
 */
export function rowMrrAt(k: number): (rows: readonly ResultRow[], relevant: ReadonlySet<string>) => number {
  return (rows, relevant) => {
    for (let i = 0; i < Math.min(k, rows.length); i++) {
      const row = rows[i]!;
      if (relevant.has(row.id) || row.copies.some((c) => relevant.has(c))) return 1 / (i + 1);
    }
    return 0;
  };
}

export function ndcgAt(k: number): Metric {
  return (ranked, relevant) => {
    if (relevant.size === 0) return 0;
    const top = topK(ranked, k);
    let dcg = 0;
    for (let i = 0; i < top.length; i++) if (relevant.has(top[i]!)) dcg += 1 / Math.log2(i + 2);
    let ideal = 0;
    for (let i = 0; i < Math.min(relevant.size, k); i++) ideal += 1 / Math.log2(i + 2);
    return dcg / ideal;
  };
}

export function recallAt(k: number): Metric {
  return (ranked, relevant) => {
    if (relevant.size === 0) return 0;
    let hits = 0;
    for (const id of topK(ranked, k)) if (relevant.has(id)) hits++;
    return hits / relevant.size;
  };
}

export const DEFAULT_METRICS = {
  'nDCG@10': ndcgAt(10),
  'MRR@10': mrrAt(10),
  'Recall@100': recallAt(100),
} as const satisfies Record<string, Metric>;

export type MetricName = keyof typeof DEFAULT_METRICS;

/**
 * Mean of each metric over the judged queries (those in `qrels`). A judged query missing from
 * `runs` counts as 0, as in trec_eval -c. Returns { 'nDCG@10', 'MRR@10', 'Recall@100', queries }.
 */
export function meanMetrics<M extends Record<string, Metric> = typeof DEFAULT_METRICS>(
  runs: ReadonlyMap<string, readonly string[]>,
  qrels: ReadonlyMap<string, ReadonlySet<string>>,
  metrics: M = DEFAULT_METRICS as unknown as M,
): Record<keyof M, number> & { queries: number } {
  const sums = Object.fromEntries(Object.keys(metrics).map((m) => [m, 0])) as Record<keyof M, number>;
  let n = 0;
  for (const [qid, relevant] of qrels) {
    if (relevant.size === 0) continue;
    n++;
    const ranked = runs.get(qid) ?? [];
    for (const m of Object.keys(metrics) as (keyof M)[]) sums[m] += metrics[m]!(ranked, relevant);
  }
  for (const m of Object.keys(sums) as (keyof M)[]) sums[m] = n ? sums[m] / n : 0;
  return Object.assign(sums, { queries: n });
}
