/** The results page: summary, sort, active-filter chips, facets, hits, pages. */
import { apiGet, isAbort } from '../api.js';
import { announce, h, replaceChildren } from '../dom.js';
import { COUNTS, countPhrase, formatNumber, formatSeconds, toArabicDigits, toAsciiDigits } from '../format.js';
import { delayedLoading, loadErrorState, hitCard, loadingState, pager, queryErrorState } from '../components.js';
import { FILTER_KEYS, hasFilters, searchUrl, toggleFilter, withDates } from '../state.js';

export const PAGE_SIZE = 10;
const FACETS = ['author', 'column', 'source', 'category', 'year'];
const FACET_LABELS = { author: 'الكاتب', column: 'العمود', source: 'الصحيفة', category: 'القسم', tag: 'الوسم', year: 'السنة' };
const SORT_LABELS = { relevance: 'الأكثر صلة', newest: 'الأحدث', oldest: 'الأقدم' };
const FACET_VISIBLE = 6;

export async function renderSearch(main, route, { signal, navigate }) {
  const state = { q: route.q, filters: route.filters, sort: route.sort, page: route.page };
  const stopLoading = delayedLoading(main, loadingState());
  let res;
  try {
    res = await apiGet('search', {
      q: state.q,
      ...Object.fromEntries(FILTER_KEYS.map((k) => [k, state.filters[k]])),
      from: state.filters.from,
      to: state.filters.to,
      sort: state.sort,
      page: state.page,
      size: PAGE_SIZE,
      facets: FACETS.join(','),
    }, { signal });
  } catch (err) {
    stopLoading();
    if (isAbort(err)) return;
    replaceChildren(main, err.code === 'query_syntax'
      ? queryErrorState(state.q, err)
      : loadErrorState(err, navigate));
    announce(err.title || 'حدث خطأ');
    return;
  }
  stopLoading();
  const go = (next, opts) => navigate(searchUrl(next), opts);

  const hits = Array.isArray(res.hits) ? res.hits : [];
  const total = Number(res.total) || 0;
  const showFilters = total > 0 || hasFilters(state.filters);
  const summary = total
    ? `${countPhrase(total, COUNTS.results)} في ${formatSeconds(res.took_ms)}`
    : 'لا نتائج';

  replaceChildren(main,
    h('div', { class: 'search-page' },
      h('div', { class: 'results-header' },
        h('div', { class: 'results-header__text' },
          h('h1', { class: 'results-header__title', tabindex: '-1' },
            state.q ? ['نتائج البحث عن ', h('bdi', { class: 'query' }, `«${state.q}»`)] : 'تصفّح الأرشيف'),
          h('p', { class: 'results-header__summary', id: 'results-summary' }, summary,
            total > PAGE_SIZE ? ` · الصفحة ${formatNumber(state.page)} من ${formatNumber(Math.ceil(total / (res.size || PAGE_SIZE)))}` : '')),
        total ? sortControl(state, go) : null),
      chips(state, go),
      h('div', { class: ['search-layout', !showFilters && 'search-layout--single'] },
        showFilters ? filtersPanel(state, res.facets ?? {}, go) : null,
        h('section', { class: 'results', 'aria-labelledby': 'results-summary' },
          total === 0 ? noResults(state, res, go) : [
            res.relaxed ? h('p', { class: 'notice' }, 'لم نجد مقالات فيها كل كلمات البحث، فهذه أقرب النتائج إليها.') : null,
            res.suggestion ? didYouMean(state, res.suggestion, true) : null,
            hits.length
              ? h('ol', { class: 'hits', start: String((state.page - 1) * PAGE_SIZE + 1) },
                hits.map((hit) => h('li', null, hitCard(hit, { q: state.q }))))
              : h('p', { class: 'notice' }, `لا صفحة ${formatNumber(state.page)} لهذا البحث. `,
                h('a', { href: searchUrl({ ...state, page: 1 }) }, 'العودة إلى الصفحة الأولى')),
            pager({ page: state.page, size: res.size || PAGE_SIZE, total }, (p) => searchUrl({ ...state, page: p })),
          ]))));
  announce(total ? summary : `لا نتائج للبحث عن ${state.q}`);
}

function sortControl(state, go) {
  const select = h('select', { id: 'sort', class: 'select', on: { change: () => go({ ...state, sort: select.value, page: 1 }, { focus: 'restore' }) } },
    Object.entries(SORT_LABELS).map(([value, label]) => h('option', { value, selected: value === state.sort }, label)));
  return h('div', { class: 'sort' }, h('label', { for: 'sort' }, 'الترتيب: '), select);
}

function chips(state, go) {
  const list = [];
  for (const key of FILTER_KEYS) {
    for (const value of state.filters[key] ?? []) {
      list.push({ label: FACET_LABELS[key], value, next: () => toggleFilter(state, key, value) });
    }
  }
  if (state.filters.from || state.filters.to) {
    list.push({ label: 'التاريخ', value: dateRangeLabel(state.filters), next: () => withDates(state, '', '') });
  }
  if (!list.length) return null;
  return h('div', { class: 'chips', role: 'group', 'aria-label': 'عوامل التصفية المختارة' },
    list.map(({ label, value, next }) => h('button', {
      type: 'button',
      class: 'chip',
      'aria-label': `إزالة عامل التصفية: ${label} ${value}`,
      on: { click: () => go(next()) },
    }, h('span', { class: 'chip__label' }, `${label}: `), h('bdi', null, value), h('span', { class: 'chip__x', 'aria-hidden': 'true' }, '×'))),
    list.length > 1
      ? h('button', { type: 'button', class: 'chip chip--clear', on: { click: () => go({ q: state.q, filters: {}, sort: state.sort, page: 1 }) } }, 'إزالة الكل')
      : null);
}

function dateRangeLabel({ from, to }) {
  const ar = (d) => toArabicDigits(d ?? '');
  if (from && to && from === to) return ar(from);
  if (from && to) return `${ar(from)} – ${ar(to)}`;
  return from ? `من ${ar(from)}` : `حتى ${ar(to)}`;
}

function filtersPanel(state, facets, go) {
  const activeCount = FILTER_KEYS.reduce((n, k) => n + (state.filters[k]?.length ?? 0), 0) + (state.filters.from || state.filters.to ? 1 : 0);
  const body = h('div', { class: 'filters__body', id: 'filters-body' },
    FACETS.filter((f) => f !== 'year').map((f) => facetGroup(f, facets[f], state)),
    dateGroup(state, facets.year, go));
  const toggle = h('button', {
    type: 'button', class: 'filters__toggle', 'aria-expanded': 'false', 'aria-controls': 'filters-body',
    on: { click: () => {
      const expanded = toggle.getAttribute('aria-expanded') === 'true';
      toggle.setAttribute('aria-expanded', String(!expanded));
    } },
  }, 'تصفية النتائج', activeCount ? h('span', { class: 'badge' }, formatNumber(activeCount)) : null);
  return h('aside', { class: 'filters', 'aria-labelledby': 'filters-heading' },
    h('h2', { class: 'filters__heading visually-hidden', id: 'filters-heading' }, 'تصفية النتائج'),
    toggle, body);
}

function facetGroup(name, values, state) {
  const chosen = state.filters[name] ?? [];
  const list = Array.isArray(values) ? values.filter((v) => v && typeof v.value === 'string' && v.value !== '') : [];
  // Chosen values stay visible even when the current results no longer count them.
  for (const value of chosen) if (!list.some((v) => v.value === value)) list.unshift({ value, count: 0 });
  if (!list.length) return null;
  const id = `facet-${name}`;
  const item = (v, i) => {
    const on = chosen.includes(v.value);
    return h('li', { class: i >= FACET_VISIBLE && !on ? 'facet__more' : null },
      h('a', { class: ['facet__value', on && 'is-on'], href: searchUrl(toggleFilter(state, name, v.value)) },
        h('span', { class: 'facet__check', 'aria-hidden': 'true' }),
        h('span', { class: 'facet__name' }, v.value),
        on ? h('span', { class: 'visually-hidden' }, ' (مختار، اضغط للإزالة)') : null,
        h('span', { class: 'count' }, formatNumber(v.count))));
  };
  const hidden = list.length - FACET_VISIBLE;
  const ul = h('ul', { class: 'facet__list', id: `${id}-list` }, list.map(item));
  return h('section', { class: 'facet', 'aria-labelledby': id },
    h('h3', { class: 'facet__title', id }, FACET_LABELS[name]),
    ul,
    hidden > 0 ? h('button', {
      type: 'button', class: 'link-button', 'aria-expanded': 'false', 'aria-controls': `${id}-list`,
      on: { click: (e) => {
        const expanded = ul.classList.toggle('is-expanded');
        e.currentTarget.setAttribute('aria-expanded', String(expanded));
        e.currentTarget.textContent = expanded ? 'عرض أقل' : `عرض الكل (${formatNumber(list.length)})`;
      } },
    }, `عرض الكل (${formatNumber(list.length)})`) : null);
}

const DATE_RE = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/;

/** `٢٠٢٣/١٢` or `2023-12-5` → `2023-12-05`; null when not a date. Empty stays empty. */
export function normalizeDateInput(text) {
  const t = toAsciiDigits(text).trim().replace(/[/.]/g, '-');
  if (t === '') return '';
  const m = DATE_RE.exec(t);
  if (!m) return null;
  const [, y, mo, d] = m;
  if (mo && (Number(mo) < 1 || Number(mo) > 12)) return null;
  if (d && (Number(d) < 1 || Number(d) > 31)) return null;
  return [y, mo?.padStart(2, '0'), d?.padStart(2, '0')].filter(Boolean).join('-');
}

function dateGroup(state, years, go) {
  const from = h('input', { id: 'date-from', class: 'input', type: 'text', inputmode: 'numeric', dir: 'ltr', value: state.filters.from ?? '', placeholder: '2020', 'aria-describedby': 'date-hint' });
  const to = h('input', { id: 'date-to', class: 'input', type: 'text', inputmode: 'numeric', dir: 'ltr', value: state.filters.to ?? '', placeholder: '2023-12', 'aria-describedby': 'date-hint' });
  const error = h('p', { class: 'field-error', id: 'date-error', role: 'alert' });
  const form = h('form', {
    class: 'date-range',
    on: { submit: (e) => {
      e.preventDefault();
      const f = normalizeDateInput(from.value);
      const t = normalizeDateInput(to.value);
      for (const [input, value] of [[from, f], [to, t]]) {
        if (value === null) input.setAttribute('aria-invalid', 'true'); else input.removeAttribute('aria-invalid');
      }
      if (f === null || t === null) {
        error.textContent = 'اكتب التاريخ بصيغة سنة (2023) أو سنة-شهر (2023-12) أو سنة-شهر-يوم (2023-12-31).';
        (f === null ? from : to).focus();
        return;
      }
      if (f && t && f > t) {
        error.textContent = 'تاريخ البداية بعد تاريخ النهاية.';
        from.setAttribute('aria-invalid', 'true');
        from.focus();
        return;
      }
      go(withDates(state, f, t));
    } },
  },
  h('div', { class: 'date-range__fields' },
    h('div', { class: 'field' }, h('label', { for: 'date-from' }, 'من'), from),
    h('div', { class: 'field' }, h('label', { for: 'date-to' }, 'إلى'), to)),
  h('p', { class: 'field-hint', id: 'date-hint' }, 'سنة أو سنة-شهر أو تاريخ كامل'),
  error,
  h('button', { class: 'button button--small', type: 'submit' }, 'تطبيق'));

  const yearList = (Array.isArray(years) ? years : [])
    .filter((y) => y && /^\d{4}$/.test(String(y.value)))
    .sort((a, b) => String(b.value).localeCompare(String(a.value)));
  return h('section', { class: 'facet', 'aria-labelledby': 'facet-date' },
    h('h3', { class: 'facet__title', id: 'facet-date' }, 'التاريخ'),
    yearList.length ? h('ul', { class: 'facet__list facet__list--years' }, yearList.map((y) => {
      const on = state.filters.from === y.value && state.filters.to === y.value;
      return h('li', null, h('a', {
        class: ['facet__value', on && 'is-on'],
        href: searchUrl(on ? withDates(state, '', '') : withDates(state, y.value, y.value)),
      }, h('span', { class: 'facet__check', 'aria-hidden': 'true' }),
      h('span', { class: 'facet__name' }, toArabicDigits(y.value)),
      on ? h('span', { class: 'visually-hidden' }, ' (مختار، اضغط للإزالة)') : null,
      h('span', { class: 'count' }, formatNumber(y.count))));
    })) : null,
    form);
}

/** «هل تقصد …؟» linking to the suggested query; above results (typo-tolerant hits) as a notice. */
function didYouMean(state, suggestion, aboveResults = false) {
  return h('p', { class: ['did-you-mean', aboveResults && 'notice'] }, 'هل تقصد: ',
    h('a', { href: searchUrl({ ...state, q: suggestion, page: 1 }) }, h('bdi', null, suggestion)), '؟');
}

function noResults(state, res, go) {
  return h('div', { class: 'state state--empty' },
    h('h2', { class: 'state__title' }, state.q ? ['لم نجد مقالات تطابق ', h('bdi', null, `«${state.q}»`)] : 'لا مقالات بهذه الشروط'),
    res.suggestion ? didYouMean(state, res.suggestion) : null,
    h('p', null, 'اقتراحات:'),
    h('ul', { class: 'tips' },
      h('li', null, 'تحقّق من إملاء الكلمات.'),
      h('li', null, 'جرّب كلمات أقل أو أعمّ، أو مرادفاً للكلمة.'),
      /"/.test(state.q) ? h('li', null, 'أزل علامات التنصيص للبحث عن الكلمات متفرقة.') : null,
      hasFilters(state.filters)
        ? h('li', null, 'وسّع البحث: ', h('button', { type: 'button', class: 'link-button', on: { click: () => go({ q: state.q, filters: {}, sort: state.sort, page: 1 }) } }, 'أزل كل عوامل التصفية'))
        : null));
}
