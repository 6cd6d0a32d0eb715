/**
 * Query lexer: one left-to-right pass, O(n), never throws.
 * Tokens: ( ) · +/- operators (NOT = -) · OR (also `أو`, `او`, `|`, `||`) · AND (`&&`) · quoted phrases (" " « » “ ” „)
 * · `field:` prefixes (known field names only; `http:` or `foo:` stay plain text) · bare runs.
 */
import { fieldByName, type QueryField } from './fields.ts';
import { normalizeTerm } from '../analysis/analyzer.ts';

export type LexToken =
  | { t: 'lparen'; start: number; end: number }
  | { t: 'rparen'; start: number; end: number }
  | { t: 'op'; op: '+' | '-'; start: number; end: number }
  | { t: 'or'; start: number; end: number }
  /** AND / && between clauses: both sides required. */
  | { t: 'and'; start: number; end: number }
  /** Inner text of a quoted phrase (only a quote with its closing partner makes one). */
  | { t: 'phrase'; text: string; start: number; end: number }
  | { t: 'field'; field: QueryField; start: number; end: number }
  | { t: 'run'; text: string; start: number; end: number };

/** Opening quote → the characters accepted as its closing quote. */
const QUOTES: ReadonlyMap<string, string> = new Map([
  ['"', '"”“'],
  ['\u00AB', '\u00BB'], // « → »
  ['\u201C', '\u201D"\u201C'], // “ → ” (or " or “, keyboards mix them)
  ['\u201D', '\u201D"\u201C'], // ” used as an opening quote
  ['\u201E', '\u201C\u201D"'], // „ → “ ”
]);

const OR_WORDS = new Set(['OR', '|', '||']);
const AND_WORDS = new Set(['AND', '&&']);
/** NOT before a term is the same as a leading `-`. */
const NOT_WORDS = new Set(['NOT']);
const OR_ARABIC = 'او'; // أو / او after normalization (U+0623 → U+0627)

function isSpace(c: string): boolean {
  return /\s/u.test(c);
}

/** LRM U+200E / RLM U+200F: pasted around words they separate like a space; between two letters
 *  (a word copied out of bidi text) they are part of the word, which the analyzer joins. */
function isBidiMark(c: string): boolean {
  return c === '\u200F' || c === '\u200E';
}

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
function isBidiBreak(q: string, i: number): boolean {
  return isBidiMark(q[i]!) && !(WORD_CHAR.test(q[i - 1] ?? '') && WORD_CHAR.test(q[i + 1] ?? ''));
}

/** List punctuation separates query words like a space: ، U+060C, ؛ U+061B, ;, and a comma that
 *  is not inside a number (1,200 stays one token). `عمان،قطر` is two words, not a phrase. */
function isListBreak(q: string, i: number): boolean {
  const c = q[i]!;
  if (c === '\u060C' || c === '\u061B' || c === ';') return true;
  if (c !== ',') return false;
  return !(/\d/.test(q[i - 1] ?? '') && /\d/.test(q[i + 1] ?? ''));
}

function isRunChar(c: string): boolean {
  return !isSpace(c) && c !== '(' && c !== ')' && !QUOTES.has(c);
}

/** Whether one of `closers` occurs after `i`; `lastAt` caches each character's last index in q. */
function hasCloserAfter(q: string, i: number, closers: string, lastAt: Map<string, number>): boolean {
  for (const c of closers) {
    let last = lastAt.get(c);
    if (last === undefined) lastAt.set(c, (last = q.lastIndexOf(c)));
    if (last > i) return true;
  }
  return false;
}

export function lexQuery(q: string): LexToken[] {
  const out: LexToken[] = [];
  const lastAt = new Map<string, number>();
  const n = q.length;
  let i = 0;
  while (i < n) {
    const c = q[i]!;
    if (isSpace(c) || isBidiMark(c) || isListBreak(q, i)) {
      i++;
      continue;
    }
    if (c === '(') {
      out.push({ t: 'lparen', start: i, end: i + 1 });
      i++;
      continue;
    }
    if (c === ')') {
      out.push({ t: 'rparen', start: i, end: i + 1 });
      i++;
      continue;
    }
    const closers = QUOTES.get(c);
    if (closers !== undefined) {
      // A quote without a closing partner is not a phrase: it is skipped and what follows is
      // read as plain words. It is a user still typing (`"وزير الخارجية`, whose words the
      // proximity re-scoring keeps adjacent first) or a quote glued inside copied text
      // (`لـ"العربية نت عن`), never a phrase to the end of the query, which found nothing.
      // (Checked against each closer's last position, so 100k unclosed quotes stay linear.)
      if (!hasCloserAfter(q, i, closers, lastAt)) {
        i++;
        continue;
      }
      let j = i + 1;
      while (!closers.includes(q[j]!)) j++;
      out.push({ t: 'phrase', text: q.slice(i + 1, j), start: i, end: j + 1 });
      i = j + 1;
      continue;
    }
    // An operator: + or - at the start of a term, directly followed by the term.
    if ((c === '+' || c === '-') && i + 1 < n && !isSpace(q[i + 1]!) && q[i + 1] !== ')' && q[i + 1] !== '+' && q[i + 1] !== '-') {
      out.push({ t: 'op', op: c, start: i, end: i + 1 });
      i++;
      continue;
    }
    let j = i;
    while (j < n && isRunChar(q[j]!) && !isListBreak(q, j) && !isBidiBreak(q, j)) j++;
    pushRun(out, q.slice(i, j), i);
    i = j;
  }
  return out;
}

/** A bare run: an OR keyword, `field:value`, `field:` (value follows), or plain text. */
function pushRun(out: LexToken[], text: string, start: number): void {
  const end = start + text.length;
  if (OR_WORDS.has(text) || (text.length <= 6 && normalizeTerm(text) === OR_ARABIC)) {
    out.push({ t: 'or', start, end });
    return;
  }
  if (AND_WORDS.has(text)) {
    out.push({ t: 'and', start, end });
    return;
  }
  if (NOT_WORDS.has(text)) {
    out.push({ t: 'op', op: '-', start, end });
    return;
  }
  const colon = text.indexOf(':');
  if (colon > 0) {
    const field = fieldByName(text.slice(0, colon));
    if (field !== undefined) {
      out.push({ t: 'field', field, start, end: start + colon + 1 });
      if (colon + 1 < text.length) out.push({ t: 'run', text: text.slice(colon + 1), start: start + colon + 1, end });
      return;
    }
  }
  out.push({ t: 'run', text, start, end });
}
