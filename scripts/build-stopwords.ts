/**
 * Builds src/analysis/data/stopwords-ar.txt from the MIT-licensed lists in ../shared/stopwords
 * (mohataher/arabic-stop-words and stopwords-iso/stopwords-ar; the GPL linuxscout lists are NOT used),
 * normalized with our normalizer and deduplicated. Run: npx tsx scripts/build-stopwords.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { normalize } from '../src/analysis/normalize.ts';

const SOURCES = [
  ['../shared/stopwords/mohataher-arabic-stop-words.txt', 'mohataher/arabic-stop-words list.txt (MIT, (c) 2016 Mohamed Taher Alrefaie)'],
  ['../shared/stopwords/stopwords-iso-ar.txt', 'stopwords-iso/stopwords-ar stopwords-ar.txt (MIT, (c) 2016 Gene Diaz)'],
] as const;

const words = new Set<string>();
for (const [file] of SOURCES) {
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const w = normalize(line.trim().replace(/[\s،ـ.,;:!?"'()]+/gu, ''));
    if (w && /^\p{L}+$/u.test(w)) words.add(w);
  }
}
const header = [
  '# Arabic stopwords for Fahras, normalized with src/analysis/normalize.ts and deduplicated.',
  '# Built by scripts/build-stopwords.ts from these MIT-licensed lists:',
  ...SOURCES.map(([, s]) => `#   ${s}`),
  '# One word per line; lines starting with # are comments.',
];
writeFileSync('src/analysis/data/stopwords-ar.txt', [...header, ...[...words].sort()].join('\n') + '\n');
console.log(`${words.size} stopwords`);
