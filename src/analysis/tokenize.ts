/**
 * Tokenizer: finds word spans in the ORIGINAL text, keeping their UTF-16 offsets, so highlights
 * land on the diacritized original. One pass over the code units with a class table (no regex per
 * character, no allocation but the spans).
 *
 * Rules (one row each in test/analysis/tokenize.test.ts):
 *  - a word is a run of letters (\p{L}), digits (\p{N}) and combining marks (\p{M}); marks, tatweel
 *    U+0640 and invisible format controls (ZWNJ U+200C, ZWJ U+200D, LRM/RLM, ALM U+061C, bidi
 *    controls, soft hyphen U+00AD) never start a word and never split one; format controls at
 *    the end of a word are left out of it;
 *  - everything else separates words: spaces, ZWSP U+200B, Latin and Arabic punctuation
 *    (، U+060C ؛ U+061B ؟ U+061F « » ٪ U+066A ۔ U+06D4 …), quotes, hyphens, symbols, emoji,
 *    lone surrogates;
 *  - Arabic letters and digits split (`2018م` → `2018` `م`, `الـ20` → `الـ` `20`); Arabic and
 *    Latin letters split; Latin letters and digits stay together (`mp3`, `G20`);
 *  - a number keeps its separators: 3.5, ٣٫٥ (U+066B), 1,200 (a comma only before exactly three
 *    digits), ١٬٢٠٠ (U+066C); the analyzer folds them (see numberExact in analyzer.ts);
 *  - emails and URLs are one token each.
 */

import { FNV_OFFSET, FNV_PRIME, hashRegion } from './hash.ts';

export interface Span {
  text: string;
  start: number;
  end: number;
}

/** Character classes of UTF-16 code units. */
const SEP = 0; // separates words
const LATIN = 1; // letters of any script but Arabic
const DIGIT = 2; // \p{N}
const ARABIC = 3; // letters of the Arabic script
const MARK = 4; // \p{M}, tatweel: inside a word only, never split it
const FORMAT = 5; // invisible controls: inside a word only, left out at its end
const HIGH = 6; // high surrogate (the pair is classified by code point)

function isArabicScript(cp: number): boolean {
  return (
    (cp >= 0x0600 && cp <= 0x06ff) || (cp >= 0x0750 && cp <= 0x077f) || (cp >= 0x0870 && cp <= 0x08ff) ||
    (cp >= 0xfb50 && cp <= 0xfdff) || (cp >= 0xfe70 && cp <= 0xfefe)
  );
}

function classify(cp: number): number {
  if (cp === 0x0640) return MARK; // tatweel (Lm) stretches a word, never starts one
  if (cp === 0x200b) return SEP; // ZWSP is a break opportunity
  const ch = String.fromCodePoint(cp);
  if (/\p{M}/u.test(ch)) return MARK;
  if (/\p{Cf}/u.test(ch)) return FORMAT;
  if (/\p{N}/u.test(ch)) return DIGIT;
  if (/\p{L}/u.test(ch)) return isArabicScript(cp) ? ARABIC : LATIN;
  return SEP;
}

const CLASS = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) {
  if (c >= 0xd800 && c <= 0xdbff) CLASS[c] = HIGH;
  else if (c >= 0xdc00 && c <= 0xdfff) CLASS[c] = SEP; // a lone low surrogate
  else CLASS[c] = classify(c);
}

/** Class of the code point at i (a surrogate pair is classified whole; a lone surrogate is SEP). */
function classAt(text: string, i: number): number {
  const k = CLASS[text.charCodeAt(i)]!;
  if (k !== HIGH) return k;
  const lo = text.charCodeAt(i + 1);
  if (!(lo >= 0xdc00 && lo <= 0xdfff)) return SEP;
  return astralClass(text.codePointAt(i)!);
}

const astralCache = new Map<number, number>();
function astralClass(cp: number): number {
  let k = astralCache.get(cp);
  if (k === undefined) {
    k = classify(cp);
    if (astralCache.size < 4096) astralCache.set(cp, k);
  }
  return k;
}

function isDigitAt(text: string, i: number): boolean {
  return i < text.length && CLASS[text.charCodeAt(i)] === DIGIT;
}

/**
 * Length of a number separator at `i` that continues the number before it, else 0:
 * . and ٫ U+066B and ٬ U+066C before a digit; a comma before exactly three digits.
 */
function numberSeparatorAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === 0x2e || c === 0x066b || c === 0x066c) return isDigitAt(text, i + 1) ? 1 : 0;
  if (c === 0x2c) {
    return isDigitAt(text, i + 1) && isDigitAt(text, i + 2) && isDigitAt(text, i + 3) && !isDigitAt(text, i + 4) ? 1 : 0;
  }
  return 0;
}

// ---------------------------------------------------------------- emails and URLs
const URL_OR_EMAIL = new RegExp(
  [
    String.raw`(?:https?:\/\/|www\.)[^\s<>"«»،؛]*[^\s<>"«»،؛.,:;!?)\]}'’]`,
    // Starts only where a run of local-part characters starts, at most 64 long (RFC 5321): linear, not O(n²) on long letter runs.
    String.raw`(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]{0,63}[\p{L}\p{N}]@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.[\p{L}]{2,}`,
  ].join('|'),
  'gu',
);

/** Most texts hold no email or URL (one shared empty list, not an array per text). */
const NO_RANGES: readonly number[] = Object.freeze([]);

/** [start, end) ranges of emails and URLs; the regex runs only when the text could hold one. */
function protectedRanges(text: string): readonly number[] {
  if (text.indexOf('@') < 0 && text.indexOf('://') < 0 && text.indexOf('www.') < 0) return NO_RANGES;
  const out: number[] = [];
  URL_OR_EMAIL.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = URL_OR_EMAIL.exec(text)) !== null) out.push(m.index, m.index + m[0].length);
  return out;
}

// ---------------------------------------------------------------- the scanner
/** Spans of all tokens, in order. Never throws. */
export function tokenizeSpans(text: string): Span[] {
  const out: Span[] = [];
  forEachSpan(text, (start, end) => {
    out.push({ text: text.slice(start, end), start, end });
  });
  return out;
}

/**
 * Token spans of one text, in order, in reusable typed arrays: start, end (offsets in the text)
 * and FNV-1a hash of each token's code units (hash.ts hashRegion), computed during the scan.
 */
export class Spans {
  start = new Int32Array(256);
  end = new Int32Array(256);
  hash = new Int32Array(256);
  length = 0;
  /**
   * The scanned text's UTF-16 code units (units[i] = text.charCodeAt(i) for i < text.length),
   * copied in one native call: the scan reads a typed array instead of calling charCodeAt per
   * unit, which V8 does not hoist out of the loop (~25 % less scan CPU, docs/design/search.md).
   * Valid until the next scan into these Spans.
   */
  units = new Uint16Array(1024);
  private unitBytes = Buffer.from(this.units.buffer);

  /** Copies `text`'s code units into `units` (grown as needed) and returns it. */
  loadUnits(text: string): Uint16Array {
    const n = text.length;
    if (n > this.units.length) {
      let size = this.units.length * 2;
      while (size < n) size *= 2;
      this.units = new Uint16Array(size);
      this.unitBytes = Buffer.from(this.units.buffer);
    }
    // 'utf16le' copies the code units as they are (lone surrogates included); Uint16Array reads
    // them in the platform's byte order, little-endian on every platform Node supports here.
    this.unitBytes.write(text, 0, 2 * n, 'utf16le');
    return this.units;
  }

  grow(): void {
    const n = this.start.length * 2;
    const start = new Int32Array(n);
    start.set(this.start);
    this.start = start;
    const end = new Int32Array(n);
    end.set(this.end);
    this.end = end;
    const hash = new Int32Array(n);
    hash.set(this.hash);
    this.hash = hash;
  }
}

/** Spans buffers of forEachSpan calls in progress (a callback may tokenize another text). */
const spanPool: Spans[] = [];
let spanDepth = 0;

/**
 * Calls `onSpan(start, end, hash)` for every token of `text`, in order, without allocating
 * substrings. `hash` is FNV-1a over the token's code units (hash.ts hashRegion).
 */
export function forEachSpan(text: string, onSpan: (start: number, end: number, hash: number) => void): void {
  if (spanDepth === spanPool.length) spanPool.push(new Spans());
  const spans = spanPool[spanDepth++]!;
  try {
    scanSpans(text, spans);
    const { start, end, hash } = spans;
    for (let t = 0; t < spans.length; t++) onSpan(start[t]!, end[t]!, hash[t]!);
  } finally {
    spanDepth--;
  }
}

/**
 * Writes the spans of every token of `text` into `out` (from 0; `out.length` = token count),
 * without allocating substrings. The index path (analyzer.ts analyzeIds) scans a whole text
 * first and looks the tokens up afterwards, so the lookups' cache misses overlap instead of
 * each one stalling the scan.
 */
export function scanSpans(text: string, out: Spans): void {
  let count = 0;
  let starts = out.start;
  let ends = out.end;
  let hashes = out.hash;
  const ranges = protectedRanges(text);
  let r = 0;
  let nextProtected = ranges.length ? ranges[0]! : Infinity;
  const n = text.length;
  const u = out.loadUnits(text);
  let i = 0;
  while (i < n) {
    if (i >= nextProtected) {
      const end = ranges[r + 1]!;
      if (count === starts.length) {
        out.grow();
        ({ start: starts, end: ends, hash: hashes } = out);
      }
      starts[count] = i;
      ends[count] = end;
      hashes[count++] = hashRegion(text, i, end);
      i = end;
      r += 2;
      nextProtected = r < ranges.length ? ranges[r]! : Infinity;
      continue;
    }
    let code = u[i]!;
    let k = CLASS[code]!;
    if (k === HIGH) k = classAt(text, i);
    if (k !== LATIN && k !== ARABIC && k !== DIGIT) {
      i++;
      continue;
    }
    // A word starts at i. It stays in one script group: Arabic letters, or Latin letters and digits.
    const start = i;
    const arabic = k === ARABIC;
    let numeric = k === DIGIT; // only digits so far: number separators may continue it
    let h = Math.imul(FNV_OFFSET ^ code, FNV_PRIME);
    if (CLASS[code] === HIGH) h = Math.imul(h ^ u[++i]!, FNV_PRIME);
    i++;
    let end = i;
    let hEnd = h;
    const stop = nextProtected < n ? nextProtected : n;
    while (i < stop) {
      code = u[i]!;
      let c = CLASS[code]!;
      if (c === k) {
        // The common case first: another unit of the word's own class (a letter of its script, or
        // a digit of a number), which the general branches below would take the same way.
        h = Math.imul(h ^ code, FNV_PRIME);
        end = ++i;
        hEnd = h;
        continue;
      }
      if (c === HIGH) {
        c = classAt(text, i);
        if (c !== SEP) {
          // A surrogate pair: one code point, two code units.
          if (c === FORMAT) {
            h = Math.imul(Math.imul(h ^ code, FNV_PRIME) ^ u[i + 1]!, FNV_PRIME);
            i += 2;
            continue;
          }
          if (c !== MARK && (c === ARABIC) !== arabic) break;
          if (c !== DIGIT && c !== MARK) numeric = false;
          h = Math.imul(Math.imul(h ^ code, FNV_PRIME) ^ u[i + 1]!, FNV_PRIME);
          i += 2;
          end = i;
          hEnd = h;
          continue;
        }
      }
      if (c === MARK) {
        h = Math.imul(h ^ code, FNV_PRIME);
        end = ++i;
        hEnd = h;
      } else if (c === FORMAT) {
        h = Math.imul(h ^ code, FNV_PRIME); // part of the word only if the word goes on after it
        i++;
      } else if (c === SEP) {
        // 1,200 / 3.5 / ٣٫٥: the separator is kept when a digit follows it (end moves with that digit).
        if (!numeric || end !== i || numberSeparatorAt(text, i) === 0) break;
        h = Math.imul(h ^ code, FNV_PRIME);
        i++;
      } else {
        if ((c === ARABIC) !== arabic) break; // Arabic letters split from digits and Latin letters
        if (c !== DIGIT) numeric = false;
        h = Math.imul(h ^ code, FNV_PRIME);
        end = ++i;
        hEnd = h;
      }
    }
    if (count === starts.length) {
      out.grow();
      ({ start: starts, end: ends, hash: hashes } = out);
    }
    starts[count] = start;
    ends[count] = end;
    hashes[count++] = hEnd;
    i = end;
  }
  out.length = count;
}
