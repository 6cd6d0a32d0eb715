/**
 * `date:` values: `2023`, `2023-12`, `2023-12-05`, ranges `2023-01..2023-06`, open ranges
 * `2023..` and `..2023-06`. `/` may stand for `-`; Arabic-Indic digits (U+0660–U+0669) and
 * Eastern Arabic-Indic digits (U+06F0–U+06F9) are accepted. Output is zero-padded YYYY[-MM[-DD]].
 */
import { QueryError } from '../errors.ts';

export interface DateRange {
  from?: string;
  to?: string;
}

const DATE_HINT = 'Write dates as YYYY, YYYY-MM or YYYY-MM-DD, ranges as 2023-01..2023-06.';

/** Folds Arabic-Indic digits to ASCII, one code unit for one, so offsets are kept. */
function asciiDigits(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x0660 && c <= 0x0669) out += String.fromCharCode(c - 0x0660 + 0x30);
    else if (c >= 0x06f0 && c <= 0x06f9) out += String.fromCharCode(c - 0x06f0 + 0x30);
    else out += s[i];
  }
  return out;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Parses one date `value` found at offset `at` of the query. */
function parseOne(value: string, at: number): string {
  const m = /^(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2}))?)?$/.exec(value);
  if (!m) throw new QueryError(`"${value}" is not a date`, at, DATE_HINT);
  const year = Number(m[1]);
  if (m[2] === undefined) return m[1]!;
  const month = Number(m[2]);
  const monthAt = at + 5;
  if (month < 1 || month > 12) throw new QueryError(`month ${m[2]} is not between 1 and 12`, monthAt, DATE_HINT);
  const mm = String(month).padStart(2, '0');
  if (m[3] === undefined) return `${m[1]}-${mm}`;
  const day = Number(m[3]);
  const max = daysInMonth(year, month);
  if (day < 1 || day > max) {
    throw new QueryError(`day ${m[3]} does not exist in ${m[1]}-${mm} (it has ${max} days)`, monthAt + m[2].length + 1, DATE_HINT);
  }
  return `${m[1]}-${mm}-${String(day).padStart(2, '0')}`;
}

/** Compares two YYYY[-MM[-DD]] bounds as ranges: `from` must not start after `to` ends. */
function startsAfter(from: string, to: string): boolean {
  const n = Math.min(from.length, to.length);
  return from.slice(0, n) > to.slice(0, n);
}

/** Parses the value of `date:` (the text after the colon) located at offset `at` of the query. */
export function parseDateValue(raw: string, at: number): DateRange {
  const value = asciiDigits(raw);
  if (value.length === 0) throw new QueryError('date: needs a value', at, DATE_HINT);
  const dots = value.indexOf('..');
  if (dots < 0) {
    const d = parseOne(value, at);
    return { from: d, to: d };
  }
  const left = value.slice(0, dots);
  const right = value.slice(dots + 2);
  if (!left && !right) throw new QueryError('date range ".." needs at least one end', at, DATE_HINT);
  const from = left ? parseOne(left, at) : undefined;
  const to = right ? parseOne(right, at + dots + 2) : undefined;
  if (from && to && startsAfter(from, to)) {
    throw new QueryError(`date range starts (${from}) after it ends (${to})`, at, 'Put the earlier date first: 2023-01..2023-06.');
  }
  const r: DateRange = {};
  if (from) r.from = from;
  if (to) r.to = to;
  return r;
}
