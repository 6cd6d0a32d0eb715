/**
 * The one analysis pipeline used at index time AND query time:
 *   tokenize (offsets in the original) → normalize → stopword flag → light stem.
 * A bounded cache maps each surface form to its (exact, term, stop) triple: news vocabulary is
 * Zipfian, so most tokens are cache hits.
 */
import type { Token } from '../types.ts';
import { normalize } from './normalize.ts';
import { lightStem } from './stem.ts';
import { isStopword } from './stopwords.ts';
import { tokenizeSpans } from './tokenize.ts';

interface Analyzed {
  exact: string;
  term: string;
  stop: boolean;
}

const CACHE_LIMIT = 200_000;
let cache = new Map<string, Analyzed>();

/** Analyzes one surface form (a single word as it appears in text). */
export function analyzeWord(surface: string): Analyzed {
  let a = cache.get(surface);
  if (a) return a;
  const exact = normalize(surface);
  const stop = isStopword(exact);
  const term = /^[\u0621-\u064A]+$/.test(exact) ? lightStem(exact) : exact;
  a = { exact, term, stop };
  if (cache.size >= CACHE_LIMIT) cache = new Map();
  cache.set(surface, a);
  return a;
}

/** Tokens of `text`, each with original offsets, exact (normalized) form and stemmed term. */
export function analyze(text: string): Token[] {
  const spans = tokenizeSpans(text);
  const out: Token[] = [];
  let position = 0;
  for (const s of spans) {
    const a = analyzeWord(s.text);
    if (!a.exact) continue; // only invisible characters
    out.push({ text: s.text, start: s.start, end: s.end, term: a.term, exact: a.exact, position: position++, stop: a.stop });
  }
  return out;
}

/** Normalizes a query term that must not be stemmed (prefix `word*`, exact and phrase forms). */
export function normalizeTerm(surface: string): string {
  return normalize(surface);
}
