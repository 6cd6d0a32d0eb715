/**
 * `npm run bench duplicates`: builds the NearDuplicateIndex over the corpus bodies, reports the
 * groups found, CPU time per document, memory of the index, the group-size spread, how many of the
 * exactly repeated bodies were grouped (recall floor), groups spanning more than 7 days (a proxy
 * for false positives: wire copies run within a day or two), and prints 20 random groups (ids,
 * sources, dates, titles, first words) to look at by eye. FAHRAS_BENCH_LIMIT=<n> limits the corpus.
 * The printed text is research-licensed corpus text: read it on screen, never commit it.
 */
import { loadCorpus } from './corpus.ts';
import { NearDuplicateIndex } from '../src/dedupe/near-duplicates.ts';

function cpuMs(f: () => void): number {
  const c0 = process.cpuUsage();
  f();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
}

export async function run(): Promise<void> {
  const limit = Number(process.env.FAHRAS_BENCH_LIMIT ?? Infinity);
  const docs = loadCorpus(limit);
  const byId = new Map(docs.map((d) => [d.id, d]));
  const idx = new NearDuplicateIndex();
  const heap0 = process.memoryUsage().heapUsed;
  // Dates as the engine should pass them (Article.date); FAHRAS_DEDUPE_NO_DATES=1 leaves them out.
  const withDates = process.env.FAHRAS_DEDUPE_NO_DATES !== '1';
  const ms = cpuMs(() => {
    for (const d of docs) idx.add(d.id, d.body, withDates ? d.date : undefined);
  });
  console.log(`dates ${withDates ? 'passed (copies ≤ 7 days apart)' : 'not passed'}`);
  const groups = idx.groups();
  const inGroups = groups.reduce((n, g) => n + g.length, 0);
  console.log(`${docs.length} docs: ${groups.length} groups holding ${inGroups} docs; ${(ms / docs.length).toFixed(3)} ms CPU per doc (add)`);
  console.log(`index typed arrays ${(idx.bytes / 1e6).toFixed(1)} MB; heap growth ≈ ${((process.memoryUsage().heapUsed - heap0) / 1e6).toFixed(1)} MB (incl. analyzer cache)`);

  const sizes = new Map<number, number>();
  for (const g of groups) sizes.set(g.length, (sizes.get(g.length) ?? 0) + 1);
  console.log('group sizes (size×count):', [...sizes].sort((a, b) => a[0] - b[0]).map(([s, c]) => `${s}×${c}`).join(' '));

  const key = (s: string) => s.replace(/\s+/g, ' ').trim();
  const byBody = new Map<string, string[]>();
  for (const d of docs) {
    const l = byBody.get(key(d.body));
    if (l) l.push(d.id);
    else byBody.set(key(d.body), [d.id]);
  }
  let pairs = 0;
  let found = 0;
  for (const l of byBody.values()) {
    for (let i = 1; i < l.length; i++) {
      pairs++;
      if (idx.groupOf(l[0]!).includes(l[i]!)) found++;
    }
  }
  console.log(`identical bodies: ${found}/${pairs} pairs grouped (the rest are bodies under 12 words, e.g. a lone name)`);

  const day = (d?: string) => (d ? Date.parse(d) / 864e5 : NaN);
  const spread = groups.filter((g) => {
    const ds = g.map((id) => day(byId.get(id)!.date));
    return Math.max(...ds) - Math.min(...ds) > 7;
  }).length;
  const cross = groups.filter((g) => new Set(g.map((id) => byId.get(id)!.source)).size > 1).length;
  console.log(`groups spanning > 7 days: ${spread}; groups across ≥ 2 sources: ${cross}`);

  let seed = 20240601;
  const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  console.log('\n20 random groups (similarity to the first member):');
  for (let k = 0; k < 20 && groups.length; k++) {
    const g = groups[Math.floor(rnd() * groups.length)]!;
    console.log(`--- ${g.length} docs`);
    for (const id of g.slice(0, 5)) {
      const d = byId.get(id)!;
      const sim = idx.similarityOf(g[0]!, id)?.toFixed(2);
      console.log(`  ${id} ${d.source} ${d.date} ${sim} | ${(d.title ?? '').slice(0, 60)} | ${d.body.slice(0, 80).replace(/\n/g, ' ')}`);
    }
    if (g.length > 5) console.log(`  … ${g.length - 5} more`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
