/** The stopword set: our own data file (see its header for sources), already normalized. */
import { readFileSync } from 'node:fs';

const FILE = new URL('./data/stopwords-ar.txt', import.meta.url);

export const STOPWORDS: ReadonlySet<string> = new Set(
  readFileSync(FILE, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#')),
);

export function isStopword(normalized: string): boolean {
  return STOPWORDS.has(normalized);
}
