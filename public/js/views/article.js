/** One article: metadata, full text with the query words marked, other copies, related articles. */
import { apiGet, isAbort } from '../api.js';
import { h, replaceChildren } from '../dom.js';
import { dateElement, delayedLoading, duplicatesList, loadErrorState, loadingState, metaLine, originalLink } from '../components.js';
import { markedParagraphs, markedText } from '../sanitize.js';
import { articleUrl, authorUrl, searchUrl } from '../state.js';

export async function renderArticle(main, route, { signal, navigate, backUrl }) {
  const stopLoading = delayedLoading(main, loadingState('جارٍ تحميل المقال…', 1));
  const related = apiGet(`articles/${encodeURIComponent(route.id)}/related`, {}, { signal }).catch((err) => err);
  let view;
  try {
    view = await apiGet(`articles/${encodeURIComponent(route.id)}`, { q: route.q }, { signal });
  } catch (err) {
    stopLoading();
    if (isAbort(err)) return;
    replaceChildren(main, loadErrorState(err, navigate, () => notFound(route)));
    return;
  }
  stopLoading();
  const article = view.article ?? {};
  document.title = `${article.title || 'مقال'} — فهرس`;
  const relatedSlot = h('section', { class: 'related', 'aria-labelledby': 'related-title', hidden: true });
  const paragraphs = markedParagraphs(view.bodyHtml ?? '');
  const back = backUrl ?? (route.q ? searchUrl({ q: route.q }) : null);

  replaceChildren(main,
    h('article', { class: 'article' },
      back ? h('p', { class: 'article__back' }, h('a', { href: back }, h('span', { 'aria-hidden': 'true' }, '→ '), 'العودة إلى النتائج')) : null,
      h('header', { class: 'article__header' },
        article.column || article.category
          ? h('p', { class: 'article__kicker' },
            article.column ? h('span', { class: 'article__column' }, article.column) : null,
            article.column && article.category ? h('span', { class: 'meta__sep', 'aria-hidden': 'true' }, '·') : null,
            article.category ? h('span', null, article.category) : null)
          : null,
        h('h1', { class: 'article__title', tabindex: '-1' }, view.titleHtml ? markedText(view.titleHtml) : (article.title || 'مقال بلا عنوان')),
        h('p', { class: 'article__meta meta' },
          article.author ? h('a', { class: 'meta__author', href: authorUrl(article.author) }, article.author) : null,
          article.author && article.source ? h('span', { class: 'meta__sep', 'aria-hidden': 'true' }, '·') : null,
          article.source ? h('span', { class: 'meta__source' }, article.source) : null,
          (article.date || article.dateText) ? [h('span', { class: 'meta__sep', 'aria-hidden': 'true' }, '·'), dateElement(article.date || article.dateText)] : null),
        originalLink(article.url, 'اقرأ المقال في موقع الصحيفة')),
      h('div', { class: 'article__body' }, paragraphs.length
        ? paragraphs.map((p) => h('p', null, p))
        : h('p', { class: 'muted' }, 'لا نص لهذا المقال.')),
      Array.isArray(article.tags) && article.tags.length
        ? h('section', { class: 'article__tags', 'aria-label': 'الوسوم' },
          h('ul', { class: 'tag-list' }, article.tags.filter((t) => typeof t === 'string').map((t) =>
            h('li', null, h('a', { class: 'tag', href: searchUrl({ q: '', filters: { tag: [t] } }) }, t)))))
        : null,
      Array.isArray(view.duplicates) && view.duplicates.length
        ? h('section', { class: 'article__dups', 'aria-labelledby': 'dups-title' },
          h('h2', { id: 'dups-title', class: 'section-title' }, 'نُشر أيضاً في'),
          duplicatesList(view.duplicates, route.q))
        : null),
    relatedSlot);

  const rel = await related;
  if (signal.aborted || rel instanceof Error) return;
  const hits = Array.isArray(rel) ? rel : Array.isArray(rel?.hits) ? rel.hits : [];
  if (!hits.length) return;
  replaceChildren(relatedSlot,
    h('h2', { id: 'related-title', class: 'section-title' }, 'اقرأ أيضاً'),
    h('ul', { class: 'related__list' }, hits.slice(0, 6).map((hit) => h('li', { class: 'related__item' },
      h('a', { class: 'related__title', href: articleUrl(hit.id) }, hit.title || 'مقال بلا عنوان'),
      metaLine(hit, { linkAuthor: false, showColumn: false })))));
  relatedSlot.hidden = false;
}

function notFound(route) {
  return h('div', { class: 'state state--empty' },
    h('h1', { class: 'state__title', tabindex: '-1' }, 'لم نجد هذا المقال'),
    h('p', null, 'ربما حُذف من الأرشيف أو أن الرابط غير صحيح.'),
    h('p', null, h('a', { href: route.q ? searchUrl({ q: route.q }) : '/' }, route.q ? 'العودة إلى نتائج البحث' : 'العودة إلى الصفحة الرئيسية')));
}
