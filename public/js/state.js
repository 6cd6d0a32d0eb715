/**
 * All UI state lives in the URL, so every screen can be shared and back/forward just work:
 *   /                                   start page
 *   /search?q=&author=&column=&source=&category=&from=&to=&sort=&page=
 *   /article/:id?q=                     one article, query words marked
 *   /author/:name?q=&page=              a writer's articles
 * Filter keys may repeat (author=A&author=B).
 */

export const FILTER_KEYS = ['author', 'column', 'source', 'category', 'tag'];
export const SORTS = ['relevance', 'newest', 'oldest'];

/** Reads the route from a location-like {pathname, search}. */
export function parseRoute({ pathname, search }) {
  const params = new URLSearchParams(search);
  const path = pathname.replace(/\/+$/, '') || '/';
  let m;
  if (path === '/') return { name: 'home', q: '' };
  if (path === '/search') return { name: 'search', ...readSearch(params) };
  if ((m = /^\/article\/([^/]+)$/.exec(path))) {
    return { name: 'article', id: safeDecode(m[1]), q: params.get('q') ?? '' };
  }
  if ((m = /^\/author\/([^/]+)$/.exec(path))) {
    return { name: 'author', author: safeDecode(m[1]), q: params.get('q') ?? '', page: readPage(params) };
  }
  return { name: 'notfound', q: '' };
}

function readSearch(params) {
  const filters = {};
  for (const key of FILTER_KEYS) {
    const values = [...new Set(params.getAll(key).filter((v) => v.trim() !== ''))];
    if (values.length) filters[key] = values;
  }
  const from = params.get('from')?.trim();
  const to = params.get('to')?.trim();
  if (from) filters.from = from;
  if (to) filters.to = to;
  const sort = params.get('sort');
  return {
    q: params.get('q') ?? '',
    filters,
    sort: SORTS.includes(sort) ? sort : 'relevance',
    page: readPage(params),
  };
}

function readPage(params) {
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  return Number.isFinite(page) && page >= 1 ? page : 1;
}

function safeDecode(segment) {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The URL of a search state; defaults (relevance, page 1) are left out to keep links short. */
export function searchUrl({ q = '', filters = {}, sort = 'relevance', page = 1 }) {
  const params = new URLSearchParams();
  params.set('q', q);
  for (const key of FILTER_KEYS) for (const value of filters[key] ?? []) params.append(key, value);
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', filters.to);
  if (sort && sort !== 'relevance') params.set('sort', sort);
  if (page > 1) params.set('page', String(page));
  return `/search?${params}`;
}

export function articleUrl(id, q = '') {
  return `/article/${encodeURIComponent(id)}${q ? `?${new URLSearchParams({ q })}` : ''}`;
}

export function authorUrl(name, { q = '', page = 1 } = {}) {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  if (page > 1) params.set('page', String(page));
  const qs = params.toString();
  return `/author/${encodeURIComponent(name)}${qs ? `?${qs}` : ''}`;
}

/** A copy of the search state with one filter value added or removed; resets to page 1. */
export function toggleFilter(state, key, value) {
  const filters = structuredClone(state.filters ?? {});
  const current = filters[key] ?? [];
  filters[key] = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  if (!filters[key].length) delete filters[key];
  return { ...state, filters, page: 1 };
}

/** A copy with the date range replaced (empty strings remove a bound); resets to page 1. */
export function withDates(state, from, to) {
  const filters = { ...(state.filters ?? {}) };
  if (from) filters.from = from; else delete filters.from;
  if (to) filters.to = to; else delete filters.to;
  return { ...state, filters, page: 1 };
}

export function hasFilters(filters = {}) {
  return FILTER_KEYS.some((k) => filters[k]?.length) || Boolean(filters.from || filters.to);
}
