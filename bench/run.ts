/**
 * `npm run bench [section ...]`: runs the benchmark sections (all by default) on the real corpus in
 * ../shared/corpus and prints their figures. Each section is bench/<name>.ts exporting
 * `run(): Promise<void>`. Sections: analysis, search, highlight, duplicates, persistence, http.
 */
import { existsSync } from 'node:fs';
import { hasCorpus } from './corpus.ts';

const ALL = ['analysis', 'search', 'highlight', 'duplicates', 'persistence', 'http'];

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const sections = wanted.length ? wanted : ALL;

if (!hasCorpus()) {
  console.error('bench: ../shared/corpus not found; the benchmarks need the real corpus beside the checkout.');
  process.exit(2);
}
for (const name of sections) {
  const file = new URL(`./${name}.ts`, import.meta.url);
  if (!existsSync(file)) {
    console.log(`\n== ${name}: (no bench/${name}.ts yet)`);
    continue;
  }
  console.log(`\n== ${name}`);
  const mod = (await import(file.href)) as { run: () => Promise<void> };
  await mod.run();
}
