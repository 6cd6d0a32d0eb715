/**
 * `npm run bench highlight`: time per hit of snippetHtml (tokenize once + O(n) window scan) on
 * real corpus articles of ~1,000 words with realistic queries (words of the article's own title,
 * a phrase from it, a prefix, and queries that do not match), plus highlightHtml of the whole
 * article (the article view). Goal: ≤ 0.2 ms per hit. Times are CPU time of this process.
 * FAHRAS_BENCH_LIMIT=<n> limits the corpus to its first n articles.
 */
import { loadCorpus } from './corpus.ts';
import { highlightHtml, snippetHtml } from '../src/highlight/highlight.ts';
import { analyze } from '../src/analysis/analyzer.ts';
import { parseQuery } from '../src/query/parse.ts';
import { matchSpecFromQuery } from '../src/query/match-spec.ts';
import type { MatchSpec } from '../src/contracts.ts';

function cpuMs<T>(f: () => T): [number, T] {
  const c0 = process.cpuUsage();
  const r = f();
  const c = process.cpuUsage(c0);
  return [(c.user + c.system) / 1000, r];
}

/** Realistic queries for one article: title words, a title phrase, a prefix, and a miss. */
function queriesFor(title: string): string[] {
  const words = analyze(title).filter((t) => !t.stop && t.exact.length > 2).map((t) => t.text);
  const out: string[] = [];
  if (words.length >= 2) out.push(`${words[0]} ${words[1]}`, `"${words[0]} ${words[1]}"`);
  if (words.length >= 1) out.push(words[words.length - 1]!, `${words[0]!.slice(0, 4)}*`);
  out.push('السعودية الاقتصاد', 'كلمةغيرموجودة');
  return out;
}

export async function run(): Promise<void> {
  const limit = Number(process.env.FAHRAS_BENCH_LIMIT ?? Infinity);
  const all = loadCorpus(limit);
  const articles = all.filter((a) => {
    const words = a.body.split(/\s+/).length;
    return words >= 800 && words <= 1300;
  }).slice(0, 400);
  const cases: { text: string; spec: MatchSpec }[] = [];
  for (const a of articles) for (const q of queriesFor(a.title)) cases.push({ text: a.body, spec: matchSpecFromQuery(parseQuery(q)) });
  const words = articles.reduce((n, a) => n + a.body.split(/\s+/).length, 0) / Math.max(1, articles.length);
  console.log(`articles: ${articles.length} of ${all.length} with 800–1300 words (mean ${words.toFixed(0)}), ${cases.length} (article, query) hits`);
  // Warm up (JIT, analyzer cache as in a running server).
  for (const c of cases.slice(0, 500)) snippetHtml(c.text, c.spec);
  const times: number[] = [];
  let marks = 0;
  for (const c of cases) {
    const [ms, html] = cpuMs(() => snippetHtml(c.text, c.spec));
    times.push(ms);
    if (html.includes('<mark>')) marks++;
  }
  times.sort((a, b) => a - b);
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  const p = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  // Total over the batch (per-call CPU timers are coarse): the figure to compare with the goal.
  const [batchMs] = cpuMs(() => {
    for (const c of cases) snippetHtml(c.text, c.spec);
  });
  const [analyzeMs] = cpuMs(() => {
    for (const c of cases) analyze(c.text);
  });
  const [viewMs] = cpuMs(() => {
    for (const c of cases) highlightHtml(c.text, c.spec);
  });
  const n = cases.length;
  console.log(`snippetHtml:   ${(batchMs / n).toFixed(3)} ms per hit (batch); per call mean ${mean.toFixed(3)}, p50 ${p(0.5).toFixed(3)}, p95 ${p(0.95).toFixed(3)}, max ${p(1).toFixed(3)} ms; ${marks}/${n} with a <mark>`);
  console.log(`  of which analyze(): ${(analyzeMs / n).toFixed(3)} ms per article`);
  console.log(`highlightHtml (whole article view): ${(viewMs / n).toFixed(3)} ms per article`);
  console.log(`goal ≤ 0.200 ms per hit: ${batchMs / n <= 0.2 ? 'met' : 'NOT met'}`);
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
