/** HTML-escapes text for element content and attribute values: & < > " ' (U+0026 U+003C U+003E U+0022 U+0027). */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const SPECIAL = /[&<>"']/g;

export function escapeHtml(s: string): string {
  return SPECIAL.test(s) ? ((SPECIAL.lastIndex = 0), s.replace(SPECIAL, (c) => ENTITIES[c]!)) : s;
}
