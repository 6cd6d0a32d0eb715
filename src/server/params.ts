/**
 * Query-string parameters of `GET /api/search` (and the CLI's `search --json`) → SearchRequest.
 * Validated with zod; every problem says which parameter, what was wrong and what is allowed.
 */
import { z } from 'zod';
import { ValidationError } from '../errors.ts';
import type { FacetName, SearchFilters, SearchRequest, SortOrder } from '../types.ts';
import { parseParams, type ParamSpec } from './param-shape.ts';
import { partialDateProblem, rangeEnd, rangeStart } from './dates.ts';

export const SEARCH_LIMITS = {
  /** Longest accepted query, in UTF-16 code units. */
  maxQueryChars: 1000,
  maxSize: 100,
  defaultSize: 10,
  /** Deepest result reachable by paging: page × size. */
  maxDepth: 10_000,
  maxFilterChars: 300,
  maxFilterValues: 20,
} as const;

export const SORT_ORDERS: readonly SortOrder[] = ['relevance', 'newest', 'oldest'];
export const FACET_NAMES: readonly FacetName[] = ['author', 'column', 'source', 'category', 'tag', 'year', 'month'];
export const FILTER_NAMES = ['author', 'column', 'source', 'category', 'tag'] as const;
const SINGLE_NAMES = ['q', 'sort', 'page', 'size', 'from', 'to', 'collapse'] as const;
export const SEARCH_PARAM_SPEC: ParamSpec = { single: SINGLE_NAMES, multi: FILTER_NAMES, list: ['facets'] };

const wholeNumber = (name: string, min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,9}$/, { error: `${name} must be a whole number from ${min} to ${max}` })
    .transform(Number)
    .pipe(
      z
        .number()
        .min(min, { error: `${name} must be at least ${min}` })
        .max(max, { error: `${name} must be at most ${max}` }),
    );

const partialDate = z.string().superRefine((v, ctx) => {
  const problem = partialDateProblem(v);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

const filterValues = (name: string) =>
  z
    .array(z.string().max(SEARCH_LIMITS.maxFilterChars, { error: `each ${name} value must be at most ${SEARCH_LIMITS.maxFilterChars} characters` }))
    .max(SEARCH_LIMITS.maxFilterValues, { error: `give at most ${SEARCH_LIMITS.maxFilterValues} ${name} values` });

/** The parameters after collecting repeats: single-valued ones are strings, repeatable ones arrays. */
export const SearchParamsSchema = z
  .object({
    q: z
      .string()
      .max(SEARCH_LIMITS.maxQueryChars, { error: `q must be at most ${SEARCH_LIMITS.maxQueryChars} characters` })
      .default(''),
    sort: z.enum(SORT_ORDERS as [SortOrder, ...SortOrder[]], { error: `sort must be one of ${SORT_ORDERS.join(', ')}` }).optional(),
    page: wholeNumber('page', 1, SEARCH_LIMITS.maxDepth).default(1),
    size: wholeNumber('size', 1, SEARCH_LIMITS.maxSize).default(SEARCH_LIMITS.defaultSize),
    from: partialDate.optional(),
    to: partialDate.optional(),
    collapse: z.enum(['true', 'false', '1', '0'], { error: 'collapse must be true or false' }).optional(),
    author: filterValues('author').optional(),
    column: filterValues('column').optional(),
    source: filterValues('source').optional(),
    category: filterValues('category').optional(),
    tag: filterValues('tag').optional(),
    facets: z
      .array(z.enum(FACET_NAMES as [FacetName, ...FacetName[]], { error: `facets must be a comma-separated list of ${FACET_NAMES.join(', ')}` }))
      .optional(),
  })
  .strict();

/**
 * Parses search parameters as they come from a query string (strings or repeated strings; the CLI
 * may pass numbers). Throws ValidationError listing every problem and how to fix it.
 */
export function parseSearchParams(query: Record<string, unknown>): SearchRequest {
  const p = parseParams(SearchParamsSchema, query, SEARCH_PARAM_SPEC, 'search');
  if (p.from && p.to && rangeStart(p.from) > rangeEnd(p.to)) {
    throw new ValidationError(`Invalid parameters for search: from (${p.from}) is after to (${p.to}).`, 'Swap from and to, or widen the range.');
  }
  if (p.page * p.size > SEARCH_LIMITS.maxDepth) {
    throw new ValidationError(
      `Invalid parameters for search: page ${p.page} × size ${p.size} goes past result ${SEARCH_LIMITS.maxDepth}.`,
      'Narrow the search with words or filters instead of paging that deep.',
    );
  }
  const filters: SearchFilters = {};
  for (const name of FILTER_NAMES) if (p[name]?.length) filters[name] = p[name];
  if (p.from) filters.from = p.from;
  if (p.to) filters.to = p.to;

  const req: SearchRequest = { q: p.q, page: p.page, size: p.size };
  if (Object.keys(filters).length) req.filters = filters;
  if (p.sort) req.sort = p.sort;
  if (p.facets?.length) req.facets = [...new Set(p.facets)];
  if (p.collapse !== undefined) req.collapse = p.collapse === 'true' || p.collapse === '1';
  return req;
}
