/**
 * Facet counts over the WHOLE (collapsed) result set, not just the page: one pass over the docs
 * with a counter array per field. Values are listed most frequent first (ties by value), at most
 * FACET_LIMIT per facet; year and month facets list every value, newest first.
 */
import type { FacetName, FacetValue } from '../types.ts';
import type { DocTable, ValueField } from './doc-table.ts';

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

export function topValues(counts: Int32Array, display: readonly string[], limit = FACET_LIMIT): FacetValue[] {
  const ids: number[] = [];
  for (let i = 0; i < counts.length; i++) if (counts[i]! > 0) ids.push(i);
  ids.sort((a, b) => counts[b]! - counts[a]! || (display[a]! < display[b]! ? -1 : display[a]! > display[b]! ? 1 : 0));
  return ids.slice(0, limit).map((i) => ({ value: display[i]!, count: counts[i]! }));
}
