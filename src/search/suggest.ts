/**
 * Search-box completions for what has been typed so far:
 *  - authors and columns whose normalized name starts with (or has a word starting with) the text;
 *  - words: completions of the last (unfinished) word from the vocabulary, most frequent first,
 *    shown in a spelling found in the archive (normalized forms fold ة→ه, which reads badly);
 *  - titles: articles whose title holds the finished words and a word starting with the last one.
 */
import { analyze } from '../analysis/analyzer.ts';
import type { Suggestion } from '../contracts.ts';
import { Evaluator } from './evaluate.ts';
import type { SearchEngine } from './engine.ts';
import { valueKey } from './value-dict.ts';
import { topK } from './top-k.ts';

const MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;

/** A surface spelling of exact form `exact`, taken from the title or body of a document holding it. */
function surfaceOf(engine: SearchEngine, exact: string): string {
  const id = engine.exacts.idOf(exact);
  let found: string | undefined;
  engine.exacts.scan(id, engine.docs.dead.data, (d) => {
    if (found !== undefined) return;
    const a = engine.docs.articles[d]!;
    for (const text of [a.title, a.body.slice(0, 20000)]) {
      const t = analyze(text).find((x) => x.exact === exact);
      if (t) {
        found = t.text.replace(MARKS, '');
        return;
      }
    }
  });
  return found ?? exact;
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
      push({ text: head + surfaceOf(engine, engine.exacts.terms[id]!), kind: 'word' });
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
      const a = engine.docs.articles[d]!;
      push({ text: a.title, kind: 'title', id: a.id });
    }
    engine.pool.release(h);
  }
  return out;
}
