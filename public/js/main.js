/**
 * Entry point and router. Internal links and forms call navigate(url), which pushes the URL and
 * renders the matching view; popstate re-renders from the URL and restores the scroll position
 * saved in history.state. Only one view request runs at a time (the previous is aborted).
 */
import { announce, h, replaceChildren } from './dom.js';
import { setupSearchbox } from './searchbox.js';
import { articleUrl, authorUrl, hasFilters, parseRoute, searchUrl } from './state.js';
import { renderArticle } from './views/article.js';
import { renderAuthor } from './views/author.js';
import { renderHome } from './views/home.js';
import { renderSearch } from './views/search.js';

const VIEWS = { home: renderHome, search: renderSearch, article: renderArticle, author: renderAuthor, notfound: renderNotFound };
const main = document.getElementById('main');
let controller = null;

if ('scrollRestoration' in history) history.scrollRestoration = 'manual';

const searchbox = setupSearchbox({
  form: document.getElementById('search-form'),
  input: document.getElementById('q'),
  listbox: document.getElementById('suggestions'),
  onSearch: (q) => {
    const route = parseRoute(location);
    // A new query from the results page keeps the chosen filters and sort, starting at page 1.
    const keep = route.name === 'search' ? { filters: route.filters, sort: route.sort } : {};
    if (!q.trim() && !(keep.filters && Object.keys(keep.filters).length)) navigate('/', { focus: false });
    else navigate(searchUrl({ q: q.trim(), ...keep, page: 1 }), { focus: false });
  },
  onPick: (s, q) => {
    if (s.kind === 'title' && s.id) navigate(articleUrl(s.id));
    else if (s.kind === 'author') navigate(authorUrl(s.text));
    else if (s.kind === 'column') navigate(searchUrl({ q: '', filters: { column: [s.text] } }));
    else navigate(searchUrl({ q: s.text || q }));
  },
});

/**
 * Goes to an internal URL. `focus`: true moves keyboard focus to the new page's heading;
 * 'restore' puts it back on the control with the same id after re-rendering (a sort <select>
 * changed with the arrow keys must keep focus); false leaves it where it is.
 */
export function navigate(url, { replace = false, focus = true } = {}) {
  const from = location.pathname + location.search;
  if (replace) {
    history.replaceState({ ...history.state, scrollY: 0 }, '', url);
  } else {
    history.replaceState({ ...history.state, scrollY: window.scrollY }, '', location.href);
    history.pushState({ scrollY: 0, from }, '', url);
  }
  const restoreId = focus === 'restore' ? document.activeElement?.id : undefined;
  render({ focus: focus === 'restore' ? false : focus, scrollY: focus === 'restore' ? window.scrollY : 0, restoreId });
}

async function render({ focus = false, scrollY = 0, restoreId } = {}) {
  controller?.abort();
  controller = new AbortController();
  const { signal } = controller;
  // data-state tells tests (and styles) whether the view has finished rendering.
  main.dataset.state = 'loading';
  let route = parseRoute(location);
  // An empty search with no filters is the start page.
  if (route.name === 'search' && !route.q.trim() && !hasFilters(route.filters)) route = { name: 'home', q: '' };
  searchbox.setValue(route.q ?? '');
  document.title = titleFor(route);
  document.body.dataset.view = route.name;
  const from = history.state?.from;
  const backUrl = typeof from === 'string' && from.startsWith('/search?') ? from : null;
  try {
    await VIEWS[route.name](main, route, { signal, navigate, backUrl });
  } catch (err) {
    if (err?.name === 'AbortError') return;
    console.error(err);
    replaceChildren(main, h('div', { class: 'state state--error', role: 'alert' },
      h('h1', { class: 'state__title', tabindex: '-1' }, 'حدث خطأ في عرض الصفحة'),
      h('p', null, 'أعد تحميل الصفحة، وإن تكرر الخطأ فأبلغنا به.')));
  }
  if (signal.aborted) return;
  main.dataset.state = 'ready';
  window.scrollTo(0, scrollY);
  const restore = restoreId ? document.getElementById(restoreId) : null;
  if (restore) restore.focus({ preventScroll: true });
  else if (focus) {
    const heading = main.querySelector('h1');
    (heading ?? main).focus({ preventScroll: true });
  }
}

function titleFor(route) {
  if (route.name === 'search') return route.q ? `${route.q} — بحث فهرس` : 'بحث — فهرس';
  if (route.name === 'author') return `${route.author} — فهرس`;
  if (route.name === 'article') return 'مقال — فهرس';
  if (route.name === 'notfound') return 'صفحة غير موجودة — فهرس';
  return 'فهرس — البحث في أرشيف المقالات العربية';
}

function renderNotFound(container) {
  replaceChildren(container, h('div', { class: 'state state--empty' },
    h('h1', { class: 'state__title', tabindex: '-1' }, 'الصفحة غير موجودة'),
    h('p', null, h('a', { href: '/' }, 'العودة إلى الصفحة الرئيسية'))));
  announce('الصفحة غير موجودة');
}

// Internal links: same origin, plain left click, no target, not a download or same-page anchor.
document.addEventListener('click', (e) => {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const a = e.target instanceof Element ? e.target.closest('a[href]') : null;
  if (!a || a.target || a.hasAttribute('download')) return;
  const url = new URL(a.href, location.href);
  if (url.origin !== location.origin || url.pathname.startsWith('/api/') || url.pathname.startsWith('/fonts/')) return;
  if (url.hash && url.pathname === location.pathname && url.search === location.search) return;
  e.preventDefault();
  navigate(url.pathname + url.search);
});

window.addEventListener('popstate', () => {
  render({ focus: false, scrollY: history.state?.scrollY ?? 0 });
});

render({ focus: false, scrollY: history.state?.scrollY ?? 0 });
