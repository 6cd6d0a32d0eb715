/**
 * A word scanner for highlighting: the same token spans as the analyzer's tokenizer
 * (src/analysis/tokenize.ts forEachSpan), with each token's letter mask (letters.ts) computed in
 * the same pass, and no hashing, no callback per token. It measured ~5× faster than forEachSpan
 * plus a second pass for the masks, which was most of a snippet's cost.
 *
 * It does not restate the tokenizer's rules; it handles only what it can read off the tokenizer:
 *  - the class of each "plain" code unit is found at load time by tokenizing probe strings with
 *    tokenizeSpans (does it start a word alone, join ب…ب / a…a / 1…1, stay at the end of a
 *    word, continue a number: 1.1, 1,111);
 *  - a word is then a run of units of one group (Arabic letters / Latin letters and digits) and
 *    marks, as in the tokenizer; anything else is handed back to forEachSpan on a piece of the
 *    text: a unit that is not plain (astral characters, presentation forms, accented Latin…),
 *    or a number followed by a separator (3.5, 1,200). The piece starts at the current word and
 *    ends at the next plain separator: the tokenizer never looks across one, so the piece's
 *    tokens are the text's;
 *  - a text that could hold an email or URL (the tokenizer's own test: @, ://, www.) is not
 *    scanned here at all (the caller uses forEachSpan).
 * test/highlight/letters.test.ts compares it with forEachSpan on random and real texts.
 */
import { forEachSpan, tokenizeSpans } from '../analysis/tokenize.ts';
import { maskOf, UNIT_MASK as IMPORTED_UNIT_MASK } from './letters.ts';

// Module-local: tsx compiles an imported binding to a getter call per access, which cost more than
// the whole scan loop (measured: 0.09 → 0.0x ms per 1,000-word text).
const UNIT_MASK = IMPORTED_UNIT_MASK;

const NOT_PLAIN = 0;
const SEP = 1; // separates words and never continues a number
const NUMBER_SEP = 2; // separates words, but continues a number before a digit (. , ٫ ٬)
const ARABIC = 3;
const LATIN = 4;
const DIGIT = 5;
const MARK = 6; // inside a word only; part of it at its end
const FORMAT = 7; // inside a word only; left out at its end

function spansOf(s: string): string {
  return tokenizeSpans(s).map((t) => `${t.start}-${t.end}`).join(' ');
}

/** The tokenizer's class of code unit u, read from how it tokenizes probe strings. */
function probe(u: number): number {
  const ch = String.fromCharCode(u);
  const is = (s: string, spans: string) => spansOf(s) === spans;
  const safe = UNIT_MASK[u]! >= 0; // a word unit must also have a letter mask
  const alone = spansOf(ch);
  if (alone === '0-1') {
    if (!safe || !is(ch + ch, '0-2')) return NOT_PLAIN;
    if (is('ب' + ch, '0-2') && is(ch + 'ب', '0-2') && is('a' + ch, '0-1 1-2') && is('1' + ch, '0-1 1-2')) return ARABIC;
    if (is('a' + ch, '0-2') && is(ch + 'a', '0-2') && is('ب' + ch, '0-1 1-2') && is('1' + ch, '0-2')) {
      if (is(ch + '.1', '0-3') && is(ch + ',111', '0-5') && is(ch + '.a', '0-1 2-3')) return DIGIT;
      if (is(ch + '.1', '0-1 2-3') && is(ch + ',111', '0-1 2-5')) return LATIN;
    }
    return NOT_PLAIN;
  }
  if (alone !== '') return NOT_PLAIN;
  if (is('ب' + ch + 'ب', '0-3') && is('a' + ch + 'a', '0-3') && is('1' + ch + '1', '0-3') && safe) {
    if (is('ب' + ch, '0-2') && is('a' + ch, '0-2') && is('1' + ch + '.1', '0-4')) return MARK;
    if (is('ب' + ch, '0-1') && is('a' + ch, '0-1') && is('1' + ch + '.1', '0-1 3-4')) return FORMAT;
    return NOT_PLAIN;
  }
  if (is('ب' + ch + 'ب', '0-1 2-3') && is('a' + ch + 'a', '0-1 2-3')) {
    const inNumber = !is('1' + ch + '1', '0-1 2-3') || !is('1' + ch + '111', '0-1 2-5');
    return inNumber ? NUMBER_SEP : SEP;
  }
  return NOT_PLAIN;
}

/** Ranges probed (the rest is NOT_PLAIN): Latin, combining marks, Arabic, general punctuation, BOM. */
const PROBED: readonly (readonly [number, number])[] = [[0x0000, 0x036f], [0x0600, 0x06ff], [0x2000, 0x206f], [0xfeff, 0xfeff]];
const CLASS = new Uint8Array(0x10000);
for (const [from, to] of PROBED) for (let u = from; u <= to; u++) CLASS[u] = probe(u);

/** Receives each token: offsets and letter mask (negative when a unit is not safe, see letters.ts). */
export type OnWord = (start: number, end: number, mask: number) => void;

/**
 * The fast path's table: for a unit that continues an Arabic word (class ARABIC or MARK) its letter
 * mask with IN_ARABIC_WORD set, and SIGN also set for a MARK (which cannot start a word); 0 for
 * any other unit. A word of Arabic letters and marks then costs one lookup per unit. The letter
 * masks of safe units never use bits 30 and 31 (letters.ts), so both tags are cleared afterwards.
 */
const IN_ARABIC_WORD = 1 << 30;
const SIGN = 1 << 31;
const ARABIC_RUN = new Int32Array(0x10000);
for (let u = 0; u < 0x10000; u++) {
  if (CLASS[u] === ARABIC) ARABIC_RUN[u] = UNIT_MASK[u]! | IN_ARABIC_WORD;
  else if (CLASS[u] === MARK) ARABIC_RUN[u] = UNIT_MASK[u]! | IN_ARABIC_WORD | SIGN;
}
const TAGS = IN_ARABIC_WORD | SIGN;

/** True when forEachSpan would look for emails and URLs in `text` (tokenize.ts protectedRanges). */
export function mayHoldLinks(text: string): boolean {
  return text.indexOf('@') >= 0 || text.indexOf('://') >= 0 || text.indexOf('www.') >= 0;
}

/** Token spans of the last scan (scanSpans): [starts[i], ends[i]) with letter mask masks[i], i < n. Reused. */
export interface Spans {
  starts: Int32Array;
  ends: Int32Array;
  masks: Int32Array;
  n: number;
}

const spans: Spans = { starts: new Int32Array(1024), ends: new Int32Array(1024), masks: new Int32Array(1024), n: 0 };

function grow(atLeast = 0): void {
  const size = Math.max(spans.starts.length * 2, atLeast);
  const copy = (a: Int32Array) => {
    const b = new Int32Array(size);
    b.set(a);
    return b;
  };
  spans.starts = copy(spans.starts);
  spans.ends = copy(spans.ends);
  spans.masks = copy(spans.masks);
}

function push(start: number, end: number, mask: number): void {
  const n = spans.n;
  if (n === spans.starts.length) grow();
  spans.starts[n] = start;
  spans.ends[n] = end;
  spans.masks[n] = mask;
  spans.n = n + 1;
}

/** forEachSpan's tokens of text[from, next SEP unit) into `spans`; returns that end. */
function handBack(text: string, from: number): number {
  let to = from;
  while (to < text.length && CLASS[text.charCodeAt(to)] !== SEP) to++;
  forEachSpan(text.slice(from, to), (s, e) => push(from + s, from + e, maskOf(text, from + s, from + e)));
  return to;
}

/**
 * Every token of `text` in order (forEachSpan's spans, with letter masks), into the shared
 * buffers: valid until the next call. Empty tokens (only deleted characters) are included.
 */
export function scanSpans(text: string): Spans {
  spans.n = 0;
  if (mayHoldLinks(text)) forEachSpan(text, (start, end) => push(start, end, maskOf(text, start, end)));
  else scanPlain(text);
  return spans;
}

/** Calls onWord for every token of `text` in order. The caller checks mayHoldLinks(text) first. */
export function scanWords(text: string, onWord: OnWord): void {
  spans.n = 0;
  scanPlain(text);
  const { starts, ends, masks, n } = spans;
  for (let t = 0; t < n; t++) onWord(starts[t]!, ends[t]!, masks[t]!);
}

/**
 * The text's UTF-16 code units in a reused array (one native copy): the scan reads them from a
 * typed array, which V8 loads in fewer instructions than charCodeAt (whose string representation
 * is checked at every call): a bare word loop 1.8 → 1.3 ns per unit, copy included.
 */
let UNITS = new Uint16Array(4096);
let UNIT_BYTES = Buffer.from(UNITS.buffer);

function codeUnits(text: string): Uint16Array {
  if (UNITS.length < text.length) {
    UNITS = new Uint16Array(Math.max(text.length, UNITS.length * 2));
    UNIT_BYTES = Buffer.from(UNITS.buffer);
  }
  UNIT_BYTES.write(text, 0, 'utf16le'); // code units as they are, lone surrogates included
  return UNITS;
}

/**
 * Whether the number separator u[i] (after a number's last digit) continues the number, as the
 * tokenizer's numberSeparatorAt decides (tokenize.ts: . ٫ ٬ before a digit; a comma before
 * exactly three digits): 1 yes, 0 no, −1 when a unit it depends on is not plain (the tokenizer
 * decides). Numbers with separators are common in news (prices, percentages, years before a full
 * stop): handing each back to the tokenizer cost more than the rest of its page's scan.
 */
function numberSeparator(u: Uint16Array, i: number, n: number, c: number): number {
  if (c === 0x2e || c === 0x066b || c === 0x066c) return digitAt(u, i + 1, n);
  if (c === 0x2c) {
    for (let j = 1; j <= 3; j++) {
      const d = digitAt(u, i + j, n);
      if (d !== 1) return d;
    }
    const d = digitAt(u, i + 4, n);
    return d < 0 ? -1 : 1 - d;
  }
  return -1;
}

/** 1 when u[i] is a digit to the tokenizer, 0 when it is not (or i is past the end), −1 when not plain. */
function digitAt(u: Uint16Array, i: number, n: number): number {
  if (i >= n) return 0;
  const k = CLASS[u[i]!]!;
  return k === DIGIT ? 1 : k === NOT_PLAIN ? -1 : 0;
}

/** The word scan proper (a text without links). */
function scanPlain(text: string): void {
  const u = codeUnits(text);
  const cls = CLASS; // locals: the loop below runs per code unit
  const unitMask = UNIT_MASK;
  const arabicRun = ARABIC_RUN;
  const n = text.length;
  // Room for every token up front (a text has at most one per code unit), so the arrays are
  // fixed for the whole scan and the loop stores without a capacity test.
  if (spans.starts.length < n + 1) grow(n + 1);
  const { starts, ends, masks } = spans;
  let count = spans.n;
  let i = 0;
  while (i < n) {
    let c = u[i]!;
    // Fast path: a word of Arabic letters and marks followed by a plain separator or the end (most
    // words). Anything else after it (a format control, another script, a digit, a unit that is
    // not plain) and the general loop below scans the word again from its start.
    let v = arabicRun[c]!;
    if (v > 0) {
      const start = i;
      let m = v;
      i++;
      while (i < n && (v = arabicRun[u[i]]!) !== 0) {
        m |= v;
        i++;
      }
      const k = i < n ? cls[u[i]]! : SEP;
      if (k === SEP || k === NUMBER_SEP) {
        starts[count] = start;
        ends[count] = i;
        masks[count] = m & ~TAGS;
        count++;
        i++; // the separator, and the plain separators after it (as the loop's top would skip them)
        while (i < n && cls[u[i]] === SEP) i++;
        continue;
      }
      i = start;
      c = u[i]!;
    }
    let k = cls[c]!;
    if (k < ARABIC || k > DIGIT) {
      if (k === NOT_PLAIN) {
        spans.n = count;
        i = handBack(text, i);
        count = spans.n;
      } else i++;
      continue;
    }
    const start = i;
    const arabic = k === ARABIC;
    let numeric = k === DIGIT;
    let m = unitMask[c]!;
    let mEnd = m;
    let end = ++i;
    for (; i < n; i++) {
      c = u[i]!;
      k = cls[c]!;
      if (k === MARK) {
        m |= unitMask[c]!;
        mEnd = m;
        end = i + 1;
      } else if (k === FORMAT) {
        m |= unitMask[c]!;
      } else if (k >= ARABIC) {
        if ((k === ARABIC) !== arabic) break;
        if (k !== DIGIT) numeric = false;
        m |= unitMask[c]!;
        // The units after it of the same class change nothing but the mask: take the run in a
        // tight loop (one class test per unit instead of the chain above; most of a word).
        let j = i + 1;
        while (j < n) {
          const c2 = u[j]!;
          if (cls[c2] !== k) break;
          m |= unitMask[c2]!;
          j++;
        }
        i = j - 1;
        mEnd = m;
        end = j;
      } else if (k === NUMBER_SEP && numeric && end === i) {
        const kept = numberSeparator(u, i, n, c);
        if (kept < 0) {
          end = -1; // a unit the scan cannot classify: the tokenizer decides this word
          break;
        }
        if (kept === 0) break;
        m |= unitMask[c]!; // 3.5, 1,200: the separator is part of the number (a digit follows)
      } else if (k === NOT_PLAIN) {
        end = -1; // the tokenizer decides this word
        break;
      } else break;
    }
    if (end < 0) {
      spans.n = count;
      i = handBack(text, start);
      count = spans.n;
      continue;
    }
    starts[count] = start;
    ends[count] = end;
    masks[count] = mEnd;
    count++;
    i = end;
  }
  spans.n = count;
}
