/**
 * Known-item check: can a reader who remembers a few words of a headline find the article?
 * For a seeded random sample of corpus articles, 3–6 consecutive words of the headline are
 * "typed the way people type" (each rule applied at random, seeded, so runs repeat exactly):
 *   diacritics dropped (U+064B–U+0652) or added (a fatha/kasra/damma U+064E/U+0650/U+064F after a letter);
 *   hamza dropped: أ إ آ → ا, ؤ → و, ئ → ي; ta marbuta and ha swapped (ة U+0629 ↔ ه U+0647, word-final);
 *   alef maqsura and ya swapped (ى U+0649 ↔ ي U+064A, word-final); Persian ی U+06CC for ي, ک U+06A9 for ك;
 *   the conjunction و or the article ال added to or dropped from a word; digits as Arabic-Indic (U+0660–U+0669).
 * The answer is the article, or any article with the same normalized headline (a headline printed
 * twice cannot tell its articles apart). Score: MRR@10.
 */
import { normalizeTerm } from '../src/analysis/analyzer.ts';
import type { Article } from '../src/types.ts';

export interface KnownItemQuery {
  id: string;
  text: string;
  /** Ids that count as the answer. */
  relevant: Set<string>;
  /** The sampled article and the headline words the query was typed from (for miss diagnosis). */
  target: string;
  window: string[];
}

/** mulberry32: small, fast, seeded. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HARAKAT = /[\u064B-\u0652]/g;
const ARABIC_LETTER = /[\u0621-\u064A]/;

/** The typing rules, each a word → word function applied with its probability. */
const RULES: { p: number; apply: (w: string, r: () => number) => string }[] = [
  { p: 0.7, apply: (w) => w.replace(HARAKAT, '') },
  { p: 0.1, apply: (w, r) => [...w].map((c) => (ARABIC_LETTER.test(c) && r() < 0.3 ? c + '\u064E\u0650\u064F'[Math.floor(r() * 3)] : c)).join('') },
  { p: 0.5, apply: (w) => w.replace(/[أإآ]/g, 'ا').replace(/ؤ/g, 'و').replace(/ئ/g, 'ي') },
  { p: 0.2, apply: (w) => (w.endsWith('ة') ? w.slice(0, -1) + 'ه' : w.endsWith('ه') ? w.slice(0, -1) + 'ة' : w) },
  { p: 0.2, apply: (w) => (w.endsWith('ى') ? w.slice(0, -1) + 'ي' : w.endsWith('ي') ? w.slice(0, -1) + 'ى' : w) },
  { p: 0.05, apply: (w) => w.replace(/ي/g, 'ی').replace(/ك/g, 'ک') },
  { p: 0.1, apply: (w) => (w.startsWith('و') && w.length > 4 ? w.slice(1) : ARABIC_LETTER.test(w[0] ?? '') ? 'و' + w : w) },
  { p: 0.1, apply: (w) => (w.startsWith('ال') && w.length > 4 ? w.slice(2) : /^[\u0621-\u064A]{3,}$/.test(w) && !/^[وفبل]/.test(w) ? 'ال' + w : w) },
  { p: 0.5, apply: (w) => w.replace(/[0-9]/g, (d) => String.fromCharCode(0x0660 + Number(d))) },
];

function typeLikeAPerson(words: string[], r: () => number): string {
  return words
    .map((w) => {
      for (const rule of RULES) if (r() < rule.p) w = rule.apply(w, r);
      return w;
    })
    .join(' ');
}

/** A headline as the known-item check compares them (normalized words, punctuation dropped; a
 *  quote typed apart, «" التعليم "» beside «التعليم», leaves no extra space). */
export function titleKey(title: string): string {
  return title
    .split(/\s+/)
    .map((w) => normalizeTerm(w))
    .join(' ')
    .replace(/[^\p{L}\p{N} ]/gu, '')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** `n` queries from headlines of ≥ 3 words, seeded. */
export function knownItemQueries(articles: readonly Article[], n: number, seed = 20231212): KnownItemQuery[] {
  const r = seededRandom(seed);
  const byTitle = new Map<string, string[]>();
  for (const a of articles) {
    const k = titleKey(a.title ?? '');
    if (!k) continue;
    const list = byTitle.get(k);
    if (list) list.push(a.id);
    else byTitle.set(k, [a.id]);
  }
  const out: KnownItemQuery[] = [];
  const used = new Set<number>();
  for (let tries = 0; out.length < n && tries < n * 20; tries++) {
    const i = Math.floor(r() * articles.length);
    if (used.has(i)) continue;
    used.add(i);
    const a = articles[i]!;
    const words = (a.title ?? '').split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
    if (words.length < 3) continue;
    const len = Math.min(words.length, 3 + Math.floor(r() * 4));
    const start = Math.floor(r() * (words.length - len + 1));
    const window = words.slice(start, start + len).map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''));
    const text = typeLikeAPerson(window, r);
    out.push({ id: `ki-${out.length}`, text, relevant: new Set(byTitle.get(titleKey(a.title)) ?? [a.id]), target: a.id, window });
  }
  return out;
}
