/**
 * The tokens of one text as highlighting needs them: offsets and letter masks for all (one scan,
 * no per-token objects), the analysis (exact form, term, stopword flag) only for the tokens asked
 * about. Same tokens, in the same order, as analyze(text): spans whose exact form would be empty
 * (only characters normalize() deletes) are dropped here as analyze() drops them.
 *
 * The arrays are shared buffers, reused by the next scan: a TextTokens is valid until then
 * (highlighting is synchronous, so each call scans, matches and renders before the next).
 */
import type { Token } from '../types.ts';
import { analyzeWord, type Analyzed } from '../analysis/analyzer.ts';
import { NONEMPTY as IMPORTED_NONEMPTY, UNSAFE } from './letters.ts';
import { scanSpans } from './word-scan.ts';

export interface TextTokens {
  readonly text: string;
  readonly n: number;
  /** UTF-16 offsets of token i in text: [starts[i], ends[i]). */
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /** Letter mask of token i (letters.ts); negative (UNSAFE) when it must be analyzed to know. */
  readonly masks: Int32Array;
  /** The analysis of token i (cached per scan). */
  analysis(i: number): Analyzed;
}

/** Module-local copy: an imported binding costs a getter call per access under tsx. */
const NONEMPTY = IMPORTED_NONEMPTY;

let analyzed: (Analyzed | undefined)[] = [];

/**
 * The analyses of the surfaces highlighting met lately. A page's bodies repeat the query's words
 * (one surface, many tokens), and a small Map stays in the CPU's cache, where the analyzer's own
 * surface cache (16 MB of lines) costs a cache miss per lookup. Same results: analyzeWord is pure.
 * Emptied when full (a page analyzes a few hundred distinct surfaces).
 */
const recent = new Map<string, Analyzed>();
const RECENT_LIMIT = 4096;

function analyzeSurface(surface: string): Analyzed {
  let a = recent.get(surface);
  if (a === undefined) {
    if (recent.size >= RECENT_LIMIT) recent.clear();
    recent.set(surface, (a = analyzeWord(surface)));
  }
  return a;
}

class Scanned implements TextTokens {
  constructor(
    readonly text: string,
    readonly n: number,
    readonly starts: Int32Array,
    readonly ends: Int32Array,
    readonly masks: Int32Array,
    private readonly cache: (Analyzed | undefined)[],
  ) {}

  analysis(i: number): Analyzed {
    return (this.cache[i] ??= analyzeSurface(this.text.slice(this.starts[i]!, this.ends[i]!)));
  }
}

/** Scans `text` into the shared buffers (word-scan.ts). */
export function scanText(text: string): TextTokens {
  const sp = scanSpans(text);
  const { starts, ends, masks } = sp;
  // Drop the tokens whose exact form is empty (only characters normalize() deletes), in place.
  let n = 0;
  for (let t = 0; t < sp.n; t++) {
    const m = masks[t]!;
    if (m < 0 ? analyzeWord(text.slice(starts[t]!, ends[t]!)).exact === '' : (m & NONEMPTY) === 0) continue;
    if (n !== t) {
      starts[n] = starts[t]!;
      ends[n] = ends[t]!;
      masks[n] = m;
    }
    n++;
  }
  if (analyzed.length < n) analyzed = new Array<Analyzed | undefined>(starts.length);
  analyzed.fill(undefined, 0, n);
  return new Scanned(text, n, starts, ends, masks, analyzed);
}

/**
 * As scanText, into arrays of its own (exact length) and its own analysis cache: valid after later
 * scans, for a caller that keeps a text's scan between queries (search/shown-bodies.ts).
 */
export function scanTextOwned(text: string): TextTokens {
  const tt = scanText(text);
  const n = tt.n;
  return new Scanned(text, n, tt.starts.slice(0, n), tt.ends.slice(0, n), tt.masks.slice(0, n), new Array<Analyzed | undefined>(n));
}

/** A TextTokens over tokens already analyzed: every token counts as a candidate. */
export function fromTokens(text: string, tokens: readonly Token[]): TextTokens {
  const n = tokens.length;
  const s = new Int32Array(n);
  const e = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    s[i] = tokens[i]!.start;
    e[i] = tokens[i]!.end;
  }
  return new Scanned(text, n, s, e, new Int32Array(n).fill(UNSAFE), tokens.slice());
}
