/**
 * Known-item answers shown behind a syndicated copy (same duplicate group, another headline):
 * for each such query, the answer's and the shown copy's uncollapsed rank and score, and whether
 * the copy's headline also holds the typed run (as stems). Diagnosis only.
 *   node --import tsx eval/known-item-copies.ts --snapshot=/tmp/final5/f.snap --seeds=20231212,1,2
 */
import { readFileSync } from 'node:fs';
import { loadCorpus } from '../bench/corpus.ts';
import { analyze } from '../src/analysis/analyzer.ts';
import { SearchEngine } from '../src/search/engine.ts';
import { deserializeParts } from '../src/search/serialize.ts';
import { rankedIds } from '../src/search/trec-run.ts';
import { knownItemQueries } from './known-item.ts';

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const snapshot = arg('snapshot') ?? '/tmp/fahras-eval.snap';
const seeds = (arg('seeds') ?? '20231212').split(',').map(Number);
const stemKey = (text: string) => ` ${analyze(text).map((t) => t.term).join(' ')} `;

const corpus = loadCorpus();
const e = new SearchEngine({}, deserializeParts(new Uint8Array(readFileSync(snapshot))));
const groupOf = (id: string) => {
  const d = e.docs.byId.get(id);
  return d === undefined ? -1 : e.dups.groupOf(d);
};
for (const seed of seeds) {
  for (const q of knownItemQueries(corpus, 1000, seed)) {
    const ranked = rankedIds(e, q.text, 10).map((h) => h.id);
    const rank = ranked.findIndex((id) => q.relevant.has(id)) + 1;
    const g = groupOf(q.target);
    const groupRank = ranked.findIndex((id) => q.relevant.has(id) || (g >= 0 && groupOf(id) === g)) + 1;
    if (!groupRank || groupRank === rank) continue;
    const shown = ranked[groupRank - 1]!;
    const flat = e.rank(q.text, 2000, { collapse: false });
    const at = (id: string) => flat.findIndex((h) => h.id === id);
    const ia = Math.min(...[...q.relevant].map(at).filter((i) => i >= 0), 1e9);
    const is = at(shown);
    const win = stemKey(q.window.join(' '));
    const copyHas = stemKey(e.get(shown)!.title).includes(win);
    const fmt = (i: number) => (i >= 0 && i < 1e9 ? `#${i + 1} ${flat[i]!.score.toFixed(3)}` : 'absent');
    const ans = e.get(q.target)!;
    const cp = e.get(shown)!;
    console.log(`seed ${seed} rank ${rank || '>10'} group ${groupRank} copyHoldsRun ${copyHas} answer ${fmt(ia)} copy ${fmt(is)} q «${q.text}»`);
    console.log(`   answer «${ans.title}» ${ans.date} ${ans.body.length}ch\n   copy   «${cp.title}» ${cp.date} ${cp.body.length}ch`);
  }
}
