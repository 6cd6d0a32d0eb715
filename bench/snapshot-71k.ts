/**
 * Builds the engine over the whole corpus once and writes its snapshot (for bench/same-results.ts
 * and latency work: loading a snapshot takes seconds, a rebuild a minute or more).
 *   npx tsx bench/snapshot-71k.ts OUT.bin [limit]
 */
import { writeFileSync } from 'node:fs';
import { loadCorpus } from './corpus.ts';
import { SearchEngine } from '../src/search/engine.ts';

const out = process.argv[2];
if (!out) throw new Error('usage: tsx bench/snapshot-71k.ts OUT.bin [limit]');
const docs = loadCorpus(process.argv[3] ? Number(process.argv[3]) : Infinity);
const e = new SearchEngine();
e.putAll(docs);
writeFileSync(out, e.serialize());
console.log(`${docs.length} articles → ${out}`);
