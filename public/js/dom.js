/**
 * A tiny DOM builder. Every string child becomes a text node (never parsed as HTML), so API data
 * can be passed straight in. The only HTML the UI ever renders from the API goes through
 * `markedText()` in sanitize.js, which also builds nodes instead of parsing.
 */

/**
 * h('a', {href: '/x', class: 'link'}, 'text', otherNode)
 * attrs: `class`, `text`, `dataset` {}, `on` {event: handler}, boolean attributes as true/false,
 * everything else via setAttribute (null/undefined/false are skipped).
 */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  if (attrs) {
    for (const [key, value] of Object.entries(attrs)) {
      if (value === null || value === undefined || value === false) continue;
      if (key === 'class') el.className = Array.isArray(value) ? value.filter(Boolean).join(' ') : value;
      else if (key === 'text') el.textContent = String(value);
      else if (key === 'dataset') Object.assign(el.dataset, value);
      else if (key === 'on') for (const [ev, fn] of Object.entries(value)) el.addEventListener(ev, fn);
      else if (value === true) el.setAttribute(key, '');
      else el.setAttribute(key, String(value));
    }
  }
  append(el, children);
  return el;
}

/** Appends children: nodes, strings (as text), numbers, arrays; skips null/undefined/false. */
export function append(parent, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else if (child instanceof Node) parent.append(child);
    else parent.append(document.createTextNode(String(child)));
  }
  return parent;
}

/** Replaces all children of `parent`. */
export function replaceChildren(parent, ...children) {
  parent.replaceChildren();
  return append(parent, children);
}

/** Says `message` to screen readers through the polite live region. */
export function announce(message) {
  const region = document.getElementById('announcer');
  if (!region) return;
  region.textContent = '';
  // A fresh text node in a separate task makes screen readers repeat identical messages too.
  setTimeout(() => { region.textContent = message; }, 50);
}
