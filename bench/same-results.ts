/**
 * Same-results check for search-core optimizations: runs ~2,000 varied requests through
 * `search()` on a saved 71k snapshot (bench/snapshot-71k.ts) and records, per request, total,
 * relaxed flag, suggestion, the page's ids, raw scores and facets. With a second file it compares
 * (ids/totals/facets identical, scores within 1e-9 relative) and exits non-zero on any difference.
 * The hits' snippet and title HTML go to OUT.json.snippets.json and are compared separately
 * (reported, and non-zero on a difference) when the baseline has that file too.
 *   npx tsx bench/same-results.ts SNAPSHOT.bin OUT.json [BASELINE.json]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { loadBenchEngine } from './load-engine.ts';
import type { FacetName, SearchRequest } from '../src/types.ts';
import { EVAL_SETS, hasEvalSet, loadEvalSet } from '../eval/datasets.ts';
import { knownItemQueries, seededRandom } from '../eval/known-item.ts';

const [snap, outFile, baseFile] = process.argv.slice(2);
if (!snap || !outFile) throw new Error('usage: tsx bench/same-results.ts SNAPSHOT.bin OUT.json [BASELINE.json]');
const e = await loadBenchEngine(snap); // engine bytes, or an index folder (article text read from disk)
const articles = Array.from({ length: e.docs.slots }, (_, d) => e.docs.article(d)).filter((a) => a !== undefined);
const rnd = seededRandom(4242);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
const words = (s: string) => s.split(/\s+/).map((w) => w.replace(/[^\p{L}\p{N}]/gu, '')).filter((w) => w.length >= 2);
const titleWords = () => words(pick(articles).title);
const ALL_FACETS: FacetName[] = ['author', 'column', 'source', 'category', 'tag', 'year', 'month'];
const sources = e.docs.dicts.source.display;
const authors = e.docs.dicts.author.display.filter((a) => a && !a.includes('"'));
const categories = e.docs.dicts.category.display;
const years = [...new Set(articles.map((a) => a.date?.slice(0, 4)).filter(Boolean))] as string[];

const reqs: SearchRequest[] = [];
const add = (r: SearchRequest) => reqs.push(r);
for (const name of EVAL_SETS) if (hasEvalSet(name)) for (const q of loadEvalSet(name).queries.slice(0, 300)) add({ q: q.text });
for (const q of knownItemQueries(articles, 300)) add({ q: q.text });
for (const q of ['الحكومة', 'أسعار النفط العالمية', '"وزير الخارجية"', 'اقتصا*', 'الأمن', 'في', 'ما هو', 'من في على']) {
  add({ q });
  add({ q, facets: ALL_FACETS });
  add({ q, sort: 'newest' });
  add({ q, sort: 'oldest', page: 2 });
  add({ q, filters: { source: [sources[0]!] }, sort: 'newest' });
}
for (let i = 0; i < 200; i++) {
  const w = titleWords();
  if (w.length) add({ q: pick(w) });
}
for (let i = 0; i < 300; i++) {
  const w = titleWords();
  const n = 2 + (i % 2);
  if (w.length < n) continue;
  const s = Math.floor(rnd() * (w.length - n + 1));
  const q = w.slice(s, s + n).join(' ');
  add(i % 5 === 0 ? { q, facets: ALL_FACETS } : i % 5 === 1 ? { q, page: 2 } : i % 5 === 2 ? { q, page: 3, size: 10 } : { q });
}
for (let i = 0; i < 100; i++) {
  const w = titleWords();
  if (w.length < 2) continue;
  const s = Math.floor(rnd() * (w.length - 1));
  add({ q: `"${w[s]} ${w[s + 1]}"` });
}
for (let i = 0; i < 60; i++) {
  const w = pick(titleWords().filter((x) => x.length >= 4)) as string | undefined;
  if (w) add({ q: `${w.slice(0, 3 + (i % 3))}*` });
}
for (let i = 0; i < 50; i++) {
  const w = titleWords();
  if (w.length) add({ q: `title:${pick(w)}` });
}
for (let i = 0; i < 30; i++) add({ q: `author:"${pick(authors)}"` });
for (let i = 0; i < 30; i++) add({ q: `source:${pick(sources)} ${pick(titleWords()) ?? ''}` });
for (let i = 0; i < 150; i++) {
  const a = pick(titleWords()) ?? 'مصر';
  const b = pick(titleWords()) ?? 'النفط';
  add({ q: i % 3 === 0 ? `${a} OR ${b}` : i % 3 === 1 ? `${a} -${b}` : `+${a} ${b}` });
}
for (let i = 0; i < 60; i++) {
  const y = pick(years);
  const w = pick(titleWords()) ?? 'مصر';
  add({ q: i % 2 ? `${w} date:${y}` : `${w} date:${y}-01..${y}-06` });
}
for (let i = 0; i < 120; i++) {
  const w = pick(titleWords()) ?? 'مصر';
  const f: SearchRequest['filters'] =
    i % 4 === 0 ? { source: [pick(sources)] } : i % 4 === 1 ? { from: `${pick(years)}-03`, to: `${pick(years)}` } : i % 4 === 2 ? { category: [pick(categories)] } : { author: [pick(authors)], source: [pick(sources)] };
  add({ q: w, filters: f, facets: i % 2 ? ALL_FACETS : ['author', 'year'], sort: i % 3 === 0 ? 'newest' : undefined });
}
for (let i = 0; i < 80; i++) {
  const q = [titleWords(), titleWords(), titleWords()].map((w) => pick(w) ?? 'x').join(' ');
  add({ q, facets: i % 2 ? ['source'] : undefined });
}
for (let i = 0; i < 60; i++) add({ q: pick(titleWords()) ?? 'مصر', collapse: false, sort: i % 2 ? 'oldest' : undefined });
for (let i = 0; i < 60; i++) {
  const w = titleWords();
  if (w.length >= 2) add({ q: `${w[0]} ${w[1]}`, sort: 'newest', page: 1 + (i % 3), facets: i % 2 ? ALL_FACETS : undefined });
}
add({ q: '' });
add({ q: '', facets: ALL_FACETS });
add({ q: '', filters: { source: [sources[0]!] }, sort: 'oldest', facets: ALL_FACETS });
add({ q: 'مصر؟' });
add({ q: 'زززززز' });
add({ q: 'الحكومت' });

interface Row {
  req: SearchRequest;
  total: number;
  relaxed: boolean;
  suggestion?: string;
  ids: string[];
  scores: number[];
  facets: unknown;
}
const rows: Row[] = [];
const snippets: string[][] = [];
const c0 = process.cpuUsage();
for (const req of reqs) {
  try {
    const r = e.search(req);
    const { q, ...rest } = req;
    const page = req.page ?? 1;
    const size = req.size ?? 10;
    const ranked = e.rank(q, page * size, rest).slice((page - 1) * size);
    rows.push({ req, total: r.total, relaxed: r.relaxed, suggestion: r.suggestion, ids: r.hits.map((h) => h.id), scores: ranked.map((x) => x.score), facets: r.facets });
    snippets.push(r.hits.flatMap((h) => [h.titleHtml ?? '', h.snippet]));
    if (ranked.map((x) => x.id).join() !== r.hits.map((h) => h.id).join()) throw new Error(`rank ≠ search for ${JSON.stringify(req)}`);
  } catch (err) {
    rows.push({ req, total: -1, relaxed: false, ids: [String((err as Error).message)], scores: [], facets: null });
    snippets.push([]);
  }
}
const cpu = process.cpuUsage(c0);
writeFileSync(outFile, JSON.stringify(rows));
writeFileSync(`${outFile}.snippets.json`, JSON.stringify(snippets));
console.log(`${rows.length} requests, ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms CPU (search + rank each) → ${outFile}`);

if (baseFile) {
  const base: Row[] = JSON.parse(readFileSync(baseFile, 'utf8'));
  let bad = 0;
  const same = (a: number, b: number) => a === b || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
  for (let i = 0; i < Math.max(base.length, rows.length); i++) {
    const a = base[i];
    const b = rows[i];
    const why: string[] = [];
    if (!a || !b) why.push('missing row');
    else {
      if (JSON.stringify(a.req) !== JSON.stringify(b.req)) why.push('different request (query generation changed)');
      if (a.total !== b.total) why.push(`total ${a.total} → ${b.total}`);
      if (a.relaxed !== b.relaxed) why.push(`relaxed ${a.relaxed} → ${b.relaxed}`);
      if (a.suggestion !== b.suggestion) why.push(`suggestion ${a.suggestion} → ${b.suggestion}`);
      if (a.ids.join() !== b.ids.join()) why.push(`ids ${a.ids.slice(0, 3)} → ${b.ids.slice(0, 3)}`);
      if (a.scores.length !== b.scores.length || a.scores.some((s, j) => !same(s, b.scores[j]!))) why.push(`scores ${a.scores.slice(0, 3)} → ${b.scores.slice(0, 3)}`);
      if (JSON.stringify(a.facets) !== JSON.stringify(b.facets)) why.push('facets differ');
    }
    if (why.length) {
      bad++;
      if (bad <= 20) console.log(`DIFF #${i} ${JSON.stringify(a?.req ?? b?.req)}: ${why.join('; ')}`);
    }
  }
  console.log(bad ? `${bad} of ${rows.length} requests differ` : `identical: ${rows.length} requests`);
  if (bad) process.exitCode = 1;
  let baseSnippets: string[][] | undefined;
  try {
    baseSnippets = JSON.parse(readFileSync(`${baseFile}.snippets.json`, 'utf8'));
  } catch {
    console.log(`no ${baseFile}.snippets.json: snippets not compared`);
  }
  if (baseSnippets) {
    let badSnippets = 0;
    let compared = 0;
    for (let i = 0; i < Math.max(baseSnippets.length, snippets.length); i++) {
      const a = baseSnippets[i] ?? [];
      const b = snippets[i] ?? [];
      compared += b.length;
      const j = a.findIndex((x, k) => x !== b[k]);
      if (a.length !== b.length || j >= 0) {
        badSnippets++;
        if (badSnippets <= 5) console.log(`SNIPPET DIFF #${i} ${JSON.stringify(rows[i]?.req)} [${j}]:\n  ${a[j]}\n  ${b[j]}`);
      }
    }
    console.log(badSnippets ? `snippets differ in ${badSnippets} requests` : `snippets identical: ${compared} title/snippet strings`);
    if (badSnippets) process.exitCode = 1;
  }
}
