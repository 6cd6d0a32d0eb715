/**
 * The shapes shared by every stage of the pipeline:
 * raw article → parse → analyze → index;  query → parse → analyze → match → rank → highlight → JSON.
 */

/** An article as stored and returned. Only `id`, `title` and `body` are required. */
export interface Article {
  id: string;
  title: string;
  body: string;
  /** The byline as printed (a person, or e.g. «واس - الرياض»). */
  author?: string;
  /** The recurring column's name, e.g. «ولنا كلمة». */
  column?: string;
  /** The newspaper / outlet. */
  source?: string;
  category?: string;
  tags?: string[];
  /** `YYYY-MM-DD` when known; an unparseable date is kept as its raw text in `dateText`. */
  date?: string;
  dateText?: string;
  url?: string;
  /** Any other stored fields, returned as they came. */
  extra?: Record<string, unknown>;
}

/** One token of analyzed text. `text === original.slice(start, end)` always holds. */
export interface Token {
  /** The original substring (diacritics and all). */
  text: string;
  /** UTF-16 offsets into the ORIGINAL string. */
  start: number;
  end: number;
  /** The indexed term: normalized and light-stemmed. */
  term: string;
  /** The normalized, unstemmed form (for exact and phrase matching). */
  exact: string;
  /** Ordinal position of the token in its text (stopwords count), for phrases and proximity. */
  position: number;
  /** True when the normalized form is a stopword. */
  stop: boolean;
}

export type SortOrder = 'relevance' | 'newest' | 'oldest';

export type FacetName = 'author' | 'column' | 'source' | 'category' | 'tag' | 'year' | 'month';

export interface SearchFilters {
  author?: string[];
  column?: string[];
  source?: string[];
  category?: string[];
  tag?: string[];
  /** Inclusive, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  from?: string;
  to?: string;
}

export interface SearchRequest {
  q: string;
  filters?: SearchFilters;
  sort?: SortOrder;
  /** 1-based. */
  page?: number;
  size?: number;
  facets?: FacetName[];
  /** Collapse syndicated copies into one hit (default true). */
  collapse?: boolean;
}

export interface SearchHit {
  id: string;
  title: string;
  author?: string;
  column?: string;
  source?: string;
  category?: string;
  date?: string;
  url?: string;
  score: number;
  /** Escaped HTML with <mark> around matched words of the original text. */
  snippet: string;
  /** Escaped HTML title with <mark>s. */
  titleHtml?: string;
  /** Other copies of the same (syndicated) story. */
  duplicates: { id: string; source?: string; title?: string; date?: string; url?: string }[];
}

export interface FacetValue {
  value: string;
  count: number;
}

export interface SearchResponse {
  query: string;
  total: number;
  page: number;
  size: number;
  took_ms: number;
  /** True when nothing matched all required words and the best partial matches are returned. */
  relaxed: boolean;
  hits: SearchHit[];
  facets: Partial<Record<FacetName, FacetValue[]>>;
  /** "Did you mean" when the query found nothing (or little). */
  suggestion?: string;
}
