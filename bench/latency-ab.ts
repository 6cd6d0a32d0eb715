/**
 * In-process A/B of two checkouts' read paths: both engines load the same index folder (each with
 * its own code: imported from each checkout's bench/load-engine.ts), run the server's warm-up,
 * then the latency-stream sampling (700 headline runs of 1, 2 and 3 words, shuffled) with each
 * query run on both, in alternating order, timed in CPU; two passes; then four bench shapes
 * repeated 300 times, alternating. Both sides see the same load from other processes, which
 * separate runs of bench/latency-stream.ts on a shared machine do not (±5–10 % between runs).
 * Running it with the same checkout twice (A/A) shows its own bias: first pass ≤ 5 %, second ~1 %.
 *   git worktree add --detach /tmp/base <commit> && ln -s "$PWD/node_modules" /tmp/base/node_modules
 *   node --expose-gc --import tsx bench/latency-ab.ts /tmp/base "$PWD" [queries per length]
 */
import { streamQueries } from './stream-queries.ts';
const [dirA, dirB] = process.argv.slice(2);
if (!dirA || !dirB) throw new Error('usage: node --expose-gc --import tsx bench/latency-ab.ts CHECKOUT_A CHECKOUT_B [queries per length] (index: FAHRAS_AB_INDEX or /tmp/final7/idx)');
const index = process.env.FAHRAS_AB_INDEX ?? '/tmp/final7/idx';
const perLength = Number(process.argv[4] ?? 700);
const la = await import(dirA + '/bench/load-engine.ts');
const lb = await import(dirB + '/bench/load-engine.ts');
const wa = await import(dirA + '/src/search/warm-up.ts');
const wb = await import(dirB + '/src/search/warm-up.ts');
const A = await la.loadBenchEngine(index); await wa.warmUp(A);
const B = await lb.loadBenchEngine(index); await wb.warmUp(B);
const queries = streamQueries(A.docs, perLength);
const shapes = ['أسعار النفط العالمية', 'الحكومة', '"وزير الخارجية"', 'اقتصا*'];
const time = (e: any, q: string) => { const c = process.cpuUsage(); e.search({ q }); const d = process.cpuUsage(c); return (d.user + d.system) / 1000; };
const p = (xs: number[], f: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(f * s.length))]!; };
for (let pass = 1; pass <= 2; pass++) {
  const ta = new Map<number, number[]>(), tb = new Map<number, number[]>();
  for (const n of [1, 2, 3]) { ta.set(n, []); tb.set(n, []); }
  queries.forEach(({ q, n }, i) => {
    if (i % 2) { ta.get(n)!.push(time(A, q)); tb.get(n)!.push(time(B, q)); }
    else { tb.get(n)!.push(time(B, q)); ta.get(n)!.push(time(A, q)); }
  });
  for (const n of [1, 2, 3]) console.log(`pass ${pass} ${n} words CPU p50 A ${p(ta.get(n)!, 0.5).toFixed(3)} B ${p(tb.get(n)!, 0.5).toFixed(3)} | p95 A ${p(ta.get(n)!, 0.95).toFixed(2)} B ${p(tb.get(n)!, 0.95).toFixed(2)} | p99 A ${p(ta.get(n)!, 0.99).toFixed(2)} B ${p(tb.get(n)!, 0.99).toFixed(2)}`);
}
for (const q of shapes) {
  const xa: number[] = [], xb: number[] = [];
  for (let i = 0; i < 50; i++) { time(A, q); time(B, q); }
  for (let i = 0; i < 300; i++) { if (i % 2) { xa.push(time(A, q)); xb.push(time(B, q)); } else { xb.push(time(B, q)); xa.push(time(A, q)); } }
  console.log(`shape ${q}: CPU p50 A ${p(xa, 0.5).toFixed(3)} B ${p(xb, 0.5).toFixed(3)}`);
}
