/** The start page: what Fahras is, example searches, and the writers in the archive. */
import { apiGet } from '../api.js';
import { h, replaceChildren } from '../dom.js';
import { COUNTS, countPhrase, toArabicDigits } from '../format.js';
import { authorUrl, searchUrl } from '../state.js';

const EXAMPLES = [
  { q: 'عمان', note: 'تجد «عُمان» و«عمّان» بتشكيلها وبدونه' },
  { q: '"الأمن المائي"', note: 'عبارة بنصّها' },
  { q: 'النفط أو الغاز', note: 'إحدى الكلمتين' },
  { q: 'التعليم -كورونا', note: 'مع استبعاد كلمة' },
];

export async function renderHome(main, _route, { signal }) {
  const authorsSlot = h('div', { class: 'home__authors' });
  const statsSlot = h('p', { class: 'home__stats' });
  replaceChildren(main,
    h('section', { class: 'home' },
      h('h1', { class: 'home__title', tabindex: '-1' }, 'ابحث في أرشيف المقالات العربية'),
      h('p', { class: 'home__lead' },
        'فهرس يبحث في نصوص المقالات وعناوينها وكتّابها، ويفهم الكلمة العربية بصورها: ',
        'مع التشكيل ومن دونه، بالهمزة وبغيرها، وبالسوابق واللواحق مثل «و» و«ال» و«ها».'),
      statsSlot,
      h('h2', { class: 'home__subtitle' }, 'جرّب مثلاً'),
      h('ul', { class: 'examples' }, EXAMPLES.map(({ q, note }) =>
        h('li', null,
          h('a', { class: 'example', href: searchUrl({ q }) }, h('span', { class: 'example__q', dir: 'auto' }, q)),
          h('span', { class: 'example__note' }, note)))),
      authorsSlot));
  const [stats, authors] = await Promise.allSettled([apiGet('stats', {}, { signal }), apiGet('authors', {}, { signal })]);
  if (stats.status === 'fulfilled') fillStats(statsSlot, stats.value);
  if (authors.status === 'fulfilled') fillAuthors(authorsSlot, authors.value);
  // Both are extras: the start page works without them.
}

/** «في الأرشيف ٦٢ مقالاً من ٤ صحف، من ٢٠١٦ إلى ٢٠٢٥.» */
function fillStats(slot, stats) {
  const articles = Number(stats?.articles);
  if (!Number.isFinite(articles) || articles <= 0) return;
  const sources = Number(stats.sources);
  const from = /^\d{4}/.exec(stats.dateRange?.from ?? '')?.[0];
  const to = /^\d{4}/.exec(stats.dateRange?.to ?? '')?.[0];
  slot.textContent = [
    `في الأرشيف ${countPhrase(articles, COUNTS.articles)}`,
    sources > 0 ? ` من ${countPhrase(sources, SOURCE_COUNTS)}` : '',
    from && to ? (from === to ? ` في ${toArabicDigits(from)}` : `، من ${toArabicDigits(from)} إلى ${toArabicDigits(to)}`) : '',
    '.',
  ].join('');
}

const SOURCE_COUNTS = { one: 'صحيفة واحدة', two: 'صحيفتين', few: '# صحف', many: '# صحيفة', other: '# صحيفة' };

/** The most prolific writers (the API lists authors by article count). */
function fillAuthors(slot, authors) {
  const list = (Array.isArray(authors) ? authors : authors?.authors ?? []).filter((a) => a && typeof a.value === 'string');
  if (!list.length) return;
  replaceChildren(slot,
    h('h2', { class: 'home__subtitle' }, 'كتّاب في الأرشيف'),
    h('ul', { class: 'author-list' }, list.slice(0, 18).map((a) =>
      h('li', null, h('a', { href: authorUrl(a.value) }, a.value),
        ' ', h('span', { class: 'count' }, countPhrase(a.count, COUNTS.articles))))));
}
