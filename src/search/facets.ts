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
import { topK, withLeadingKey } from './top-k.ts';

export const FACET_LIMIT = 50;

export function countFacets(docs: DocTable, hits: readonly number[], names: readonly FacetName[]): Partial<Record<FacetName, FacetValue[]>> {
  const out: Partial<Record<FacetName, FacetValue[]>> = {};
  for (const name of new Set(names)) {
    if (name === 'year' || name === 'month') {
      out[name] = dateFacet(docs, hits, name);
      continue;
    }
    const dict = docs.dicts[name];
    const counts = new Int32Array(dict.size);
    if (dict.size === 0) {
      out[name] = [];
      continue;
    }
    if (name === 'tag') {
      for (let i = 0; i < hits.length; i++) {
        const tags = docs.tags[hits[i]!]!;
        for (let j = 0; j < tags.length; j++) counts[tags[j]!]!++;
      }
    } else {
      const col = docs.values[name as ValueField].data;
      for (let i = 0; i < hits.length; i++) {
        const v = col[hits[i]!]!;
        if (v >= 0) counts[v]!++;
      }
    }
    out[name] = topValues(counts, dict.display);
  }
  return out;
}

/** Counts for dateFacet by year·100 + month (YYYYMM), all zero between calls; made on first use. */
let dateCounts: Int32Array | null = null;

/** Year or month values of the docs' dates, newest first (docs without a date are left out). */
function dateFacet(docs: DocTable, hits: readonly number[], name: 'year' | 'month'): FacetValue[] {
  const date = docs.date.data;
  const touched: number[] = [];
  const counts = (dateCounts ??= new Int32Array(10000 * 100));
  for (let i = 0; i < hits.length; i++) {
    const x = date[hits[i]!]!;
    if (x === 0) continue;
    const ym = (x / 100) | 0; // YYYYMMDD is positive: truncation = floor
    const year = (ym / 100) | 0;
    const month = ym - year * 100;
    if (name === 'month' && month === 0) continue; // year-only date
    const slot = name === 'year' ? year * 100 : year * 100 + month;
    if (counts[slot]++ === 0) touched.push(slot);
  }
  touched.sort((a, b) => b - a);
  const out: FacetValue[] = touched.map((slot) => {
    const year = Math.floor(slot / 100);
    const month = slot % 100;
    return { value: name === 'year' ? String(year) : `${year}-${String(month).padStart(2, '0')}`, count: counts[slot]! };
  });
  for (const slot of touched) counts[slot] = 0;
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
  const byCount = (a: number, b: number) => counts[b]! - counts[a]! || (display[a]! < display[b]! ? -1 : display[a]! > display[b]! ? 1 : 0);
  // Values are distinct, so the order is total and the bounded heap gives the sorted prefix.
  const best = Number.isFinite(limit) ? topK(ids, limit, withLeadingKey(byCount, counts, true)) : ids.sort(byCount).slice(0, limit);
  return best.map((i) => ({ value: display[i]!, count: counts[i]! }));
}
