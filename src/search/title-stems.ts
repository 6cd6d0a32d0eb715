/**
 * Each title's light stems as stem-index term ids, analyzed once per doc on first use and kept
 * in one flat pool, so the title features of title-match.ts compare ids instead of analyzing
 * the top 100 titles of every query (≈ 20 % of a 3-word query's ranking before this cache).
 * A doc's title never changes under its doc number (an update is a new doc number; compaction
 * happens only in a snapshot, which loads as a new DocTable), and term ids are never reused,
 * so entries stay valid; the cache is per DocTable and stems index.
 */
import { analyze } from '../analysis/analyzer.ts';
import type { DocTable } from './doc-table.ts';
import { GrowableArray } from './growable.ts';
import type { PostingIndex } from './postings.ts';

export interface TitleStemCache {
  stems: PostingIndex;
  /** Per doc: 1 + where its entry starts in `pool`; 0 not analyzed yet; −1 not cacheable. */
  at: GrowableArray<Int32Array>;
  /** Entries: token count n, then n term ids. */
  pool: GrowableArray<Int32Array>;
}

const caches = new WeakMap<DocTable, TitleStemCache>();

/** The cache's pool (read it after `titleStems`, which may grow it). */
export function titleStemPool(docs: DocTable): Int32Array {
  return caches.get(docs)!.pool.data;
}

/**
 * The cache itself, for a caller that reads many docs' entries (title-match.ts: 100–400 per query;
 * two WeakMap lookups per doc were a fifth of that loop): `cachedTitleStems` reads an entry
 * analyzed already, else titleStems does the work.
 */
export function titleStemCache(docs: DocTable, stems: PostingIndex): TitleStemCache {
  let c = caches.get(docs);
  if (!c || c.stems !== stems) {
    c = { stems, at: new GrowableArray(Int32Array, docs.slots), pool: new GrowableArray(Int32Array, 4096) };
    caches.set(docs, c);
  }
  return c;
}

/** titleStems(docs, c.stems, doc) when doc's entry is analyzed already (≥ 0), else −2 (unknown yet). */
export function cachedTitleStems(c: TitleStemCache, doc: number): number {
  const at = c.at.data;
  if (doc >= at.length) return -2;
  const known = at[doc]!;
  return known > 0 ? known - 1 : known < 0 ? -1 : -2;
}

/** The pool of a cache (titleStems may grow it: read it again after a call). */
export function poolOf(c: TitleStemCache): Int32Array {
  return c.pool.data;
}

/**
 * Where doc's title entry starts in titleStemPool(docs): [n, id_0 … id_n−1]; −1 when a title
 * token's stem is not in `stems` (an index built by another analyzer): the caller analyzes it.
 */
export function titleStems(docs: DocTable, stems: PostingIndex, doc: number): number {
  const c = titleStemCache(docs, stems);
  c.at.ensure(doc + 1);
  const known = c.at.data[doc]!;
  if (known !== 0) return known < 0 ? -1 : known - 1;
  const toks = analyze(docs.titleOf(doc) ?? '');
  const start = c.pool.length;
  c.pool.push(toks.length);
  for (const t of toks) {
    const id = stems.idOf(t.term);
    if (id < 0) {
      c.pool.length = start;
      c.at.data[doc] = -1;
      return -1;
    }
    c.pool.push(id);
  }
  c.at.data[doc] = start + 1;
  return start;
}
