/** HTML-escapes text for element content and attribute values: & < > " ' (U+0026 U+003C U+003E U+0022 U+0027). */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const SPECIAL = /[&<>"']/g;

export function escapeHtml(s: string): string {
  return SPECIAL.test(s) ? ((SPECIAL.lastIndex = 0), s.replace(SPECIAL, (c) => ENTITIES[c]!)) : s;
}

/** Code units that /\s/ matches (JavaScript's white space and line terminators), from the regex itself. */
export const WHITE_SPACE = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) WHITE_SPACE[c] = /\s/.test(String.fromCharCode(c)) ? 1 : 0;

const ESCAPED = new Uint8Array(0x80);
const ENTITY_OF: string[] = new Array<string>(0x80).fill('');
for (const [ch, entity] of Object.entries(ENTITIES)) {
  ESCAPED[ch.charCodeAt(0)] = 1;
  ENTITY_OF[ch.charCodeAt(0)] = entity;
}

/**
 * escapeHtml(text.slice(from, to)), with each run of white space folded to one space when
 * `collapse` (as .replace(/\s+/g, ' ') before escaping), in one pass without regexes.
 */
export function escapeRange(text: string, from: number, to: number, collapse: boolean): string {
  let out = '';
  let copied = from; // text[copied, i) is still to be copied as is
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80 && ESCAPED[c] === 1) {
      out += text.slice(copied, i) + ENTITY_OF[c]!;
      copied = i + 1;
    } else if (collapse && WHITE_SPACE[c] === 1) {
      let j = i + 1;
      while (j < to && WHITE_SPACE[text.charCodeAt(j)] === 1) j++;
      if (c !== 0x20 || j > i + 1) {
        out += text.slice(copied, i) + ' ';
        copied = j;
      }
      i = j - 1;
    }
  }
  return copied === from && to === text.length && from === 0 ? text : out + text.slice(copied, to);
}
