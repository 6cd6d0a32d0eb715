/**
 * Per-rule spelling stress: `npx tsx eval/spelling-stress.ts [n] [seed] [--snapshot=FILE] [--rule=text]`.
 * Known-item targets as in eval/known-item.ts (3–6 consecutive headline words of a seeded random
 * corpus article; the answer is that article or any with the same normalized headline), but each
 * rule of eval/spelling-rules.ts is applied ALONE to EVERY word it fits. Per rule: the first `n`
 * sampled windows the rule changes, found@10 and MRR@10 typed with the rule, and the same windows
 * typed verbatim (the baseline), so a rule's cost is the difference on the same queries.
 * --snapshot=FILE: load the 71k index from FILE if it exists, else build and save it there (only
 * valid while the index-side analysis is unchanged; delete the file after changing it).
 * STRESS_SHOW=1 prints the queries a rule ranks lower than verbatim; STRESS_DUMP=file writes every
 * query's reciprocal rank (diff two versions' files to see what a change moved). The same table
 * on eval's 71k + judged-passages index: `npm run eval -- --spelling[=n]` (eval/run.ts).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { loadCorpus } from '../bench/corpus.ts';
import { deserializeEngine, SearchEngine } from '../src/search/engine.ts';
import { runSpellingStress } from './spelling-stress-run.ts';

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const opt = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=').slice(1).join('=');
const n = Number(args[0] ?? 300);
const seed = Number(args[1] ?? 20231212);
const snapshot = opt('snapshot');
const only = opt('rule');

function engine(): SearchEngine {
  if (snapshot && existsSync(snapshot)) return deserializeEngine(readFileSync(snapshot)) as SearchEngine;
  const e = new SearchEngine();
  e.putAll(loadCorpus());
  if (snapshot) writeFileSync(snapshot, e.serialize());
  return e;
}

const cpu0 = process.cpuUsage();
const e = engine();
const u0 = process.cpuUsage(cpu0);
console.error(`(index of ${e.size} articles ready in ${((u0.user + u0.system) / 1e6).toFixed(1)} s CPU)`);
runSpellingStress(e, n, seed, only);
