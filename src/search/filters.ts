/**
 * Exact filters (author, column, source, category, tag: any of the listed values; fields ANDed)
 * and date ranges (the request's from/to and every `date:` range of the query, all ANDed).
 * Values compare by their normalized key, so case and diacritics do not matter.
 */
import type { SearchFilters } from '../types.ts';
import { ValidationError } from '../errors.ts';
import type { DocTable, ValueField } from './doc-table.ts';

export interface DateRange {
  from?: string;
  to?: string;
}

/** A compiled filter: `accepts(doc)`. */
export interface DocFilter {
  /** True when nothing is filtered. */
  readonly none: boolean;
  accepts(doc: number): boolean;
}

const PARTIAL_DATE = /^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?$/;

/** `YYYY[-MM[-DD]]` → inclusive YYYYMMDD bound (missing parts: 00 for a start, 99 for an end). */
export function dateBound(s: string, end: boolean, what: string): number {
  const m = PARTIAL_DATE.exec(s.trim());
  if (!m) throw new ValidationError(`${what} "${s}" is not a date`, 'Use YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2023-12 or 2023-12-31.');
  const fill = end ? 99 : 0;
  return Number(m[1]) * 10000 + (m[2] ? Number(m[2]) : fill) * 100 + (m[3] ? Number(m[3]) : fill);
}

export function compileFilter(docs: DocTable, f: SearchFilters | undefined, ranges: readonly DateRange[]): DocFilter {
  const checks: ((d: number) => boolean)[] = [];
  const fields: [ValueField, string[] | undefined][] = [
    ['author', f?.author],
    ['column', f?.column],
    ['source', f?.source],
    ['category', f?.category],
  ];
  for (const [field, wanted] of fields) {
    if (!wanted || wanted.length === 0) continue;
    const ids = new Set(wanted.map((v) => docs.dicts[field].find(v)).filter((i) => i >= 0));
    const col = docs.values[field];
    checks.push((d) => ids.has(col.data[d]!));
  }
  if (f?.tag && f.tag.length > 0) {
    const ids = new Set(f.tag.map((v) => docs.dicts.tag.find(v)).filter((i) => i >= 0));
    checks.push((d) => docs.tags[d]!.some((t) => ids.has(t)));
  }
  const all: DateRange[] = [...ranges];
  if (f?.from || f?.to) all.push({ from: f.from, to: f.to });
  let lo = 0;
  let hi = 99999999;
  for (const r of all) {
    if (r.from) lo = Math.max(lo, dateBound(r.from, false, 'from'));
    if (r.to) hi = Math.min(hi, dateBound(r.to, true, 'to'));
  }
  if (all.some((r) => r.from || r.to)) {
    const date = docs.date;
    checks.push((d) => {
      const x = date.data[d]!;
      return x !== 0 && x >= lo && x <= hi;
    });
  }
  return {
    none: checks.length === 0,
    accepts: (d) => {
      for (const c of checks) if (!c(d)) return false;
      return true;
    },
  };
}
