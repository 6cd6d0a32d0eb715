/**
 * Crash safety through the real HTTP server: a child server takes a bulk ingest over HTTP
 * (NDJSON batches and single POSTs, several in flight) and is SIGKILLed at a random moment; after
 * each restart every acknowledged (2xx) article must be readable by id and found — exactly once —
 * by a search for its unique title word. Used by test/reliability (1 run, 2k articles) and
 * test/stress (≥ 5 runs, 10k articles).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Article } from '../../src/types.ts';
import { makeArticle, uniqueWord } from './articles.ts';
import { authHeaders, spawnServer, type ChildServer } from './child-server.ts';
import { getJson, mapLimit, prng } from './http.ts';

export interface CrashOptions {
  total: number;
  runs: number;
  seed: number;
  /** Articles per bulk request (default 50). */
  batch?: number;
  /** Requests in flight (default 4). */
  concurrency?: number;
  /** GET by id every n-th acknowledged article after each restart (default 1: all). */
  getEvery?: number;
  /**
   * Every n-th run (1-based) sends SIGTERM first and SIGKILL 0–400 ms later, so the kill lands
   * inside the graceful shutdown (draining requests, compaction writing a snapshot). Default: never.
   */
  termFirstEvery?: number;
}

export interface RunReport {
  run: number;
  /** Acknowledged articles when the kill was sent (cumulative). */
  ackedAtKill: number;
  killAfterMs: number;
  /** SIGTERM was sent first (the SIGKILL landed during shutdown/compaction). */
  termFirst: boolean;
  /** Articles the index held after the restart. */
  sizeAfterRestart: number;
  /** Warnings the restarted server logged (torn tail dropped, stale lock taken over…). */
  warnings: string[];
}

export interface CrashReport {
  seed: number;
  runs: RunReport[];
  acked: number;
  finalSize: number;
  verifiedLookups: number;
}

/** Writes one request's worth of articles; returns the ids the server acknowledged (2xx). */
async function send(url: string, articles: Article[], single: boolean): Promise<string[]> {
  const res = single
    ? await fetch(`${url}/api/articles`, { method: 'POST', headers: authHeaders(), body: JSON.stringify(articles[0]) })
    : await fetch(`${url}/api/articles/bulk`, {
        method: 'POST',
        headers: authHeaders('application/x-ndjson'),
        body: articles.map((a) => JSON.stringify(a)).join('\n') + '\n',
      });
  const body = (await res.json()) as any;
  if (res.status >= 300) throw new Error(`write answered ${res.status}: ${JSON.stringify(body).slice(0, 500)}`);
  const results: { id?: string; status: string; error?: string }[] = single ? [body] : body.results;
  const bad = results.filter((r) => !['added', 'updated', 'unchanged'].includes(r.status));
  if (bad.length) throw new Error(`write acknowledged with unexpected statuses: ${JSON.stringify(bad.slice(0, 3))}`);
  return results.map((r) => r.id!);
}

/** Sends `pending` until done or the server dies; acknowledged ids go into `acked` as answers arrive. */
async function ingest(server: ChildServer, pending: Article[], acked: Set<string>, batch: number, concurrency: number, rnd: () => number, stopping: () => boolean = () => false): Promise<void> {
  const requests: { articles: Article[]; single: boolean }[] = [];
  for (let i = 0; i < pending.length; ) {
    const single = rnd() < 0.1;
    const n = single ? 1 : batch;
    requests.push({ articles: pending.slice(i, i + n), single });
    i += n;
  }
  let dead = false;
  await mapLimit(requests, concurrency, async (r) => {
    if (dead) return;
    try {
      for (const id of await send(server.url, r.articles, r.single)) acked.add(id);
    } catch (err) {
      // After SIGTERM any refusal (503 closed, connection reset) just means: not acknowledged.
      if (stopping() || server.child.exitCode !== null || server.child.signalCode !== null || /fetch failed|ECONNRESET|ECONNREFUSED|other side closed|terminated/i.test(String((err as Error).cause ?? err))) {
        dead = true; // killed mid-request: not acknowledged
        return;
      }
      throw err;
    }
  });
}

/** Words per OR query when checking that searches find every acknowledged article exactly once. */
const WORDS_PER_QUERY = 50;

/**
 * Every acknowledged article is found by a search for its unique title word — exactly once — (OR
 * queries of 50 words: the hits must be exactly those 50 ids) and, for `getEvery`-th article (1 =
 * all), GET by id returns what was sent.
 */
export async function verify(url: string, acked: Set<string>, byId: Map<string, Article>, getEvery = 1): Promise<number> {
  const problems: string[] = [];
  const ids = [...acked].sort();
  const groups: string[][] = [];
  for (let i = 0; i < ids.length; i += WORDS_PER_QUERY) groups.push(ids.slice(i, i + WORDS_PER_QUERY));
  let lookups = 0;
  await mapLimit(groups, 4, async (group) => {
    const q = group.map((id) => uniqueWord(Number(id.split('-').pop()))).join(' OR ');
    const s = await getJson(`${url}/api/search?q=${encodeURIComponent(q)}&size=100&collapse=false`);
    lookups++;
    if (s.status !== 200) return void problems.push(`search ${q.slice(0, 40)}…: ${s.status} ${JSON.stringify(s.body).slice(0, 300)}`);
    const hits = (s.body.hits as { id: string }[]).map((h) => h.id).sort();
    if (s.body.total !== group.length || JSON.stringify(hits) !== JSON.stringify(group)) {
      const missing = group.filter((id) => !hits.includes(id));
      const twice = hits.filter((id, i) => hits[i - 1] === id);
      const extra = hits.filter((id) => !group.includes(id));
      problems.push(`search for the words of ${group[0]}…: total ${s.body.total} for ${group.length}; missing ${JSON.stringify(missing.slice(0, 5))}, twice ${JSON.stringify(twice.slice(0, 5))}, extra ${JSON.stringify(extra.slice(0, 5))}`);
    }
  });
  await mapLimit(ids.filter((_, i) => i % getEvery === 0), 8, async (id) => {
    const a = byId.get(id)!;
    const got = await getJson(`${url}/api/articles/${encodeURIComponent(id)}`);
    lookups++;
    if (got.status !== 200) problems.push(`GET ${id}: ${got.status}`);
    else if (got.body.article.title !== a.title || got.body.article.body !== a.body) problems.push(`GET ${id}: content differs`);
  });
  if (problems.length) throw new Error(`${problems.length} problems with acknowledged articles after restart, e.g.\n${problems.slice(0, 10).join('\n')}`);
  return lookups;
}

async function size(url: string): Promise<number> {
  const r = await getJson(`${url}/readyz`);
  if (r.status !== 200) throw new Error(`/readyz answered ${r.status}: ${JSON.stringify(r.body)}`);
  return r.body.articles;
}

export async function runCrashScenario(opts: CrashOptions): Promise<CrashReport> {
  const { total, runs, seed, batch = 50, concurrency = 4, getEvery = 1, termFirstEvery = 0 } = opts;
  const rnd = prng(seed);
  const dir = mkdtempSync(path.join(tmpdir(), 'fahras-crash-'));
  const articles = Array.from({ length: total }, (_, i) => makeArticle(i));
  const byId = new Map(articles.map((a) => [a.id, a]));
  const acked = new Set<string>();
  const report: CrashReport = { seed, runs: [], acked: 0, finalSize: 0, verifiedLookups: 0 };
  try {
    for (let run = 0; run < runs; run++) {
      const server = await spawnServer(dir, { timeoutMs: 300_000 }); // replaying a 10k-record log takes ~13 s of CPU; the machine is shared
      const sizeBefore = await size(server.url);
      if (run > 0) {
        report.runs[run - 1]!.sizeAfterRestart = sizeBefore;
        report.runs[run - 1]!.warnings = server.stderr().split('\n').filter(Boolean).map((l) => l.slice(0, 300));
      }
      if (sizeBefore < acked.size || sizeBefore > total) throw new Error(`run ${run}: index holds ${sizeBefore} articles, ${acked.size} acknowledged, ${total} sent`);
      report.verifiedLookups += await verify(server.url, acked, byId, getEvery);
      // Re-send everything not yet acknowledged (plus a few acknowledged ones, which must stay single).
      const pending = articles.filter((a) => !acked.has(a.id) || rnd() < 0.01);
      // Run r is killed at a random point of the r-th of `runs` equal slices of the whole ingest
      // (so kills spread from early to late and every run has work left), plus a random delay.
      const sliceAt = Math.floor((total * (run + 0.15 + 0.7 * rnd())) / runs);
      const killAt = Math.max(sliceAt, acked.size + Math.ceil(pending.length * 0.05));
      const termFirst = termFirstEvery > 0 && (run + 1) % termFirstEvery === 0;
      const jitterMs = Math.floor(rnd() * (termFirst ? 400 : 40));
      const started = Date.now();
      let killMs = -1;
      let terminating = false;
      let ackedAtKill = -1;
      const watcher = setInterval(() => {
        if (killMs < 0 && acked.size >= killAt) {
          killMs = Date.now() - started + jitterMs;
          clearInterval(watcher);
          if (termFirst) {
            terminating = true;
            server.child.kill('SIGTERM');
          }
          setTimeout(() => {
            ackedAtKill = acked.size;
            server.child.kill('SIGKILL');
          }, jitterMs);
        }
      }, 2);
      await ingest(server, pending, acked, batch, concurrency, rnd, () => terminating);
      clearInterval(watcher);
      await server.kill();
      report.runs.push({ run, ackedAtKill: ackedAtKill < 0 ? acked.size : ackedAtKill, killAfterMs: killMs, termFirst, sizeAfterRestart: -1, warnings: [] });
    }
    // Final restart: everything acknowledged is there; finishing the ingest gives exactly `total`.
    const server = await spawnServer(dir, { timeoutMs: 300_000 }); // replaying a 10k-record log takes ~13 s of CPU; the machine is shared
    try {
      const n = await size(server.url);
      report.runs[runs - 1]!.sizeAfterRestart = n;
      report.runs[runs - 1]!.warnings = server.stderr().split('\n').filter(Boolean).map((l) => l.slice(0, 300));
      report.verifiedLookups += await verify(server.url, acked, byId, getEvery);
      await ingest(server, articles.filter((a) => !acked.has(a.id)), acked, batch, concurrency, rnd);
      if (acked.size !== total) throw new Error(`after the final ingest ${acked.size} of ${total} are acknowledged`);
      report.finalSize = await size(server.url);
      if (report.finalSize !== total) throw new Error(`index holds ${report.finalSize} articles, expected exactly ${total} (an article stored twice?)`);
      report.verifiedLookups += await verify(server.url, acked, byId, getEvery);
    } finally {
      await server.kill();
    }
    report.acked = acked.size;
    rmSync(dir, { recursive: true, force: true });
    return report;
  } catch (err) {
    // Kept for a post-mortem unless FAHRAS_KEEP_FAILED=0.
    if (process.env.FAHRAS_KEEP_FAILED === '0') rmSync(dir, { recursive: true, force: true });
    else (err as Error).message += `\n(index folder kept for inspection: ${dir})`;
    throw err;
  }
}
