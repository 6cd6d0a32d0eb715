/**
 * A writer's page: their articles grouped by recurring column (groups ordered by their newest
 * article, articles newest first), with a search inside their articles. Without a query it is a
 * compact index (title, source, date); with one, each article shows its marked snippet.
 */
import { apiGet, isAbort } from '../api.js';
import { announce, h, replaceChildren } from '../dom.js';
import { COUNTS, countPhrase, formatNumber } from '../format.js';
import { delayedLoading, loadErrorState, hitCard, loadingState, pager } from '../components.js';
import { authorUrl, searchUrl } from '../state.js';

export const AUTHOR_PAGE_SIZE = 30;
const NO_COLUMN = '';

export async function renderAuthor(main, route, { signal, navigate }) {
  const stopLoading = delayedLoading(main, loadingState('جارٍ تحميل مقالات الكاتب…', 3));
  let res;
  try {
    res = await apiGet(`authors/${encodeURIComponent(route.author)}`, { q: route.q, page: route.page, size: AUTHOR_PAGE_SIZE, facets: 'column' }, { signal });
  } catch (err) {
    stopLoading();
    if (isAbort(err)) return;
    replaceChildren(main, loadErrorState(err, navigate, () => notFound(route)));
    return;
  }
  stopLoading();
  const hits = Array.isArray(res.hits) ? res.hits : [];
  const total = Number(res.total) || 0;
  const columns = (res.facets?.column ?? res.columns ?? []).filter((c) => c && typeof c.value === 'string');
  const name = typeof res.author === 'string' ? res.author : (res.author?.name ?? route.author);
  document.title = `${name} — فهرس`;

  const input = h('input', { id: 'author-q', class: 'input', type: 'search', name: 'q', value: route.q, dir: 'auto', placeholder: 'كلمة أو عبارة…' });
  const form = h('form', {
    class: 'author__search', role: 'search', 'aria-label': `البحث في مقالات ${name}`,
    on: { submit: (e) => { e.preventDefault(); navigate(authorUrl(route.author, { q: input.value.trim() })); } },
  },
  h('label', { for: 'author-q' }, 'ابحث في هذه المقالات'),
  h('div', { class: 'author__search-row' }, input, h('button', { class: 'button', type: 'submit' }, 'بحث')));

  replaceChildren(main,
    h('div', { class: 'author' },
      h('header', { class: 'author__header' },
        h('p', { class: 'article__kicker' }, 'مقالات بتوقيع'),
        h('h1', { class: 'author__name', tabindex: '-1' }, name),
        h('p', { class: 'author__stats' },
          route.q ? [countPhrase(total, COUNTS.articles), ' فيها ', h('bdi', null, `«${route.q}»`)] : countPhrase(total, COUNTS.articles),
          columns.length ? ['، في ', columns.length === 1 ? 'عمود واحد' : countPhrase(columns.length, COLUMN_COUNTS)] : null),
        columns.length > 1 ? h('ul', { class: 'tag-list' }, columns.map((c) =>
          h('li', null, h('a', { class: 'tag', href: `#${columnAnchor(c.value)}` }, c.value, ' ', h('span', { class: 'count' }, formatNumber(c.count))))))
          : null,
        h('p', null, h('a', { href: searchUrl({ q: route.q, filters: { author: [route.author] } }) }, 'اعرض هذه المقالات في صفحة البحث مع عوامل التصفية'))),
      form,
      total === 0
        ? h('div', { class: 'state state--empty' }, h('h2', { class: 'state__title' }, route.q ? 'لا مقالات لهذا الكاتب تطابق البحث' : 'لا مقالات لهذا الكاتب'))
        : groupByColumn(hits).map(([column, items]) => h('section', { class: 'column-group', 'aria-labelledby': columnAnchor(column) },
          h('h2', { class: 'column-group__title', id: columnAnchor(column) }, column === NO_COLUMN ? 'مقالات خارج الأعمدة' : `«${column}»`),
          h('ol', { class: 'hits hits--compact' }, items.map((hit) => h('li', null, hitCard(hit, { q: route.q, headingLevel: 'h3', showAuthor: false, showColumn: false, showSnippet: Boolean(route.q) })))))),
      pager({ page: route.page, size: res.size || AUTHOR_PAGE_SIZE, total }, (p) => authorUrl(route.author, { q: route.q, page: p }))));
  announce(countPhrase(total, COUNTS.articles));
}

const COLUMN_COUNTS = { two: 'عمودين', few: '# أعمدة', many: '# عموداً', other: '# عمود' };

/** [[column, hits newest first]] with groups ordered by their newest article; no column last. */
export function groupByColumn(hits) {
  const groups = new Map();
  for (const hit of hits) {
    const key = hit.column || NO_COLUMN;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(hit);
  }
  const newest = (items) => items.reduce((max, h) => (h.date && h.date > max ? h.date : max), '');
  for (const items of groups.values()) items.sort((a, b) => String(b.date ?? '').localeCompare(String(a.date ?? '')));
  return [...groups.entries()].sort(([ka, a], [kb, b]) =>
    (ka === NO_COLUMN) - (kb === NO_COLUMN) || newest(b).localeCompare(newest(a)));
}

function columnAnchor(column) {
  // Anchors from a hash of the name: ids stay ASCII and unique per column.
  let hash = 0;
  for (const ch of column) hash = (hash * 31 + ch.codePointAt(0)) >>> 0;
  return `column-${hash.toString(36)}`;
}

function notFound(route) {
  return h('div', { class: 'state state--empty' },
    h('h1', { class: 'state__title', tabindex: '-1' }, 'لم نجد هذا الكاتب'),
    h('p', null, 'لا مقالات في الأرشيف باسم ', h('bdi', null, `«${route.author}»`), '.'),
    h('p', null, h('a', { href: searchUrl({ q: route.author }) }, 'ابحث عن الاسم في نصوص المقالات')));
}
