/**
 * `npm run bench highlight`: CPU time per search hit of the engine's highlighting work (a 2 × 24-word
 * snippetHtml of the body + highlightHtml of the title) on ~2,000 articles spread over the corpus
 * and on 400 articles of 800–1,300 words, with realistic queries (words of the article's own title,
 * a phrase from it, a prefix, and queries that do not match); plus analyze() of the body and
 * highlightHtml of the whole body (the article view) for reference. Goal: ≤ 0.05 ms per hit on
 * average articles. Best of 5 batches, CPU time of this process.
 * FAHRAS_BENCH_LIMIT=<n> limits the corpus to its first n articles.
 */
import { loadCorpus } from './corpus.ts';
import { highlightHtml, snippetHtml } from '../src/highlight/highlight.ts';
import { analyze } from '../src/analysis/analyzer.ts';
import { parseQuery } from '../src/query/parse.ts';
import { matchSpecFromQuery } from '../src/query/match-spec.ts';
import type { MatchSpec } from '../src/contracts.ts';
import type { Article } from '../src/types.ts';

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

/** The engine's per-hit work (src/search/engine.ts hit()): a 2 × 24-word body snippet and the marked title. */
const ENGINE_SNIPPET = { fragments: 2, words: 24 };
function hitHtml(c: Case): number {
  return snippetHtml(c.body, c.spec, ENGINE_SNIPPET).length + highlightHtml(c.title, c.spec).length;
}

interface Case {
  title: string;
  body: string;
  spec: MatchSpec;
}

function casesOf(articles: readonly Article[]): Case[] {
  const cases: Case[] = [];
  for (const a of articles) for (const q of queriesFor(a.title)) cases.push({ title: a.title, body: a.body, spec: matchSpecFromQuery(parseQuery(q)) });
  return cases;
}

/** CPU ms per case of `f` over all cases, best of `runs` batches (per-call CPU timers are coarse). */
function perCase(cases: readonly Case[], f: (c: Case) => number, runs = 5): number {
  let best = Infinity;
  for (let r = 0; r < runs; r++) {
    const [ms] = cpuMs(() => {
      let sink = 0;
      for (const c of cases) sink += f(c);
      return sink;
    });
    best = Math.min(best, ms / cases.length);
  }
  return best;
}

function report(label: string, articles: readonly Article[]): number {
  const cases = casesOf(articles);
  const words = articles.reduce((n, a) => n + a.body.split(/\s+/).length, 0) / Math.max(1, articles.length);
  for (const c of cases.slice(0, 2000)) hitHtml(c); // warm up (JIT, analyzer cache as in a running server)
  const hit = perCase(cases, hitHtml);
  const snippet = perCase(cases, (c) => snippetHtml(c.body, c.spec, ENGINE_SNIPPET).length);
  const analyzeMs = perCase(cases, (c) => analyze(c.body).length, 2);
  const view = perCase(cases, (c) => highlightHtml(c.body, c.spec).length, 2);
  let marks = 0;
  for (const c of cases) if (snippetHtml(c.body, c.spec, ENGINE_SNIPPET).includes('<mark>')) marks++;
  console.log(`${label}: ${articles.length} articles (mean ${words.toFixed(0)} words), ${cases.length} (article, query) hits, ${marks} with a <mark>`);
  console.log(`  per hit (2×24-word snippet + title): ${hit.toFixed(4)} ms; snippet alone ${snippet.toFixed(4)} ms`);
  console.log(`  for reference, analyze(body) alone: ${analyzeMs.toFixed(4)} ms; highlightHtml(whole body): ${view.toFixed(4)} ms`);
  return hit;
}

export async function run(): Promise<void> {
  const limit = Number(process.env.FAHRAS_BENCH_LIMIT ?? Infinity);
  const all = loadCorpus(limit);
  const long = all.filter((a) => {
    const words = a.body.split(/\s+/).length;
    return words >= 800 && words <= 1300;
  }).slice(0, 400);
  const step = Math.max(1, Math.floor(all.length / 2000));
  const average = all.filter((_, i) => i % step === 0).slice(0, 2000);
  const avgHit = report('average corpus articles', average);
  report('articles of 800–1,300 words', long);
  console.log(`goal ≤ 0.050 ms per hit on average articles: ${avgHit <= 0.05 ? 'met' : 'NOT met'}`);
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
