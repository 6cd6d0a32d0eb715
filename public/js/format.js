/**
 * Arabic formatting: numbers in Arabic-Indic digits (U+0660–U+0669), Gregorian dates with
 * Arabic month names («١٢ ديسمبر ٢٠٢٣»), and counted nouns with the six Arabic plural
 * categories (Intl.PluralRules: zero, one, two, few = 3–10, many = 11–99, other).
 */

const LOCALE = 'ar-EG';
const numberFormat = new Intl.NumberFormat(LOCALE);
const pluralRules = new Intl.PluralRules(LOCALE);

const dateFormats = {
  day: new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'long', year: 'numeric', calendar: 'gregory', timeZone: 'UTC' }),
  month: new Intl.DateTimeFormat(LOCALE, { month: 'long', year: 'numeric', calendar: 'gregory', timeZone: 'UTC' }),
  year: new Intl.DateTimeFormat(LOCALE, { year: 'numeric', calendar: 'gregory', timeZone: 'UTC' }),
};

export function formatNumber(n) {
  return numberFormat.format(n);
}

/** Seconds with up to two decimals, from milliseconds: «٠٫٠٢ ثانية». */
export function formatSeconds(ms) {
  const seconds = Math.max(0, Number(ms) || 0) / 1000;
  const digits = seconds < 0.01 ? 3 : 2;
  return `${new Intl.NumberFormat(LOCALE, { maximumFractionDigits: digits }).format(seconds)} ثانية`;
}

/**
 * `YYYY`, `YYYY-MM` or `YYYY-MM-DD` → Arabic text; anything else is returned unchanged
 * (the archive keeps unparseable dates as their raw text).
 */
export function formatDate(iso) {
  if (typeof iso !== 'string') return '';
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso.trim());
  if (!m) return iso;
  const [, y, mo, d] = m;
  const date = new Date(Date.UTC(Number(y), mo ? Number(mo) - 1 : 0, d ? Number(d) : 1));
  if (Number.isNaN(date.getTime())) return iso;
  return dateFormats[d ? 'day' : mo ? 'month' : 'year'].format(date);
}

/**
 * A counted noun. `forms` maps plural categories to templates where `#` is the number:
 * {one: 'نتيجة واحدة', two: 'نتيجتان', few: '# نتائج', other: '# نتيجة'}.
 */
export function countPhrase(n, forms) {
  const category = pluralRules.select(n);
  const template = forms[category] ?? forms.other;
  return template.replace('#', formatNumber(n));
}

export const COUNTS = {
  results: { zero: 'لا نتائج', one: 'نتيجة واحدة', two: 'نتيجتان', few: '# نتائج', many: '# نتيجة', other: '# نتيجة' },
  articles: { zero: 'لا مقالات', one: 'مقال واحد', two: 'مقالان', few: '# مقالات', many: '# مقالاً', other: '# مقال' },
  otherPapers: {
    one: 'منشور أيضاً في صحيفة أخرى',
    two: 'منشور أيضاً في صحيفتين أخريين',
    few: 'منشور أيضاً في # صحف أخرى',
    many: 'منشور أيضاً في # صحيفة أخرى',
    other: 'منشور أيضاً في # صحيفة أخرى',
  },
};

/** Arabic-Indic and Eastern Arabic-Indic digits (U+0660–U+0669, U+06F0–U+06F9) → ASCII. */
export function toAsciiDigits(text) {
  return String(text).replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (c) => String(c.charCodeAt(0) & 0xF));
}

/** ASCII digits → Arabic-Indic (U+0660–U+0669), other characters unchanged: «2023-12» → «٢٠٢٣-١٢». */
export function toArabicDigits(text) {
  return String(text).replace(/[0-9]/g, (c) => String.fromCharCode(0x0660 + Number(c)));
}
