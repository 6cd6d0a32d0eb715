/**
 * Publication dates as printed in news pages → `YYYY-MM-DD`. Pure; never guesses:
 * a text without an unambiguous day, month and year gives `undefined` (the caller keeps it as
 * `dateText`). Recognised:
 *   ISO `2023-12-12`, `2023-12-12T10:00:00+03:00` (the date as written, no time-zone shift), `2023/12/12`;
 *   `dd/mm/yyyy`, `dd-mm-yyyy`, `dd.mm.yyyy` (day first, the Arabic-press order; `mm/dd` only when
 *   the second number cannot be a month);
 *   a month name with a day and a year around it, in English (`12th, December 2023 GMT`,
 *   `December 12, 2023`, `Tue, 12 Dec 2023`), Egyptian/Gulf (يناير … ديسمبر), Maghrebi (يوليوز، غشت،
 *   جانفي، أفريل …) and Levantine/Iraqi names (كانون الثاني … كانون الأول), also doubled as
 *   «كانون الأول/ديسمبر»; Arabic-Indic ٠–٩ (U+0660–U+0669) and Eastern ۰–۹ (U+06F0–U+06F9) digits.
 * Hijri dates are not converted: their month names are not in the table and their years
 * (14xx) are outside the accepted range, so «28 جمادى الأولى 1445 هـ - 12 ديسمبر 2023» gives the
 * Gregorian date.
 */

/** Month names, normalized as by `foldForDates` (alef forms → ا, ى → ي, ة → ه, no marks). */
const MONTHS: readonly (readonly [string, number])[] = [
  // Egyptian / Gulf (transliterated Latin names) and their common spellings
  ['يناير', 1], ['فبراير', 2], ['مارس', 3], ['ابريل', 4], ['مايو', 5], ['يونيو', 6], ['يونيه', 6],
  ['يوليو', 7], ['يوليه', 7], ['اغسطس', 8], ['سبتمبر', 9], ['اكتوبر', 10], ['نوفمبر', 11], ['ديسمبر', 12],
  // Moroccan
  ['ماي', 5], ['يوليوز', 7], ['غشت', 8], ['شتنبر', 9], ['نونبر', 11], ['دجنبر', 12],
  // Tunisian / Algerian (from French)
  ['جانفي', 1], ['فيفري', 2], ['افريل', 4], ['جوان', 6], ['جويليه', 7], ['اوت', 8],
  // Levantine / Iraqi (Syriac names); two-word ones with and without ال
  ['كانون الثاني', 1], ['كانون ثاني', 1], ['شباط', 2], ['اذار', 3], ['نيسان', 4], ['ايار', 5],
  ['حزيران', 6], ['تموز', 7], ['اب', 8], ['ايلول', 9], ['تشرين الاول', 10], ['تشرين اول', 10],
  ['تشرين الثاني', 11], ['تشرين ثاني', 11], ['كانون الاول', 12], ['كانون اول', 12],
  // English, full and abbreviated (`sept` too)
  ['january', 1], ['february', 2], ['march', 3], ['april', 4], ['may', 5], ['june', 6], ['july', 7],
  ['august', 8], ['september', 9], ['october', 10], ['november', 11], ['december', 12],
  ['jan', 1], ['feb', 2], ['mar', 3], ['apr', 4], ['jun', 6], ['jul', 7], ['aug', 8], ['sep', 9],
  ['sept', 9], ['oct', 10], ['nov', 11], ['dec', 12],
];

const ONE_WORD = new Map<string, number>();
const TWO_WORD = new Map<string, number>();
for (const [name, m] of MONTHS) (name.includes(' ') ? TWO_WORD : ONE_WORD).set(name, m);

/** Years accepted as Gregorian publication years (keeps Hijri 14xx out). */
const MIN_YEAR = 1800;
const MAX_YEAR = 2199;

/** Folds what varies in printed dates: digits, alef/ya/ta-marbuta forms, marks, tatweel, case. */
export function foldForDates(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660)) // ٠–٩
    .replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0)) // ۰–۹
    .replace(/[\u064B-\u065F\u0670\u0640]/g, '') // harakat, superscript alef, tatweel
    .replace(/[\u0622\u0623\u0625\u0671]/g, '\u0627') // آ أ إ ٱ → ا
    .replace(/[\u0649\u06CC]/g, '\u064A') // ى ی → ي
    .replace(/\u0629/g, '\u0647') // ة → ه
    .replace(/\u06A9/g, '\u0643') // ک → ك
    .toLowerCase();
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `YYYY-MM-DD` when (y, m, d) is a real calendar day in the accepted year range. */
function iso(y: number, m: number, d: number): string | undefined {
  if (y < MIN_YEAR || y > MAX_YEAR || m < 1 || m > 12 || d < 1 || d > daysIn(y, m)) return undefined;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const ISO_DATE = /(?<![\d])(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?![\d])/;
const DAY_FIRST = /(?<![\d])(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?![\d])/;
const WORD = /[\p{L}\p{M}]+|\d+/gu;

function fromNumbers(s: string): string | undefined {
  const a = ISO_DATE.exec(s);
  if (a) return iso(+a[1]!, +a[2]!, +a[3]!);
  const b = DAY_FIRST.exec(s);
  if (b) {
    const first = +b[1]!, second = +b[2]!, year = +b[3]!;
    // Day first; month first only when the second number cannot be a month (e.g. 12/25/2023).
    return second > 12 ? iso(year, first, second) : iso(year, second, first);
  }
  return undefined;
}

interface MonthAt {
  month: number;
  start: number;
  end: number; // exclusive word index
}

/** The month name starting at word i (two-word Levantine names first), if any. */
function monthAt(words: string[], i: number): MonthAt | undefined {
  const two = i + 1 < words.length ? TWO_WORD.get(`${words[i]} ${words[i + 1]}`) : undefined;
  if (two) return { month: two, start: i, end: i + 2 };
  const one = ONE_WORD.get(words[i]!);
  return one ? { month: one, start: i, end: i + 1 } : undefined;
}

const isDay = (w: string | undefined) => w !== undefined && /^\d{1,2}$/.test(w);
const isYear = (w: string | undefined) => w !== undefined && /^\d{4}$/.test(w);

function fromMonthNames(s: string): string | undefined {
  // `12th` → `12`: English ordinal suffixes dropped.
  const words = Array.from(s.replace(/(\d)(?:st|nd|rd|th)\b/g, '$1').matchAll(WORD), (m) => m[0]);
  for (let i = 0; i < words.length; i++) {
    const m = monthAt(words, i);
    if (!m) continue;
    let end = m.end;
    // «كانون الأول/ديسمبر»: the same month named twice.
    const again = end < words.length ? monthAt(words, end) : undefined;
    if (again && again.month === m.month) end = again.end;
    const before = words[m.start - 1];
    const after = words[end];
    const afterNext = words[end + 1];
    // `12 December 2023`, `١٢ ديسمبر ٢٠٢٣`
    if (isDay(before) && isYear(after)) {
      const d = iso(+after!, m.month, +before!);
      if (d) return d;
    }
    // `December 12, 2023`
    if (isDay(after) && isYear(afterNext)) {
      const d = iso(+afterNext!, m.month, +after!);
      if (d) return d;
    }
    i = end - 1;
  }
  return undefined;
}

/** The date in `text` as `YYYY-MM-DD`, or undefined when there is no unambiguous full date. */
export function parseDate(text: string): string | undefined {
  const s = foldForDates(text).trim();
  if (!s) return undefined;
  return fromNumbers(s) ?? fromMonthNames(s);
}

/**
 * The Article date fields for a raw value: `{date}` when parseable, else `{dateText}`; `{}` for
 * values that are not text, a number or a Date.
 */
export function dateFields(raw: unknown): { date?: string; dateText?: string } {
  if (raw === undefined || raw === null) return {};
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? {} : { date: raw.toISOString().slice(0, 10) };
  // A JSON number in a date field: Unix time in seconds (10 digits) or milliseconds (13 digits), UTC.
  if (typeof raw === 'number' && Number.isInteger(raw)) {
    const ms = raw >= 1e9 && raw < 1e10 ? raw * 1000 : raw >= 1e12 && raw < 1e13 ? raw : NaN;
    if (!Number.isNaN(ms)) return { date: new Date(ms).toISOString().slice(0, 10) };
  }
  // Only text is a printed date; objects, arrays and booleans are not (and may not even have a
  // string form, e.g. {"toString": null}).
  if (typeof raw !== 'string' && typeof raw !== 'number') return {};
  const text = String(raw).trim();
  if (!text) return {};
  const date = parseDate(text);
  return date ? { date } : { dateText: text };
}
