/**
 * Search-box completions for what has been typed so far:
 *  - authors and columns whose normalized name starts with (or has a word starting with) the text;
 *  - words: completions of the last (unfinished) word from the vocabulary, most frequent first,
 *    shown in their most frequent spelling in the archive (normalized forms fold ة→ه, which reads
 *    badly: «الملاحه» for «الملاحة»);
 *  - titles: articles whose title holds the finished words and a word starting with the last one.
 */
import { analyze } from '../analysis/analyzer.ts';
import type { Suggestion } from '../contracts.ts';
import { Evaluator } from './evaluate.ts';
import type { SearchEngine } from './engine.ts';
import { valueKey } from './value-dict.ts';
import { topK } from './top-k.ts';
import { exactRequirement } from '../highlight/letters.ts';
import { scanText } from '../highlight/text-tokens.ts';

const MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;

/** Documents and characters per document read to find a term's surface spellings. */
const SURFACE_DOCS = 12;
const SURFACE_CHARS = 6000;
const SURFACE_MEMO = 20_000;

/** Per engine: exact normalized form → its most frequent surface spelling (filled on demand). */
const surfaceMemo = new WeakMap<SearchEngine, Map<string, string>>();

/**
 * The spelling readers see for exact normalized form `exact` (which folds ة→ه, أ/إ/آ→ا, ى→ي):
 * the most frequent surface form (diacritics dropped) among its occurrences in the titles and
 * leading body text of up to SURFACE_DOCS documents holding it; ties go to the first seen. Falls
 * back to `exact` when no document holds it. Answers are memoized per engine.
 */
export function surfaceForm(engine: SearchEngine, exact: string): string {
  let memo = surfaceMemo.get(engine);
  if (!memo) surfaceMemo.set(engine, (memo = new Map()));
  const known = memo.get(exact);
  if (known !== undefined) return known;
  const id = engine.exacts.idOf(exact);
  const counts = new Map<string, number>();
  const need = exactRequirement(exact);
  let docs = 0;
  if (id >= 0) {
    engine.exacts.scan(id, engine.docs.dead.data, (d) => {
      if (docs >= SURFACE_DOCS) return;
      docs++;
      const a = engine.docs.article(d)!;
      for (const text of [a.title, a.body.slice(0, SURFACE_CHARS)]) {
        // analyze(text)'s tokens, but only those whose letters can spell `exact` are analyzed
        // (letters.ts): the texts are scanned, not analyzed whole (~10× less per document).
        const tt = scanText(text);
        for (let i = 0; i < tt.n; i++) {
          const m = tt.masks[i]!;
          if (m >= 0 && (m & need) !== need) continue;
          if (tt.analysis(i).exact !== exact) continue;
          const surface = text.slice(tt.starts[i]!, tt.ends[i]!).replace(MARKS, '');
          counts.set(surface, (counts.get(surface) ?? 0) + 1);
        }
      }
    });
  }
  let best = exact;
  let bestCount = 0;
  for (const [surface, c] of counts) if (c > bestCount) [best, bestCount] = [surface, c];
  if (memo.size >= SURFACE_MEMO) memo.clear();
  if (counts.size > 0) memo.set(exact, best);
  return best;
}

export function suggestFor(engine: SearchEngine, prefix: string, n: number): Suggestion[] {
  const text = prefix.replace(/\s+/g, ' ').trimStart();
  const toks = analyze(text);
  if (toks.length === 0) return [];
  const out: Suggestion[] = [];
  const seen = new Set<string>();
  const push = (s: Suggestion) => {
    const k = `${s.kind}\u0000${s.text}`;
    if (out.length < n && !seen.has(k)) {
      seen.add(k);
      out.push(s);
    }
  };
  // Authors and columns.
  const key = valueKey(text);
  for (const kind of ['author', 'column'] as const) {
    const dict = engine.docs.dicts[kind];
    const ids: number[] = [];
    for (let i = 0; i < dict.size; i++) {
      if (dict.count.data[i]! <= 0) continue;
      const k = dict.keys[i]!;
      if (k.startsWith(key) || k.includes(` ${key}`)) ids.push(i);
    }
    for (const i of topK(ids, 2, (a, b) => dict.count.data[b]! - dict.count.data[a]! || a - b)) push({ text: dict.display[i]!, kind });
  }
  const last = toks[toks.length - 1]!;
  const finished = /\s$/.test(prefix);
  const head = text.slice(0, last.start);
  // Words.
  if (!finished && last.exact.length >= 2) {
    const wordLimit = Math.max(1, Math.ceil(n / 2));
    for (const id of engine.exactVocab.withPrefix(last.exact, wordLimit)) {
      push({ text: head + surfaceForm(engine, engine.exacts.terms[id]!), kind: 'word' });
    }
  }
  // Titles.
  const ev = new Evaluator({ stems: engine.stems, exacts: engine.exacts, docs: engine.docs, exactVocab: engine.exactVocab, pool: engine.pool, params: engine.params });
  engine.pool.resize(engine.docs.slots);
  const clauses = toks.map((t, i) => {
    const kind = i === toks.length - 1 && !finished && t.exact.length >= 2 ? ('prefix' as const) : ('word' as const);
    return { occur: 'must' as const, node: { kind, text: t.text, field: 'title' as const, start: t.start, end: t.end } };
  });
  const h = ev.node({ kind: 'group', clauses, start: 0, end: text.length }, false);
  if (h) {
    for (const d of topK(h.docs, n, (a, b) => h.score[b]! - h.score[a]! || engine.docs.date.data[b]! - engine.docs.date.data[a]! || a - b)) {
      push({ text: engine.docs.titleOf(d)!, kind: 'title', id: engine.docs.idOf(d)! });
    }
    engine.pool.release(h);
  }
  return out;
}
