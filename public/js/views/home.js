/** The start page: what Fahras is, example searches, and the writers in the archive. */
import { apiGet, isAbort } from '../api.js';
import { h, replaceChildren } from '../dom.js';
import { COUNTS, countPhrase } from '../format.js';
import { authorUrl, searchUrl } from '../state.js';

const EXAMPLES = [
  { q: 'عمان', note: 'تجد «عُمان» و«عمّان» بتشكيلها وبدونه' },
  { q: '"الأمن المائي"', note: 'عبارة بنصّها' },
  { q: 'النفط أو الغاز', note: 'إحدى الكلمتين' },
  { q: 'التعليم -كورونا', note: 'مع استبعاد كلمة' },
];

export async function renderHome(main, _route, { signal }) {
  const authorsSlot = h('div', { class: 'home__authors' });
  replaceChildren(main,
    h('section', { class: 'home' },
      h('h1', { class: 'home__title', tabindex: '-1' }, 'ابحث في أرشيف المقالات العربية'),
      h('p', { class: 'home__lead' },
        'فهرس يبحث في نصوص المقالات وعناوينها وكتّابها، ويفهم الكلمة العربية بصورها: ',
        'مع التشكيل ومن دونه، بالهمزة وبغيرها، وبالسوابق واللواحق مثل «و» و«ال» و«ها».'),
      h('h2', { class: 'home__subtitle' }, 'جرّب مثلاً'),
      h('ul', { class: 'examples' }, EXAMPLES.map(({ q, note }) =>
        h('li', null,
          h('a', { class: 'example', href: searchUrl({ q }) }, h('span', { class: 'example__q', dir: 'auto' }, q)),
          h('span', { class: 'example__note' }, note)))),
      authorsSlot));
  try {
    const authors = await apiGet('authors', {}, { signal });
    const list = (Array.isArray(authors) ? authors : authors?.authors ?? []).filter((a) => a && typeof a.value === 'string');
    if (!list.length) return;
    replaceChildren(authorsSlot,
      h('h2', { class: 'home__subtitle' }, 'كتّاب في الأرشيف'),
      h('ul', { class: 'author-list' }, list.slice(0, 18).map((a) =>
        h('li', null, h('a', { href: authorUrl(a.value) }, a.value),
          ' ', h('span', { class: 'count' }, countPhrase(a.count, COUNTS.articles))))));
  } catch (err) {
    if (!isAbort(err)) authorsSlot.replaceChildren(); // the start page works without the list
  }
}
