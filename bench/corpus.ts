/**
 * Loads the real corpus from ../shared/corpus (gzip JSONL) for benchmarks and evaluation.
 * The corpus is research-licensed: read it from ../shared, never copy it into the repo.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { Article } from '../src/types.ts';

export const SHARED_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../shared');
export const CORPUS_DIR = path.join(SHARED_DIR, 'corpus');
export const EVAL_DIR = path.join(SHARED_DIR, 'eval');

export function hasCorpus(): boolean {
  return existsSync(CORPUS_DIR) && readdirSync(CORPUS_DIR).some((f) => f.endsWith('.jsonl.gz'));
}

/** All corpus articles (or the first `limit`), in file order. */
export function loadCorpus(limit = Infinity): Article[] {
  const out: Article[] = [];
  const files = readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.jsonl.gz')).sort();
  for (const f of files) {
    const text = gunzipSync(readFileSync(path.join(CORPUS_DIR, f))).toString('utf8');
    for (const line of text.split('\n')) {
      if (!line) continue;
      const r = JSON.parse(line);
      out.push({
        id: r.id, title: r.title ?? '', body: r.body ?? '', date: r.date, author: r.author,
        source: r.source, category: r.category, url: r.url,
      });
      if (out.length >= limit) return out;
    }
  }
  return out;
}
