/**
 * Highlighting on the ORIGINAL text from analyze() token offsets: every text piece is HTML-escaped,
 * then whole matched words are wrapped in <mark> (marks never split a word and never include the
 * punctuation around it). Marks separated only by spaces (no line break) are merged into one,
 * so a matched phrase or two adjacent query words read as one highlight.
 *
 * Texts are scanned once into token offsets and letter masks (text-tokens.ts); only tokens that can
 * match are analyzed (match.ts, letters.ts). Same tokens and matches as analyze() + the rules.
 *
 * Snippets: score every window of `words` tokens in one O(n) sliding pass by the
 * weighted number of DISTINCT query parts in it, take the best window, then up to `fragments`
 * more that each add a query part not shown yet; fragments are shown in text order, joined by
 * " … ", with a leading/trailing "…" where text was cut.
 */
import type { MatchSpec } from '../contracts.ts';
import type { Token } from '../types.ts';
import { escapeHtml, escapeRange, WHITE_SPACE as IMPORTED_WHITE_SPACE } from './escape.ts';
import { findMatches, isEmptySpec, NO_MATCHES, type Matches } from './match.ts';
import { fromTokens, scanText, type TextTokens } from './text-tokens.ts';

export interface SnippetOptions {
  /** Maximum number of fragments (1–3 recommended). Default 3. */
  fragments?: number;
  /** Words per fragment. Default 30. */
  words?: number;
}

const ELLIPSIS = '…';
const DEFAULT_FRAGMENTS = 3;
const DEFAULT_WORDS = 30;

/** The whole text, escaped, with <mark> around matched words. */
export function highlightHtml(text: string, spec: MatchSpec): string {
  if (isEmptySpec(spec)) return escapeHtml(text);
  const tt = scanText(text);
  return renderRange(text, tt, findMatches(tt, spec), 0, text.length, false);
}

/** The best 1–`fragments` passages of ~`words` words, escaped and marked; the opening with no match. */
export function snippetHtml(text: string, spec: MatchSpec, opts?: SnippetOptions): string {
  if (isEmptySpec(spec)) return openingSnippet(text, Math.max(1, Math.floor(opts?.words ?? DEFAULT_WORDS)));
  return snippetOf(text, scanText(text), spec, opts);
}

/**
 * The opening `words` words without analyzing the whole text (browse lists have no query):
 * analyze a prefix cut at a space, doubling it until it holds more than `words` tokens or is the
 * whole text. Same output as the no-match case of snippetFromTokens.
 */
function openingSnippet(text: string, words: number): string {
  let end = Math.min(text.length, words * 16);
  for (;;) {
    while (end < text.length && !isSpace(text, end)) end++;
    const tt = scanText(end < text.length ? text.slice(0, end) : text);
    if (tt.n > words || end >= text.length) {
      if (tt.n === 0) return escapeHtml(collapseSpaces(text.trim()));
      return renderFragments(text, tt, NO_MATCHES, [[0, Math.min(tt.n, words) - 1]]);
    }
    end = Math.min(text.length, end * 2);
  }
}

/** As snippetHtml(tt.text, …), for a caller that keeps the text's scan (text-tokens.ts scanTextOwned). */
export function snippetFromScan(tt: TextTokens, spec: MatchSpec, opts?: SnippetOptions): string {
  if (isEmptySpec(spec)) return openingSnippet(tt.text, Math.max(1, Math.floor(opts?.words ?? DEFAULT_WORDS)));
  return snippetOf(tt.text, tt, spec, opts);
}

/** As snippetHtml, for a caller that already has `analyze(text)`. */
export function snippetFromTokens(text: string, tokens: readonly Token[], spec: MatchSpec, opts?: SnippetOptions): string {
  return snippetOf(text, fromTokens(text, tokens), spec, opts);
}

function snippetOf(text: string, tt: TextTokens, spec: MatchSpec, opts?: SnippetOptions): string {
  const words = Math.max(1, Math.floor(opts?.words ?? DEFAULT_WORDS));
  const maxFragments = Math.max(1, Math.floor(opts?.fragments ?? DEFAULT_FRAGMENTS));
  const n = tt.n;
  if (n === 0) return escapeHtml(collapseSpaces(text.trim()));
  const matches = findMatches(tt, spec);
  if (matches.n === 0 || n <= words) {
    const last = Math.min(n, words) - 1;
    return renderFragments(text, tt, matches, [[0, last]]);
  }
  const windows = chooseWindows(n, matches, words, maxFragments);
  return renderFragments(text, tt, matches, windows);
}

// ---------------------------------------------------------------- window choice

/** Per key (Matches.key): occurrences in the current window, and shown by a chosen fragment. Reused. */
let COUNTS = new Int32Array(64);
let SHOWN = new Uint8Array(64);

/** Token ranges [first, last] of the chosen fragments, in text order. */
function chooseWindows(n: number, matches: Matches, words: number, maxFragments: number): [number, number][] {
  const chosen: [number, number][] = [];
  const mKey = matches.key;
  let keys = 0;
  for (let i = 0; i < matches.n; i++) if (mKey[i]! >= keys) keys = mKey[i]! + 1;
  if (COUNTS.length < keys) {
    COUNTS = new Int32Array(keys * 2);
    SHOWN = new Uint8Array(keys * 2);
  }
  const shown = SHOWN;
  shown.fill(0, 0, keys);
  for (let f = 0; f < maxFragments; f++) {
    const best = bestWindow(n, matches, words, shown, chosen, keys);
    if (best < 0) break;
    const range = centre(best, n, matches, words, chosen);
    chosen.push(range);
    for (let i = 0; i < matches.n; i++) if (matches.first[i]! >= range[0] && matches.last[i]! <= range[1]) shown[mKey[i]!] = 1;
  }
  return chosen.sort((a, b) => a[0] - b[0]);
}

/**
 * Start token of the window with the highest score among windows not overlapping `taken`,
 * counting only keys not in `shown` (distinct, weighted) plus a small bonus per occurrence.
 * Returns -1 when no window adds a new key. One sliding pass over the matches: O(n + matches).
 */
function bestWindow(n: number, matches: Matches, words: number, shown: Uint8Array, taken: readonly [number, number][], keys: number): number {
  const { first, last, key, weight } = matches;
  const count = matches.n;
  const counts = COUNTS;
  counts.fill(0, 0, keys);
  let distinct = 0;
  let occurrences = 0;
  let bestScore = 0;
  let bestStart = -1;
  let lo = 0; // first match still inside the window
  let hi = 0; // first match not yet added
  // Candidate windows start at each match (a window that starts with no match can be shifted right
  // without losing anything), which keeps the pass proportional to the number of matches.
  for (let s = 0; s < count; s++) {
    const start = first[s]!;
    const end = Math.max(start + words - 1, last[s]!); // inclusive; a long phrase stays whole
    while (hi < count && last[hi]! <= end) {
      const m = hi++;
      occurrences++;
      const k = key[m]!;
      if (shown[k] === 1) continue;
      const c = counts[k]!;
      if (c === 0) distinct += weight[m]!;
      counts[k] = c + 1;
    }
    while (lo < s) {
      const m = lo++; // added earlier: hi > s > lo
      occurrences--;
      const k = key[m]!;
      if (shown[k] === 1) continue;
      const c = counts[k]! - 1;
      counts[k] = c;
      if (c === 0) distinct -= weight[m]!;
    }
    if (distinct <= 0) continue;
    if (overlaps(start, Math.min(end, n - 1), taken)) continue;
    const score = distinct + 0.01 * Math.min(occurrences, 50);
    if (score > bestScore) {
      bestScore = score;
      bestStart = start;
    }
  }
  return bestStart;
}

function overlaps(a: number, b: number, taken: readonly [number, number][]): boolean {
  for (const [x, y] of taken) if (a <= y && x <= b) return true;
  return false;
}

/** Shifts a window starting at `start` so its matches sit in the middle, within the text and free space. */
function centre(start: number, n: number, matches: Matches, words: number, taken: readonly [number, number][]): [number, number] {
  const end = Math.min(n - 1, start + words - 1);
  let lastMatch = start;
  for (let i = 0; i < matches.n; i++) {
    const first = matches.first[i]!;
    const last = matches.last[i]!;
    if (first === start) lastMatch = Math.max(lastMatch, last); // a long phrase stays whole
    else if (first > start && last <= end) lastMatch = Math.max(lastMatch, last);
  }
  const slack = words - (lastMatch - start + 1);
  let lo = Math.max(0, start - Math.floor(slack / 2));
  let hi = Math.min(n - 1, lo + words - 1);
  lo = Math.max(0, hi - words + 1);
  // Do not run into an already chosen fragment: give back the borrowed context.
  for (const [x, y] of taken) {
    if (lo <= y && y < start) lo = y + 1;
    if (hi >= x && x > end) hi = x - 1;
  }
  return [Math.min(lo, start), Math.max(hi, lastMatch)];
}

// ---------------------------------------------------------------- rendering

function renderFragments(text: string, tt: TextTokens, matches: Matches, windows: readonly [number, number][]): string {
  const parts: string[] = [];
  let openEnd = false;
  for (let w = 0; w < windows.length; w++) {
    const [a, b] = windows[w]!;
    // The first/last fragment of the text keeps what precedes/follows its words (e.g. a lone ».»).
    let from = a === 0 ? 0 : extendLeft(text, tt, a);
    let to = b === tt.n - 1 ? text.length : extendRight(text, tt, b);
    while (from < to && isSpace(text, from)) from++;
    while (to > from && isSpace(text, to - 1)) to--;
    const cutBefore = a > 0; // words were left out before this fragment
    if (w === 0 && cutBefore) parts.push(`${ELLIPSIS} `);
    else if (w > 0) parts.push(` ${ELLIPSIS} `);
    parts.push(renderRange(text, tt, matches, from, to, true, a, b));
    openEnd = b < tt.n - 1;
  }
  if (openEnd) parts.push(` ${ELLIPSIS}`);
  return parts.join('');
}

/** /\s/ per code unit (module-local: an imported binding costs a getter call per access under tsx). */
const WHITE_SPACE = IMPORTED_WHITE_SPACE;
const isSpace = (text: string, i: number) => WHITE_SPACE[text.charCodeAt(i)] === 1;

/** Start offset of token a, taking in the punctuation glued before it (e.g. «) but no other token. */
function extendLeft(text: string, tt: TextTokens, a: number): number {
  const bound = a > 0 ? tt.ends[a - 1]! : 0;
  let i = tt.starts[a]!;
  while (i > bound && !isSpace(text, i - 1)) i--;
  return i;
}

/** End offset of token b, taking in the punctuation glued after it (e.g. ». ،) but no other token. */
function extendRight(text: string, tt: TextTokens, b: number): number {
  const bound = b + 1 < tt.n ? tt.starts[b + 1]! : text.length;
  let i = tt.ends[b]!;
  while (i < bound && !isSpace(text, i)) i++;
  return i;
}

function collapseSpaces(s: string): string {
  return s.replace(/\s+/g, ' ');
}

/**
 * Escaped text[from, to) with marks for the matches inside token range [a, b] (all when omitted).
 * Marks whose gap is only spaces/tabs are merged. `collapse` folds whitespace runs to one space.
 */
function renderRange(
  text: string,
  tt: TextTokens,
  matches: Matches,
  from: number,
  to: number,
  collapse: boolean,
  a = 0,
  b = tt.n - 1,
): string {
  const spans: [number, number][] = [];
  for (let i = 0; i < matches.n; i++) {
    const first = matches.first[i]!;
    const last = matches.last[i]!;
    if (last < a || first > b) continue;
    const s = tt.starts[Math.max(first, a)]!;
    const e = tt.ends[Math.min(last, b)]!;
    const prev = spans[spans.length - 1];
    if (prev && onlyBlanks(text, prev[1], s)) prev[1] = e;
    else spans.push([s, e]);
  }
  let out = '';
  let at = from;
  for (const [s, e] of spans) {
    out += escapeRange(text, at, s, collapse) + '<mark>' + escapeRange(text, s, e, collapse) + '</mark>';
    at = e;
  }
  return out + escapeRange(text, at, to, collapse);
}

/** True when text[from, to) is only spaces, tabs and NBSPs (marks around it are merged). */
function onlyBlanks(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0xa0) return false;
  }
  return true;
}
