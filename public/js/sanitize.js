/**
 * The API returns snippets, titles and bodies as escaped HTML whose only tags are <mark> and
 * </mark>. We never hand that string to innerHTML: it is split into text and mark tags, the text
 * is entity-decoded, and DOM nodes are built. Anything that is not exactly `<mark>`/`</mark>`
 * (a stray `<`, another tag, an attribute) is shown as literal text, so a server bug cannot
 * inject markup.
 */

const NAMED_ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0' };

/** Decodes the entities an HTML escaper produces (&amp; &lt; &gt; &quot; &#39; &#x27; &#NNN;). */
export function decodeEntities(text) {
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{2,8});/g, (whole, name) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      // Reject NUL, surrogates and out-of-range code points: keep them as literal text.
      if (!(code > 0 && code <= 0x10FFFF) || (code >= 0xD800 && code <= 0xDFFF)) return whole;
      return String.fromCodePoint(code);
    }
    return NAMED_ENTITIES[name] ?? whole;
  });
}

/**
 * Splits marked HTML into segments: [{text, marked}] with decoded text. Marks do not nest; an
 * unbalanced `</mark>` is ignored and an unclosed `<mark>` ends with the text.
 */
export function parseMarked(html) {
  const segments = [];
  let marked = false;
  for (const part of String(html ?? '').split(/(<mark>|<\/mark>)/)) {
    if (part === '<mark>') { marked = true; continue; }
    if (part === '</mark>') { marked = false; continue; }
    if (part === '') continue;
    segments.push({ text: decodeEntities(part), marked });
  }
  return segments;
}

/** Builds a DocumentFragment of text nodes and <mark> elements from the API's marked HTML. */
export function markedText(html) {
  return segmentsToFragment(parseMarked(html));
}

function segmentsToFragment(segments) {
  const fragment = document.createDocumentFragment();
  for (const { text, marked } of segments) {
    if (marked) {
      const mark = document.createElement('mark');
      mark.textContent = text;
      fragment.append(mark);
    } else {
      fragment.append(document.createTextNode(text));
    }
  }
  return fragment;
}

/**
 * Splits marked HTML into paragraphs (at line breaks) and returns one fragment per non-empty
 * paragraph, keeping a mark that spans a line break open on both sides.
 */
export function markedParagraphs(html) {
  const paragraphs = [[]];
  for (const segment of parseMarked(html)) {
    const lines = segment.text.split(/\r?\n/);
    lines.forEach((line, i) => {
      if (i > 0) paragraphs.push([]);
      if (line !== '') paragraphs[paragraphs.length - 1].push({ text: line, marked: segment.marked });
    });
  }
  return paragraphs
    .filter((segs) => segs.some((s) => s.text.trim() !== ''))
    .map(segmentsToFragment);
}

/** The URL if it is an absolute http(s) URL, else null (rejects javascript:, data:, etc.). */
export function safeExternalUrl(url) {
  if (typeof url !== 'string' || url.trim() === '') return null;
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}
