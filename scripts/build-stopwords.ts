/**
 * Builds src/analysis/data/stopwords-ar.txt from the MIT-licensed lists in ../shared/stopwords
 * (mohataher/arabic-stop-words and stopwords-iso/stopwords-ar; the GPL linuxscout lists are NOT
 * used), normalized with our normalizer, deduplicated, minus the curated content words below.
 * Run: npx tsx scripts/build-stopwords.ts [--print-removed]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SHARED_DIR } from '../bench/corpus.ts';
import { normalize } from '../src/analysis/normalize.ts';
import { CURATED_OUT } from '../src/analysis/stopword-curation.ts';

const SOURCES = [
  ['stopwords/mohataher-arabic-stop-words.txt', 'mohataher/arabic-stop-words list.txt (MIT, (c) 2016 Mohamed Taher Alrefaie)'],
  ['stopwords/stopwords-iso-ar.txt', 'stopwords-iso/stopwords-ar stopwords-ar.txt (MIT, (c) 2016 Gene Diaz)'],
] as const;

const words = new Set<string>();
for (const [file] of SOURCES) {
  for (const line of readFileSync(path.join(SHARED_DIR, file), 'utf8').split('\n')) {
    const w = normalize(line.trim().replace(/[\s،ـ.,;:!?"'()]+/gu, ''));
    if (w && /^\p{L}+$/u.test(w)) words.add(w);
  }
}
const out = new Set(Object.values(CURATED_OUT).flat().map((w) => normalize(w)));
const removed = [...out].filter((w) => words.has(w));
const kept = [...words].filter((w) => !out.has(w)).sort();
if (process.argv.includes('--print-removed')) console.log(removed.join(' '));

const header = [
  '# Arabic stopwords for Fahras, normalized with src/analysis/normalize.ts and deduplicated.',
  '# Built by scripts/build-stopwords.ts from these MIT-licensed lists:',
  ...SOURCES.map(([, s]) => `#   ${s}`),
  `# minus ${removed.length} curated content words (months, weekdays, currencies, name parts, news nouns;`,
  '# see CURATED_OUT in the script). One word per line; lines starting with # are comments.',
];
writeFileSync(new URL('../src/analysis/data/stopwords-ar.txt', import.meta.url), [...header, ...kept].join('\n') + '\n');
console.log(`${kept.length} stopwords (${words.size} in the sources, ${removed.length} curated out)`);
