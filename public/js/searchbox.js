/**
 * The search box with suggestions as you type, following the WAI-ARIA 1.2 combobox pattern
 * (input role=combobox + listbox, aria-activedescendant):
 *   ArrowDown/ArrowUp move through the suggestions (wrapping), Enter picks the highlighted one
 *   (or submits the search when none is), Escape closes the list (a second Escape clears the box),
 *   Alt+ArrowDown opens it. Clicking a suggestion picks it without blurring the input first.
 */
import { apiGet, isAbort } from './api.js';
import { announce, h } from './dom.js';
import { countPhrase } from './format.js';

const SUGGESTION_COUNTS = { one: 'اقتراح واحد', two: 'اقتراحان', few: '# اقتراحات', many: '# اقتراحاً', other: '# اقتراح' };
const KIND_LABELS = { word: 'كلمة', title: 'مقال', author: 'كاتب', column: 'عمود' };
const DEBOUNCE_MS = 120;
const MIN_CHARS = 1;

/**
 * onSearch(q) runs a search; onPick(suggestion, q) handles title/author/column picks (navigation).
 */
export function setupSearchbox({ form, input, listbox, onSearch, onPick }) {
  let items = [];
  let active = -1;
  let timer = 0;
  let controller = null;
  let lastFetched = null;

  const isOpen = () => !listbox.hidden;

  function close() {
    clearTimeout(timer);
    controller?.abort();
    listbox.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  }

  function open() {
    if (!items.length) return;
    listbox.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  }

  function setActive(index) {
    active = index;
    listbox.querySelectorAll('[role="option"]').forEach((option, i) => {
      option.setAttribute('aria-selected', String(i === index));
      if (i === index) option.scrollIntoView({ block: 'nearest' });
    });
    if (index >= 0) input.setAttribute('aria-activedescendant', `suggestion-${index}`);
    else input.removeAttribute('aria-activedescendant');
  }

  function render(list) {
    items = list;
    active = -1;
    listbox.replaceChildren(...list.map((s, i) => h('li', {
      id: `suggestion-${i}`,
      role: 'option',
      class: `suggestion suggestion--${s.kind}`,
      'aria-selected': 'false',
      on: {
        mousedown: (e) => e.preventDefault(),
        click: () => pick(i),
        mousemove: () => { if (active !== i) setActive(i); },
      },
    }, h('span', { class: 'suggestion__text', dir: 'auto' }, s.text),
    s.kind !== 'word' ? h('span', { class: 'suggestion__kind' }, KIND_LABELS[s.kind] ?? '') : null)));
    if (list.length) {
      open();
      announce(`${countPhrase(list.length, SUGGESTION_COUNTS)}، تنقّل بينها بالسهمين`);
    } else close();
  }

  async function fetchSuggestions(q) {
    controller?.abort();
    controller = new AbortController();
    try {
      const body = await apiGet('suggest', { q }, { signal: controller.signal });
      const list = normalizeSuggestions(body).slice(0, 8);
      if (input.value === q && document.activeElement === input) {
        lastFetched = q;
        render(list);
      }
    } catch (err) {
      if (!isAbort(err)) close(); // suggestions are a convenience: fail quietly
    }
  }

  function pick(index) {
    const s = items[index];
    if (!s) return;
    close();
    if (s.kind === 'word') {
      const q = replaceLastWord(input.value, s.text);
      input.value = q;
      onSearch(q);
    } else {
      onPick(s, input.value);
    }
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    const q = input.value;
    if (q.trim().length < MIN_CHARS) { close(); items = []; return; }
    timer = setTimeout(() => fetchSuggestions(q), DEBOUNCE_MS);
  });

  input.addEventListener('keydown', (e) => {
    if (e.isComposing) return;
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (!isOpen()) { if (items.length && lastFetched === input.value) open(); else if (input.value.trim()) fetchSuggestions(input.value); return; }
        if (e.altKey) return;
        setActive(active + 1 >= items.length ? 0 : active + 1);
        break;
      case 'ArrowUp':
        if (!isOpen()) return;
        e.preventDefault();
        setActive(active <= 0 ? items.length - 1 : active - 1);
        break;
      case 'Enter':
        if (isOpen() && active >= 0) { e.preventDefault(); pick(active); }
        else close();
        break;
      case 'Escape':
        if (isOpen()) { e.preventDefault(); close(); }
        else if (input.value) { e.preventDefault(); input.value = ''; items = []; }
        break;
      case 'Tab':
        close();
        break;
      default:
    }
  });

  input.addEventListener('blur', () => setTimeout(close, 0));

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    close();
    onSearch(input.value);
  });

  return {
    /** Sets the box text without opening suggestions (on navigation). */
    setValue(q) {
      if (input.value !== q) input.value = q;
      close();
    },
    close,
  };
}

/** Accepts `[{text,kind,id?}]` or `{suggestions: [...]}` and drops malformed entries. */
export function normalizeSuggestions(body) {
  const list = Array.isArray(body) ? body : Array.isArray(body?.suggestions) ? body.suggestions : [];
  return list
    .filter((s) => s && typeof s.text === 'string' && s.text.trim() !== '')
    .map((s) => ({ text: s.text, kind: KIND_LABELS[s.kind] ? s.kind : 'word', id: typeof s.id === 'string' ? s.id : undefined }));
}

/** Replaces the word being typed (after the last space) with the completion. */
export function replaceLastWord(q, word) {
  const m = /^(.*?)(\S*)$/su.exec(q);
  const head = m ? m[1] : '';
  // Keep a leading operator or field prefix of the last word (-word, author:word).
  const last = m ? m[2] : '';
  const prefix = /^(-|\+|[a-z]+:)/i.exec(last)?.[0] ?? '';
  return `${head}${prefix}${word}`.trim();
}
