/**
 * Facet counts over the WHOLE (collapsed) result set, not just the page: one pass over the docs
 * with a counter array per field. Values are listed most frequent first (ties by value), at most
 * FACET_LIMIT per facet; year and month facets list every value, newest first.
 *
 * Disjunctive faceting: each dimension is counted with every filter EXCEPT its own (author counts
 * ignore the author filter; year/month counts ignore the request's from/to), so a chosen value
 * does not hide its siblings and the reader can add a second author or switch year. Dimensions
 * whose own filter is not set are counted over the final results, as before.
 */
import type { FacetName, FacetValue, SearchFilters } from '../types.ts';
import type { DocTable, ValueField } from './doc-table.ts';
import { compileFilter, type DateRange } from './filters.ts';

export const FACET_LIMIT = 50;

export function countFacets(docs: DocTable, hits: readonly number[], names: readonly FacetName[]): Partial<Record<FacetName, FacetValue[]>> {
  const out: Partial<Record<FacetName, FacetValue[]>> = {};
  for (const name of new Set(names)) {
    if (name === 'year' || name === 'month') {
      const counts = new Map<number, number>();
      const div = name === 'year' ? 10000 : 100;
      for (const d of hits) {
        const x = docs.date.data[d]!;
        if (x === 0) continue;
        const k = Math.floor(x / div);
        if (name === 'month' && k % 100 === 0) continue; // year-only date
        counts.set(k, (counts.get(k) ?? 0) + 1);
      }
      out[name] = [...counts]
        .sort((a, b) => b[0] - a[0])
        .map(([k, count]) => ({ value: name === 'year' ? String(k) : `${Math.floor(k / 100)}-${String(k % 100).padStart(2, '0')}`, count }));
      continue;
    }
    const dict = docs.dicts[name];
    const counts = new Int32Array(dict.size);
    if (name === 'tag') {
      for (const d of hits) for (const t of docs.tags[d]!) counts[t]!++;
    } else {
      const col = docs.values[name as ValueField].data;
      for (const d of hits) {
        const v = col[d]!;
        if (v >= 0) counts[v]!++;
      }
    }
    out[name] = topValues(counts, dict.display);
  }
  return out;
}

/** The request filters with facet `name`'s own filter dropped, or undefined when it has none. */
export function withoutOwnFilter(f: SearchFilters | undefined, name: FacetName): SearchFilters | undefined {
  if (!f) return undefined;
  if (name === 'year' || name === 'month') {
    if (!f.from && !f.to) return undefined;
    const { from: _from, to: _to, ...rest } = f;
    return rest;
  }
  if (!f[name] || f[name]!.length === 0) return undefined;
  const { [name]: _own, ...rest } = f;
  return rest;
}

export interface DisjunctiveInput {
  docs: DocTable;
  /** The final (filtered, collapsed) results. */
  results: readonly number[];
  /** Every doc the query matched, before filters and collapsing. */
  matched: readonly number[];
  filters: SearchFilters | undefined;
  /** Date ranges written in the query (`date:`): part of the query, so kept for every facet. */
  queryRanges: readonly DateRange[];
  /** Collapses syndicated copies the way the results were collapsed. */
  collapse: (docs: number[]) => number[];
}

/** Facet counts where each dimension ignores its own filter (see the file comment). */
export function countFacetsDisjunctive(input: DisjunctiveInput, names: readonly FacetName[]): Partial<Record<FacetName, FacetValue[]>> {
  const { docs, results, matched, filters, queryRanges, collapse } = input;
  const plain: FacetName[] = [];
  const out: Partial<Record<FacetName, FacetValue[]>> = {};
  // year and month share one dropped filter (from/to), so one doc set serves both.
  const byRelaxed = new Map<string, FacetName[]>();
  for (const name of new Set(names)) {
    const rest = withoutOwnFilter(filters, name);
    if (rest === undefined) {
      plain.push(name);
      continue;
    }
    const key = name === 'year' || name === 'month' ? 'date' : name;
    byRelaxed.set(key, [...(byRelaxed.get(key) ?? []), name]);
  }
  if (plain.length) Object.assign(out, countFacets(docs, results, plain));
  for (const group of byRelaxed.values()) {
    const filter = compileFilter(docs, withoutOwnFilter(filters, group[0]!), queryRanges);
    const set = collapse(filter.none ? [...matched] : matched.filter((d) => filter.accepts(d)));
    Object.assign(out, countFacets(docs, set, group));
  }
  return out;
}

export function topValues(counts: Int32Array, display: readonly string[], limit = FACET_LIMIT): FacetValue[] {
  const ids: number[] = [];
  for (let i = 0; i < counts.length; i++) if (counts[i]! > 0) ids.push(i);
  ids.sort((a, b) => counts[b]! - counts[a]! || (display[a]! < display[b]! ? -1 : display[a]! > display[b]! ? 1 : 0));
  return ids.slice(0, limit).map((i) => ({ value: display[i]!, count: counts[i]! }));
}
