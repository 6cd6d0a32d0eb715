/**
 * Load run shared by test/reliability/load.test.ts (16 connections, 5 s) and test/stress/load.test.ts
 * (64 connections, 30 s): autocannon sends mixed searches (words, phrases, prefixes, OR, filters,
 * facets, sorts, pages, suggest, article views) to a server child while a writer keeps updating and
 * adding articles. Reports rps, p99, errors/timeouts/non-2xx and the child's RSS (from
 * /proc/<pid>/status, after a full GC) before and after.
 */
import autocannon from 'autocannon';
import { makeArticle, uniqueWord } from './articles.ts';
import { authHeaders, rssKiB, spawnServer } from './child-server.ts';
import { rmDir, tempDir } from './index-images.ts';
import { prng } from './http.ts';

export interface LoadReport {
  connections: number;
  seconds: number;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  max: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  writes: number;
  writeFailures: string[];
  rssBeforeKiB: number;
  rssAfterKiB: number;
  rssGrowth: number;
}

const WORDS = ['تقرير', 'الاقتصاد', 'الثقافة', 'المدن العربية', 'الخبراء', 'التحديات', 'الرياضة', 'التعليم', 'الصحة', 'الزراعة', 'المواطنين', 'الفرص'];

function searchPath(rnd: () => number, seeded: number): string {
  const pick = <T>(a: readonly T[]) => a[Math.floor(rnd() * a.length)]!;
  const w = pick(WORDS);
  const kinds = [
    () => `/api/search?q=${encodeURIComponent(w)}`,
    () => `/api/search?q=${encodeURIComponent(`"${w}"`)}&facets=author,year`,
    () => `/api/search?q=${encodeURIComponent(w.slice(0, 3) + '*')}&sort=newest`,
    () => `/api/search?q=${encodeURIComponent(`${w} OR ${pick(WORDS)}`)}&page=2&size=20`,
    () => `/api/search?q=${encodeURIComponent(uniqueWord(Math.floor(rnd() * seeded)))}`,
    () => `/api/search?q=${encodeURIComponent(w)}&category=${encodeURIComponent(pick(['الاقتصاد', 'الثقافة']))}&from=2012&to=2020`,
    () => `/api/suggest?q=${encodeURIComponent(w.slice(0, 2))}`,
    () => `/api/articles/rel-${Math.floor(rnd() * seeded)}?q=${encodeURIComponent(w)}`,
  ];
  return pick(kinds)();
}

export async function runLoad(opts: { connections: number; seconds: number; seeded: number; writeEveryMs: number; seed?: number }): Promise<LoadReport> {
  const dir = tempDir('fahras-load-');
  const server = await spawnServer(dir, { nodeArgs: ['--expose-gc'], timeoutMs: 120_000 });
  const rnd = prng(opts.seed ?? 1);
  try {
    for (let i = 0; i < opts.seeded; i += 500) {
      const batch = Array.from({ length: Math.min(500, opts.seeded - i) }, (_, k) => makeArticle(i + k));
      const r = await fetch(`${server.url}/api/articles/bulk`, { method: 'POST', headers: authHeaders('application/x-ndjson'), body: batch.map((a) => JSON.stringify(a)).join('\n') });
      if (r.status >= 300) throw new Error(`seeding answered ${r.status}`);
    }
    const cannon = (seconds: number) =>
      autocannon({
        url: server.url,
        connections: opts.connections,
        duration: seconds,
        timeout: 30, // s: a request unanswered for 30 s counts as a timeout (the 2-core VM is shared by ~8 engineers)
        requests: [{ method: 'GET', setupRequest: (req: any) => ({ ...req, path: searchPath(rnd, opts.seeded) }) }],
      });

    // Warm-up with the same mix (JIT, caches, pools), then the baseline after a full GC.
    await cannon(Math.max(2, Math.round(opts.seconds / 3)));
    await server.gc();
    const before = rssKiB(server.pid).rss;

    // Writes go on during the measured run: updates of seeded articles and a few new ones.
    let writing = true;
    let writes = 0;
    const writeFailures: string[] = [];
    const writer = (async () => {
      let k = 0;
      while (writing) {
        const i = k++;
        const a = i % 5 === 4 ? makeArticle(opts.seeded + i) : { ...makeArticle(i % opts.seeded), body: `${makeArticle(i % opts.seeded).body} تحديث ${i}` };
        try {
          const r = await fetch(`${server.url}/api/articles/${encodeURIComponent(a.id)}`, { method: 'PUT', headers: authHeaders(), body: JSON.stringify(a) });
          if (r.status >= 300) writeFailures.push(`PUT ${a.id}: ${r.status} ${(await r.text()).slice(0, 200)}`);
          else await r.arrayBuffer();
          writes++;
        } catch (err) {
          writeFailures.push(`PUT ${a.id}: ${(err as Error).message}`);
        }
        await new Promise((r) => setTimeout(r, opts.writeEveryMs));
      }
    })();
    const result = await cannon(opts.seconds);
    writing = false;
    await writer;

    await server.gc();
    const after = rssKiB(server.pid).rss;
    return {
      connections: opts.connections,
      seconds: opts.seconds,
      requests: result.requests.total,
      rps: Math.round(result.requests.average),
      p50: result.latency.p50,
      p99: result.latency.p99,
      max: result.latency.max,
      errors: result.errors,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
      writes,
      writeFailures,
      rssBeforeKiB: before,
      rssAfterKiB: after,
      rssGrowth: after / before - 1,
    };
  } finally {
    await server.kill();
    rmDir(dir);
  }
}
