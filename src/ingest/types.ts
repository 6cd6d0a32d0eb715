/** What the readers yield: articles with where they came from, and problems. */
import type { Article } from '../types.ts';

export interface Where {
  file: string;
  /** 1-based line of the record's start, when the format has lines. */
  line?: number;
}

export interface ReadArticle extends Where {
  kind: 'article';
  article: Article;
}

/**
 * `skip`: the record (or file) was not ingested. `warning`: it was ingested but something was
 * dropped or kept raw (e.g. an unparseable date kept as dateText).
 */
export interface ReadProblem extends Where {
  kind: 'problem';
  severity: 'skip' | 'warning';
  /** Short, stable category used in the summary, e.g. 'invalid JSON', 'missing body'. */
  reason: string;
  /** Details for the person fixing the file. */
  detail?: string;
}

export type ReadEvent = ReadArticle | ReadProblem;

export interface ReadOptions {
  /** Field renames applied before mapping, from `--map old=new,...`. */
  map?: Record<string, string>;
}
