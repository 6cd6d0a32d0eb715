/**
 * Synthetic articles for the read-path tests (written here, not corpus text): words drawn from a
 * small list by a fixed pseudo-random sequence, so the common words get long posting lists.
 */
import type { Article } from '../../src/types.ts';

/** A seeded linear congruential sequence in [0, 1): the same numbers on every run. */
export function lcg(seed: number): () => number {
  let x = seed;
  return () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32;
}

export interface SyntheticOptions {
  /** Words drawn for the title. */
  titleWords: number;
  /** Text appended to article number i's body and title (e.g. a rare word in every 37th). */
  tail?: (i: number) => string;
}

/** `n` articles a{from}…, each body 8–37 words drawn from `words`, then its title. */
export function syntheticArticles(words: readonly string[], n: number, seed: number, from: number, o: SyntheticOptions): Article[] {
  const rnd = lcg(seed);
  const pick = () => words[Math.floor(rnd() * words.length)]!;
  const out: Article[] = [];
  for (let i = 0; i < n; i++) {
    const tail = o.tail?.(from + i) ?? '';
    const body = Array.from({ length: 8 + Math.floor(rnd() * 30) }, pick).join(' ') + tail;
    const title = Array.from({ length: o.titleWords }, pick).join(' ') + tail;
    out.push({ id: `a${from + i}`, title, body, source: 'test', date: '2024-01-01' });
  }
  return out;
}
