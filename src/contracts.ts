/**
 * Contracts between the stages, so each folder can be built and tested on its own:
 *   src/query/     parseQuery(text) → ParsedQuery
 *   src/search/    Engine (inverted index + ranking + facets), uses analysis, query, highlight
 *   src/highlight/ highlightHtml / snippetHtml from a MatchSpec
 *   src/store/     ArchiveStore (crash-safe persistence around an Engine)
 *   src/ingest/    readers of JSONL/JSON/CSV/HTML/scraped pages → Article records
 *   src/server/    express app over an ArchiveStore
 */
import type { Article, FacetValue, SearchHit, SearchRequest, SearchResponse } from './types.ts';

// ---------------------------------------------------------------- query syntax tree
export type FieldName = 'title' | 'body' | 'author' | 'column' | 'source' | 'category' | 'tag';

interface Located {
  /** Offsets in the query string. */
  start: number;
  end: number;
}

export type QueryNode =
  /** A bare word (raw surface text; the engine analyzes it). */
  | ({
      kind: 'word';
      text: string;
      field?: FieldName;
      /** Set by the engine (src/search/compound-words.ts): this word and its neighbour are also read as this one word. */
      compound?: string;
      /** Set by the engine (compound-words.ts): this one word is also read as this pair of words side by side. */
      apart?: string;
      /** Set by the engine (src/search/context-typos.ts): this word is also read as this form (normalized), which its neighbour says was meant. */
      typo?: string;
    } & Located)
  /** "an exact phrase": consecutive words matched on exact (normalized, unstemmed) forms. */
  | ({ kind: 'phrase'; text: string; field?: FieldName } & Located)
  /** word*: normalized, not stemmed. */
  | ({ kind: 'prefix'; text: string; field?: FieldName } & Located)
  /** Parenthesised group or the whole query: a bag of clauses. */
  | ({ kind: 'group'; clauses: Clause[] } & Located)
  /** a OR b OR c (also أو). */
  | ({ kind: 'or'; children: QueryNode[] } & Located);

export interface Clause {
  /** should: ranked, subject to minimum-should-match; must: +word; must_not: -word. */
  occur: 'should' | 'must' | 'must_not';
  node: QueryNode;
}

export interface ParsedQuery {
  /** The query string as given. */
  text: string;
  root: Extract<QueryNode, { kind: 'group' }>;
  /** From `date:2023-12` or `date:2023-01..2023-06` (inclusive, YYYY[-MM[-DD]]). */
  dateRanges: { from?: string; to?: string }[];
}

// ---------------------------------------------------------------- highlighting
/** What to mark in a text: built by the engine from the parsed, analyzed query. */
export interface MatchSpec {
  /** Stemmed terms (Token.term). */
  terms: ReadonlySet<string>;
  /** Exact normalized forms (Token.exact). */
  exacts: ReadonlySet<string>;
  /** Normalized prefixes (a token whose exact form starts with one matches). */
  prefixes: readonly string[];
  /** Phrases as sequences of exact normalized forms. */
  phrases: readonly (readonly string[])[];
}

// ---------------------------------------------------------------- engine
export type PutStatus = 'added' | 'updated' | 'unchanged';

export interface ArticleView {
  article: Article;
  /** Escaped HTML with <mark>s for the query words (when a query was given). */
  titleHtml: string;
  bodyHtml: string;
  duplicates: SearchHit['duplicates'];
}

export interface Suggestion {
  text: string;
  kind: 'word' | 'title' | 'author' | 'column';
  /** Article id for title suggestions. */
  id?: string;
}

export interface EngineStats {
  articles: number;
  terms: number;
  authors: number;
  sources: number;
  duplicateGroups: number;
  dateRange?: { from: string; to: string };
}

export interface Engine {
  readonly size: number;
  /** Adds, or replaces the article with the same id. */
  put(article: Article): PutStatus;
  remove(id: string): boolean;
  get(id: string): Article | undefined;
  /** Id of an article with the same URL, if any. */
  idByUrl(url: string): string | undefined;
  /** Id of ANOTHER article with exactly the same (normalized) body, if any. */
  sameBodyAs(article: Article): string | undefined;
  /** Throws QueryError for an invalid query. */
  search(req: SearchRequest): SearchResponse;
  view(id: string, q?: string): ArticleView | undefined;
  related(id: string, n?: number): SearchHit[];
  suggest(prefix: string, n?: number): Suggestion[];
  /** Authors with article counts, most articles first. */
  authors(): FacetValue[];
  stats(): EngineStats;
  /** The whole index (documents included) as bytes, for snapshots; see deserializeEngine. */
  serialize(): Uint8Array;
  /**
   * Bulk load (ingest, reindex): postings are merged when their buffer uses `budgetBytes` and at
   * endBulk, not as often as a live index merges; searches stay correct meanwhile.
   */
  beginBulk(budgetBytes?: number): void;
  endBulk(): void;
  /** Releases the snapshot file a loaded engine reads its articles from (no-op otherwise). */
  close(): void;
}
