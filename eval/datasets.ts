/**
 * The judged Arabic retrieval sets in ../shared/eval/<name>/ (see its README):
 *   docs.jsonl    {"id","title","body"}
 *   queries.jsonl {"id","text", ...}
 *   qrels.tsv     query_id <TAB> doc_id <TAB> relevance   (no header; relevance > 0 = relevant)
 * The texts are untouched (diacritics, hamza forms, stray "- " prefixes), as a search box gets them.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { EVAL_DIR } from '../bench/corpus.ts';

export const EVAL_SETS = ['arcd', 'mlqa-ar-dev'] as const;
export type EvalSetName = (typeof EVAL_SETS)[number];

export interface EvalDoc {
  id: string;
  title: string;
  body: string;
}

export interface EvalQuery {
  id: string;
  text: string;
}

/** Query id → ids of the documents judged relevant. */
export type Qrels = Map<string, Set<string>>;

export interface EvalSet {
  name: EvalSetName;
  docs: EvalDoc[];
  queries: EvalQuery[];
  qrels: Qrels;
}

/** True when ../shared/eval/<name> holds the three files (a fresh clone has no ../shared). */
export function hasEvalSet(name: EvalSetName = 'arcd'): boolean {
  const dir = path.join(EVAL_DIR, name);
  return ['docs.jsonl', 'queries.jsonl', 'qrels.tsv'].every((f) => existsSync(path.join(dir, f)));
}

function readLines(file: string): string[] {
  if (!existsSync(file)) {
    throw new Error(`eval set file not found: ${file}. The judged sets live in ../shared/eval beside the repo checkout.`);
  }
  return readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '');
}

function parseJsonl<T>(file: string): T[] {
  return readLines(file).map((line, i) => {
    try {
      return JSON.parse(line) as T;
    } catch (e) {
      throw new Error(`${file}:${i + 1}: invalid JSON (${(e as Error).message}); each line must be one JSON object.`);
    }
  });
}

/** Parses qrels lines `query_id<TAB>doc_id<TAB>rel`; relevance 0 lines are kept out. */
export function parseQrels(lines: readonly string[], where = 'qrels'): Qrels {
  const qrels: Qrels = new Map();
  lines.forEach((line, i) => {
    const cols = line.split('\t');
    if (cols.length < 2) throw new Error(`${where}:${i + 1}: expected "query_id<TAB>doc_id<TAB>relevance", got ${JSON.stringify(line)}`);
    const [qid, did, rel = '1'] = cols as [string, string, string?];
    if (Number(rel) <= 0) return;
    let set = qrels.get(qid);
    if (!set) qrels.set(qid, (set = new Set()));
    set.add(did);
  });
  return qrels;
}

/** Loads one judged set from ../shared/eval/<name>/. Throws a clear error when it is missing. */
export function loadEvalSet(name: EvalSetName): EvalSet {
  if (!EVAL_SETS.includes(name)) throw new Error(`unknown eval set "${name}"; known: ${EVAL_SETS.join(', ')}`);
  const dir = path.join(EVAL_DIR, name);
  const docs = parseJsonl<Partial<EvalDoc>>(path.join(dir, 'docs.jsonl')).map((d) => ({
    id: String(d.id),
    title: d.title ?? '',
    body: d.body ?? '',
  }));
  const queries = parseJsonl<Partial<EvalQuery>>(path.join(dir, 'queries.jsonl')).map((q) => ({
    id: String(q.id),
    text: q.text ?? '',
  }));
  const qrelsFile = path.join(dir, 'qrels.tsv');
  const qrels = parseQrels(readLines(qrelsFile), qrelsFile);
  return { name, docs, queries, qrels };
}
