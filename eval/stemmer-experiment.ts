/**
 * `tsx eval/stemmer-experiment.ts [--large] [--only name,name]`: decides the analysis defaults by
 * measurement. Runs plain BM25 (eval/reference.ts, k1 0.9, b 0.4, title+body) with several
 * analyzers on the judged sets and prints nDCG@10 / MRR@10 / Recall@100 per set:
 *  - small: each set's passages alone;
 *  - --large: both sets' passages plus the 71k news articles of ../shared/corpus as distractors
 *    in one index (needs ~1.5 GB of memory and a few minutes; run it a few times, not in a loop).
 */
import { hasCorpus, loadCorpus } from '../bench/corpus.ts';
import { createAnalyzer, type AnalyzerOptions } from '../src/analysis/analyzer.ts';
import { normalize } from '../src/analysis/normalize.ts';
import { isStopword, STOPWORDS } from '../src/analysis/stopwords.ts';
import { CURATED_OUT, NUMBER_WORDS } from '../src/analysis/stopword-curation.ts';
import { tokenizeSpans } from '../src/analysis/tokenize.ts';
import { EVAL_SETS, loadEvalSet, type EvalSet } from './datasets.ts';
import { meanMetrics } from './metrics.ts';
import { Bm25Reference, light10Stem, luceneArabicAnalyze } from './reference.ts';

export interface Variant {
  name: string;
  /** Index terms of a text (documents and queries alike). */
  terms: (text: string) => string[];
}

/** Our pipeline with `opts`; stopwords dropped unless `keepStopwords`. */
function ours(name: string, opts: AnalyzerOptions, keepStopwords = false): Variant {
  const a = createAnalyzer(opts);
  return {
    name,
    terms: (text) => {
      const out: string[] = [];
      for (const t of a.analyze(text)) if (keepStopwords || !t.stop) out.push(t.term);
      return out;
    },
  };
}

/** Our tokenizer and normalizer with Lucene's light10 stemmer, stopwords dropped. */
function oursLight10(): Variant {
  return {
    name: 'our normalizer + light10',
    terms: (text) => {
      const out: string[] = [];
      for (const s of tokenizeSpans(text)) {
        const n = normalize(s.text);
        if (n && !isStopword(n)) out.push(/^[\u0621-\u064A]+$/.test(n) ? light10Stem(n) : n);
      }
      return out;
    },
  };
}

/** Both the term and the exact form of every token (how the search core indexes), stopwords dropped. */
function termPlusExact(): Variant {
  const a = createAnalyzer();
  return {
    name: 'default, term + exact indexed',
    terms: (text) => {
      const out: string[] = [];
      for (const t of a.analyze(text)) {
        if (t.stop) continue;
        out.push(t.term, `=${t.exact}`);
      }
      return out;
    },
  };
}

/** The source lists before curation, and the curated list without number words. */
const UNCURATED = new Set([...STOPWORDS, ...Object.values(CURATED_OUT).flat()]);
const NUMBERS = new Set(NUMBER_WORDS.map((w) => normalize(w)));
const NO_NUMBERS = new Set([...STOPWORDS].filter((w) => !NUMBERS.has(w)));

const NO_EXTRAS = { proclitics: false, enclitics: false, guards: false };

export const VARIANTS: readonly (() => Variant)[] = [
  () => ({ name: 'Lucene arabic (reference)', terms: (t) => luceneArabicAnalyze(t) }),
  () => ours('our normalizer, no stemming', { stem: false }),
  oursLight10,
  () => ours('+ proclitics', { stem: { ...NO_EXTRAS, proclitics: true } }),
  () => ours('+ proclitics + enclitics', { stem: { ...NO_EXTRAS, proclitics: true, enclitics: true } }),
  () => ours('+ proclitics + enclitics + guards (default)', {}),
  () => ours('default, stemmed after ة→ه fold', { stemUnfoldedTa: false }),
  () => ours('default, ؤ/ئ kept', { normalize: { hamzaSeats: 'keep' } }),
  () => ours('default, ؤ/ئ → و/ي', { normalize: { hamzaSeats: 'letters' } }),
  () => ours('default, ة fold off', { normalize: { foldTaMarbuta: false } }),
  () => ours('default, stopwords kept', {}, true),
  () => ours('default, uncurated stopword list', { stopwords: UNCURATED }),
  () => ours('default, number words not stopwords', { stopwords: NO_NUMBERS }),
  termPlusExact,
];

type Scores = Record<string, number>;

function score(index: Bm25Reference, set: EvalSet, v: Variant): Scores {
  const runs = new Map<string, string[]>();
  for (const q of set.queries) runs.set(q.id, index.search(q.text, 100).map((h) => h.id));
  const m = meanMetrics(runs, set.qrels);
  return { 'nDCG@10': m['nDCG@10'], 'MRR@10': m['MRR@10'], 'Recall@100': m['Recall@100'] };
}

function fmt(s: Scores): string {
  return `${s['nDCG@10']!.toFixed(3)} | ${s['MRR@10']!.toFixed(3)} | ${s['Recall@100']!.toFixed(3)}`;
}

async function main(): Promise<void> {
  const large = process.argv.includes('--large');
  const onlyArg = process.argv[process.argv.indexOf('--only') + 1];
  const only = process.argv.includes('--only') && onlyArg ? onlyArg.split(',').map(Number) : null;
  const sets = EVAL_SETS.map(loadEvalSet);
  const corpus = large ? (hasCorpus() ? loadCorpus() : null) : null;
  if (large && !corpus) throw new Error('--large needs ../shared/corpus beside the checkout');
  console.log(`| analyzer | ${sets.map((s) => `${s.name} nDCG@10 | MRR@10 | R@100`).join(' | ')} |`);
  console.log(`|---|${sets.map(() => '---|---|---').join('|')}|`);
  for (const [i, make] of VARIANTS.entries()) {
    if (only && !only.includes(i)) continue;
    const v = make();
    const t0 = Date.now();
    const cells: string[] = [];
    if (corpus) {
      const index = new Bm25Reference(v.terms);
      for (const s of sets) for (const d of s.docs) index.add(d.id, `${d.title}\n${d.body}`);
      for (const a of corpus) index.add(a.id, `${a.title}\n${a.body}`);
      for (const s of sets) cells.push(fmt(score(index, s, v)));
    } else {
      for (const s of sets) {
        const index = new Bm25Reference(v.terms);
        for (const d of s.docs) index.add(d.id, `${d.title}\n${d.body}`);
        cells.push(fmt(score(index, s, v)));
      }
    }
    console.log(`| ${i}. ${v.name} | ${cells.join(' | ')} |   (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
