/** Pieces shared by the views: result cards, metadata lines, pager, loading and error states. */
import { h } from './dom.js';
import { COUNTS, countPhrase, formatDate, formatNumber } from './format.js';
import { markedText, safeExternalUrl } from './sanitize.js';
import { articleUrl, authorUrl } from './state.js';

/** <time> with the Arabic date as text and the ISO date as machine value and tooltip. */
export function dateElement(date) {
  if (!date) return null;
  const isIso = /^\d{4}(-\d{2}){0,2}$/.test(date);
  return h('time', isIso ? { datetime: date, title: date } : {}, formatDate(date));
}

/** Author · column · source · date, each part only when present. */
export function metaLine(item, { linkAuthor = true, showAuthor = true, showColumn = true } = {}) {
  const parts = [];
  if (showAuthor && item.author) {
    parts.push(linkAuthor
      ? h('a', { class: 'meta__author', href: authorUrl(item.author) }, item.author)
      : h('span', { class: 'meta__author' }, item.author));
  }
  if (showColumn && item.column) parts.push(h('span', { class: 'meta__column' }, `«${item.column}»`));
  if (item.source) parts.push(h('span', { class: 'meta__source' }, item.source));
  if (item.date || item.dateText) parts.push(dateElement(item.date || item.dateText));
  return h('p', { class: 'meta' }, parts.flatMap((p, i) => (i ? [h('span', { class: 'meta__sep', 'aria-hidden': 'true' }, '·'), p] : [p])));
}

/** One search hit. `q` is carried into the article link so the article page marks the words. */
export function hitCard(hit, { q = '', headingLevel = 'h2', showAuthor = true, showColumn = true, showSnippet = true } = {}) {
  const title = hit.titleHtml ? markedText(hit.titleHtml) : (hit.title || 'مقال بلا عنوان');
  return h('article', { class: 'hit' },
    h(headingLevel, { class: 'hit__title' }, h('a', { href: articleUrl(hit.id, q) }, title)),
    metaLine(hit, { showAuthor, showColumn }),
    showSnippet && hit.snippet ? h('p', { class: 'hit__snippet' }, markedText(hit.snippet)) : null,
    duplicatesDisclosure(hit.duplicates, q),
  );
}

/** «منشور أيضاً في N صحف أخرى» as a <details> listing the other copies. */
export function duplicatesDisclosure(duplicates, q = '') {
  if (!Array.isArray(duplicates) || duplicates.length === 0) return null;
  return h('details', { class: 'dups' },
    h('summary', null, countPhrase(duplicates.length, COUNTS.otherPapers)),
    duplicatesList(duplicates, q));
}

export function duplicatesList(duplicates, q = '') {
  return h('ul', { class: 'dups__list' }, duplicates.map((d) =>
    h('li', null,
      h('a', { href: articleUrl(d.id, q) }, d.source || d.title || 'نسخة أخرى'),
      d.date ? [' ', h('span', { class: 'dups__date' }, '(', dateElement(d.date), ')')] : null,
    )));
}

/** Link to the original page, only for http(s) URLs. */
export function originalLink(url, label = 'المصدر الأصلي') {
  const href = safeExternalUrl(url);
  if (!href) return null;
  return h('a', { class: 'original-link', href, rel: 'noopener noreferrer nofollow', target: '_blank' },
    label, h('span', { class: 'visually-hidden' }, ' (يفتح في نافذة جديدة)'));
}

/**
 * Page links: first, previous, a window around the current page, next, last.
 * `urlFor(page)` builds each link. In RTL "السابق" sits on the right, where reading starts.
 */
export function pager({ page, size, total }, urlFor) {
  const pages = Math.max(1, Math.ceil(total / Math.max(1, size)));
  if (pages <= 1) return null;
  const items = [];
  const link = (p, label, cls, extra = {}) =>
    h('li', null, h('a', { class: ['pager__link', cls], href: urlFor(p), ...extra }, label));
  if (page > 1) items.push(link(page - 1, 'السابق', 'pager__prev', { rel: 'prev' }));
  const windowStart = Math.max(1, Math.min(page - 2, pages - 4));
  const windowEnd = Math.min(pages, windowStart + 4);
  if (windowStart > 1) {
    items.push(link(1, formatNumber(1), null, { 'aria-label': 'الصفحة ١' }));
    if (windowStart > 2) items.push(h('li', { class: 'pager__gap', 'aria-hidden': 'true' }, '…'));
  }
  for (let p = windowStart; p <= windowEnd; p++) {
    items.push(p === page
      ? h('li', null, h('span', { class: 'pager__link pager__current', 'aria-current': 'page' },
        h('span', { class: 'visually-hidden' }, 'الصفحة '), formatNumber(p)))
      : link(p, formatNumber(p), null, { 'aria-label': `الصفحة ${formatNumber(p)}` }));
  }
  if (windowEnd < pages) {
    if (windowEnd < pages - 1) items.push(h('li', { class: 'pager__gap', 'aria-hidden': 'true' }, '…'));
    items.push(link(pages, formatNumber(pages), null, { 'aria-label': `الصفحة ${formatNumber(pages)}` }));
  }
  if (page < pages) items.push(link(page + 1, 'التالي', 'pager__next', { rel: 'next' }));
  return h('nav', { class: 'pager', 'aria-label': 'صفحات النتائج' }, h('ul', { class: 'pager__list' }, items));
}

/** Placeholder cards shown while a request is running. */
export function loadingState(label = 'جارٍ البحث…', cards = 4) {
  return h('div', { class: 'loading', role: 'status' },
    h('p', { class: 'loading__label' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), label),
    Array.from({ length: cards }, () => h('div', { class: 'skeleton', 'aria-hidden': 'true' },
      h('div', { class: 'skeleton__line skeleton__line--title' }),
      h('div', { class: 'skeleton__line skeleton__line--meta' }),
      h('div', { class: 'skeleton__line' }),
      h('div', { class: 'skeleton__line skeleton__line--short' }))));
}

/**
 * What a view shows when its request failed: `notFound()` for a 404 (when given), else the error
 * box whose retry reloads the current URL.
 */
export function loadErrorState(err, navigate, notFound) {
  if (notFound && err?.status === 404) return notFound();
  return errorState(err, () => navigate(location.pathname + location.search, { replace: true }));
}

/** An error box with the server's explanation and a retry button. */
export function errorState(err, onRetry) {
  const title = err?.title || 'حدث خطأ غير متوقع';
  const detail = err?.detail || (err?.title ? '' : String(err?.message ?? ''));
  return h('div', { class: 'state state--error', role: 'alert' },
    h('h1', { class: 'state__title', tabindex: '-1' }, title),
    detail ? h('p', { class: 'state__detail', dir: 'auto' }, detail) : null,
    err?.hint ? h('p', { class: 'state__detail', dir: 'auto' }, err.hint) : null,
    err?.status ? h('p', { class: 'state__code' }, `رمز الخطأ: ${formatNumber(err.status)}`) : null,
    onRetry ? h('button', { class: 'button', type: 'button', on: { click: onRetry } }, 'إعادة المحاولة') : null,
    h('p', null, h('a', { href: '/' }, 'العودة إلى الصفحة الرئيسية')));
}

/** Shows the loading state only if loading takes longer than a blink, to avoid flashing. */
export function delayedLoading(container, node, delay = 150) {
  const timer = setTimeout(() => {
    container.setAttribute('aria-busy', 'true');
    container.replaceChildren(node);
  }, delay);
  return () => {
    clearTimeout(timer);
    container.removeAttribute('aria-busy');
  };
}

/**
 * A query syntax error: the query with the offending character marked (the API gives its
 * UTF-16 offset in `position`), the server's explanation and the syntax reminder.
 */
export function queryErrorState(q, err) {
  const pos = Number.isInteger(err?.position) ? Math.min(Math.max(err.position, 0), q.length) : -1;
  const shown = pos < 0 ? null : h('p', { class: 'query-error' },
    h('code', { dir: 'rtl' }, q.slice(0, pos), h('mark', { class: 'query-error__at' }, q.slice(pos, pos + 1) || ' '), q.slice(pos + 1)));
  return h('div', { class: 'state state--error', role: 'alert' },
    h('h1', { class: 'state__title', tabindex: '-1' }, 'في صيغة البحث خطأ'),
    shown,
    err?.detail ? h('p', { class: 'state__detail', dir: 'auto' }, err.detail) : null,
    err?.hint ? h('p', { class: 'state__detail', dir: 'auto' }, err.hint) : null,
    h('p', null, 'العبارات بين علامتي تنصيص "…"، والاستبعاد بعلامة الطرح قبل الكلمة (-كلمة)، والبدائل بـ«أو». افتح «طريقة البحث» أعلى الصفحة للتفاصيل.'));
}
