/** Partial calendar dates `YYYY`, `YYYY-MM`, `YYYY-MM-DD` as used by search filters. */

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Why `text` is not a valid partial date, or undefined when it is. */
export function partialDateProblem(text: string): string | undefined {
  const m = PARTIAL_DATE.exec(text);
  if (!m) return `"${text}" is not a date; use YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2015-07 or 2015-07-21)`;
  const year = Number(m[1]);
  if (m[2] === undefined) return undefined;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return `"${text}" has month ${m[2]}; months run 01 to 12`;
  if (m[3] === undefined) return undefined;
  const day = Number(m[3]);
  const last = daysInMonth(year, month);
  if (day < 1 || day > last) return `"${text}" has day ${m[3]}; ${m[1]}-${m[2]} has days 01 to ${String(last).padStart(2, '0')}`;
  return undefined;
}

/** First day covered by a valid partial date. */
export function rangeStart(text: string): string {
  if (text.length === 4) return `${text}-01-01`;
  if (text.length === 7) return `${text}-01`;
  return text;
}

/** Last day covered by a valid partial date. */
export function rangeEnd(text: string): string {
  if (text.length === 4) return `${text}-12-31`;
  if (text.length === 7) {
    const last = daysInMonth(Number(text.slice(0, 4)), Number(text.slice(5, 7)));
    return `${text}-${String(last).padStart(2, '0')}`;
  }
  return text;
}

/** Full `YYYY-MM-DD` calendar date check (article dates). */
export function isCalendarDate(text: string): boolean {
  return text.length === 10 && partialDateProblem(text) === undefined;
}
