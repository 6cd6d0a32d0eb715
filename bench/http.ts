/**
 * HTTP throughput (`npm run bench http`): the real server (src/server/start.ts) in a CHILD process
 * over the whole corpus index, driven by autocannon from this process (so client and server each
 * have a core of the 2), with a mix of realistic searches like the UI sends them (facets included):
 * common words, 2–3 words from titles, "phrases", source and date filters, deeper pages, newest
 * first, with the Accept-Encoding of a browser. 32 connections, 15 s per run, after a 3 s warm-up. Two runs: the response cache on (the
 * default) and already holding every search of the mix, as in a long-running server (the hit path);
 * and the cache off (every request goes through the engine: the miss path). Requests are logged at info to a file,
 * as in production; rate limits are off.
 *
 * The index is built once in $TMPDIR/fahras-bench-http-<articles> through ArchiveStore and reused
 * (delete that folder to rebuild). FAHRAS_BENCH_LIMIT=N uses the first N articles; FAHRAS_BENCH_SECONDS
 * changes the run length.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { analyze } from '../src/analysis/analyzer.ts';
import { ArchiveStore } from '../src/store/archive-store.ts';
import type { Article } from '../src/types.ts';
import { loadCorpus } from './corpus.ts';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CONNECTIONS = 32;
const SECONDS = Number(process.env.FAHRAS_BENCH_SECONDS ?? 15);
const DISTINCT_REQUESTS = 1000;
const FACETS = 'facets=author,column,source,category,year'; // what the UI asks for on every search

const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

/** Deterministic PRNG (mulberry32), so every run sends the same mix. */
function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function buildIndex(articles: Article[]): Promise<string> {
  const dir = path.join(os.tmpdir(), `fahras-bench-http-${articles.length}`);
  if (existsSync(dir)) {
    try {
      const store = await ArchiveStore.open(dir, { readOnly: true });
      const size = store.engine.size;
      await store.close();
      if (size > articles.length * 0.9) {
        console.log(`index: reusing ${dir} (${fmt(size)} articles)`);
        return dir;
      }
    } catch (err) {
      console.log(`index: ${dir} does not open (${(err as Error).message}); rebuilding`);
    }
    rmSync(dir, { recursive: true, force: true });
  }
  mkdirSync(dir, { recursive: true });
  const t0 = performance.now();
  const store = await ArchiveStore.open(dir, { compactEveryRecords: 0 });
  for (let i = 0; i < articles.length; i += 1000) await store.put(articles.slice(i, i + 1000));
  await store.compact();
  console.log(`index: built ${dir} with ${fmt(store.engine.size)} articles in ${fmt((performance.now() - t0) / 1000, 1)} s`);
  await store.close();
  return dir;
}

/** Search URLs in the proportions of a news-archive search box. */
export function queryMix(articles: Article[]): string[] {
  const rand = prng(20260101);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const enc = encodeURIComponent;

  const titleWords = (a: Article) => analyze(a.title).filter((t) => !t.stop && /^[\u0621-\u064A]{3,}$/.test(t.exact));
  const freq = new Map<string, number>();
  const sample = articles.filter((_, i) => i % 7 === 0);
  for (const a of sample) for (const t of titleWords(a)) freq.set(t.text, (freq.get(t.text) ?? 0) + 1);
  const common = [...freq].sort((a, b) => b[1] - a[1]).slice(0, 300).map(([w]) => w);
  const sources = [...new Set(articles.map((a) => a.source).filter((s): s is string => !!s))];
  const years = [...new Set(articles.map((a) => a.date?.slice(0, 4)).filter((y): y is string => !!y))].sort();
  const span = (n: number): string => {
    for (;;) {
      const words = titleWords(pick(sample));
      if (words.length < n) continue;
      const at = Math.floor(rand() * (words.length - n + 1));
      return words.slice(at, at + n).map((t) => t.text).join(' ');
    }
  };

  const out: string[] = [];
  while (out.length < DISTINCT_REQUESTS) {
    const r = rand();
    let qs: string;
    if (r < 0.3) qs = `q=${enc(pick(common))}`;
    else if (r < 0.55) qs = `q=${enc(span(rand() < 0.5 ? 2 : 3))}`;
    else if (r < 0.7) qs = `q=${enc(`"${span(2)}"`)}`;
    else if (r < 0.8) qs = `q=${enc(pick(common))}&source=${enc(pick(sources))}`;
    else if (r < 0.85) qs = `q=${enc(pick(common))}&from=${pick(years)}&to=${years[years.length - 1]}`;
    else if (r < 0.95) qs = `q=${enc(pick(common))}&page=${2 + Math.floor(rand() * 4)}`;
    else qs = `q=${enc(pick(common))}&sort=newest`;
    out.push(`/api/search?${qs}&size=10&${FACETS}`);
  }
  return out;
}

async function startChild(indexDir: string, cache: boolean, logFile: string): Promise<{ url: string; child: ChildProcess }> {
  const args = ['--import', 'tsx', 'src/server/start.ts', '--index', indexDir, '--port', '0', '--read-only', '--rate-limit-read', '0'];
  if (!cache) args.push('--cache-entries', '0');
  const log = openSync(logFile, 'w');
  const child = spawn(process.execPath, args, { cwd: REPO, env: { ...process.env, FAHRAS_LOG_LEVEL: 'info' }, stdio: ['ignore', log, 'inherit'] });
  const started = Date.now();
  for (;;) {
    const m = /"url":"(http:[^"]+)"/.exec(readFileSync(logFile, 'utf8'));
    if (m) return { url: m[1]!, child };
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}; see ${logFile}`);
    if (Date.now() - started > 300_000) throw new Error(`the server did not start within 5 minutes; see ${logFile}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** CPU time (user + system) a process has used so far, from /proc (Linux). */
function cpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return NaN;
  }
}

function fire(url: string, paths: string[], seconds: number): Promise<autocannon.Result> {
  let i = 0;
  return autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    headers: { 'accept-encoding': 'gzip, deflate, br' }, // as browsers send it
    requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length]! }) }],
  });
}

async function measure(indexDir: string, paths: string[], cache: boolean): Promise<void> {
  const logFile = path.join(os.tmpdir(), `fahras-bench-http-${cache ? 'cache' : 'nocache'}.log`);
  const { url, child } = await startChild(indexDir, cache, logFile);
  try {
    if (cache) {
      // Steady state of a long-running server: every search of the mix has been asked once.
      const t0 = performance.now();
      let next = 0;
      const worker = async () => {
        while (next < paths.length) await (await fetch(url + paths[next++]!)).arrayBuffer();
      };
      await Promise.all(Array.from({ length: 4 }, worker));
      console.log(`  cache filled with ${fmt(paths.length)} searches in ${fmt((performance.now() - t0) / 1000, 1)} s`);
    }
    await fire(url, paths, 3); // warm-up: JIT, analyzer cache
    const cpu0 = cpuMs(child.pid!);
    const r = await fire(url, paths, SECONDS);
    const cpuPerRequest = (cpuMs(child.pid!) - cpu0) / Math.max(1, r.requests.total);
    const stats = (await (await fetch(`${url}/api/stats`)).json()) as { cache?: { hits: number; misses: number } };
    const hitRate = stats.cache ? (100 * stats.cache.hits) / Math.max(1, stats.cache.hits + stats.cache.misses) : 0;
    console.log(
      `${cache ? 'cache on ' : 'cache off'}: ${fmt(r.requests.average)} requests/s, latency p50 ${fmt(r.latency.p50, 1)} ms, ` +
        `p99 ${fmt(r.latency.p99, 1)} ms, max ${fmt(r.latency.max)} ms; ${fmt(r.requests.total)} requests, ` +
        `${r.non2xx} non-2xx, ${r.errors} errors${cache ? `; cache hit rate ${fmt(hitRate, 1)}% (incl. filling)` : ''}`,
    );
    console.log(
      `           server CPU ${fmt(cpuPerRequest, 2)} ms per request (user+system) → at most ${fmt(1000 / cpuPerRequest)} requests/s ` +
        `on one whole core; machine load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores during the run`,
    );
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

export async function run(): Promise<void> {
  const limit = Number(process.env.FAHRAS_BENCH_LIMIT ?? Infinity);
  const articles = loadCorpus(limit);
  const indexDir = await buildIndex(articles);
  const paths = queryMix(articles);
  console.log(`${fmt(paths.length)} distinct searches, e.g. ${decodeURIComponent(paths[0]!)} | ${decodeURIComponent(paths[3]!)}`);
  console.log(`${CONNECTIONS} connections, ${SECONDS} s per run, server in a child process, ${os.cpus().length} cores`);
  await measure(indexDir, paths, true);
  await measure(indexDir, paths, false);
}
