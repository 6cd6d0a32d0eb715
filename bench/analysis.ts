/**
 * `npm run bench analysis`: throughput of the whole analyze() (tokenize → normalize → stopword →
 * stem, with its cache) over the real corpus (title + body), beside a bare Unicode-regex scan
 * (/[\p{L}\p{M}\p{N}]+/gu over the same text) and, on a slice, @stdlib/nlp-tokenize.
 * Goals (docs/design/analysis.md): ≥ 25 MB/s of UTF-8 on one core and ≥ 40 % of the bare scan.
 * Times are CPU seconds of this process (the machine is shared); MB/s is per CPU-second.
 * FAHRAS_BENCH_LIMIT=<n> limits the corpus to its first n articles.
 */
import { createRequire } from 'node:module';
import { loadCorpus } from './corpus.ts';
import { createAnalyzer } from '../src/analysis/analyzer.ts';

interface Pass {
  /** CPU time of this process (user + system), so other load on the machine does not count. */
  ms: number;
  wallMs: number;
  tokens: number;
}

function time(f: () => number): Pass {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const tokens = f();
  const c = process.cpuUsage(c0);
  return { ms: (c.user + c.system) / 1000, wallMs: Number(process.hrtime.bigint() - t0) / 1e6, tokens };
}

function line(name: string, p: Pass, mb: number, base?: Pass): string {
  const mbs = mb / (p.ms / 1000);
  const ratio = base ? `  ${((base.ms / p.ms) * 100).toFixed(0)} % of bare scan speed` : '';
  return `${name.padEnd(34)} ${(p.ms / 1000).toFixed(2).padStart(7)} s CPU (${(p.wallMs / 1000).toFixed(2)} s wall)  ${mbs.toFixed(1).padStart(6)} MB/s  ${((p.tokens / p.ms) * 1000 / 1e6).toFixed(2)} M tokens/s${ratio}`;
}

export async function run(): Promise<void> {
  const limit = Number(process.env.FAHRAS_BENCH_LIMIT ?? Infinity);
  const texts = loadCorpus(limit).map((a) => `${a.title}\n${a.body}`);
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t, 'utf8'), 0);
  const mb = bytes / 1e6;
  console.log(`corpus: ${texts.length} articles, ${mb.toFixed(1)} MB UTF-8, ${texts.reduce((n, t) => n + t.length, 0) / 1e6} M UTF-16 units`);

  const WORD = /[\p{L}\p{M}\p{N}]+/gu;
  const bareScan = () => {
    let n = 0;
    for (const t of texts) {
      WORD.lastIndex = 0;
      while (WORD.exec(t) !== null) n++;
    }
    return n;
  };
  const analyzer = createAnalyzer();
  const fullAnalyze = () => {
    let n = 0;
    for (const t of texts) n += analyzer.analyze(t).length;
    return n;
  };

  bareScan(); // warm the regex JIT
  const bare = time(bareScan);
  const cold = time(fullAnalyze); // cache starts empty
  const warm = time(fullAnalyze);
  const bare2 = time(bareScan);
  const base = bare.ms < bare2.ms ? bare : bare2;
  console.log(line('bare regex scan', base, mb));
  console.log(line('analyze() first pass (cold cache)', cold, mb, base));
  console.log(line('analyze() second pass (warm cache)', warm, mb, base));

  // @stdlib/nlp-tokenize on a slice: what it costs and what it does with Arabic punctuation.
  const require = createRequire(import.meta.url);
  const stdlibTokenize = require('@stdlib/nlp-tokenize') as (s: string) => string[];
  const slice = texts.slice(0, Math.min(texts.length, 3000));
  const sliceMb = slice.reduce((n, t) => n + Buffer.byteLength(t, 'utf8'), 0) / 1e6;
  const st = time(() => slice.reduce((n, t) => n + stdlibTokenize(t).length, 0));
  const sb = time(() => {
    let n = 0;
    for (const t of slice) {
      WORD.lastIndex = 0;
      while (WORD.exec(t) !== null) n++;
    }
    return n;
  });
  console.log(line(`bare scan, first ${slice.length} articles`, sb, sliceMb));
  console.log(line(`@stdlib/nlp-tokenize, same slice`, st, sliceMb, sb));
  const sample = stdlibTokenize('قال الوزير، إن الحكومة؛ هل؟ «نعم»');
  console.log(`@stdlib/nlp-tokenize keeps Arabic punctuation glued: ${JSON.stringify(sample)}`);
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
