/** FNV-1a (32-bit) over UTF-16 code units: the surface cache's hash, also computed by the tokenizer's scan. */
export const FNV_OFFSET = 0x811c9dc5 | 0;
export const FNV_PRIME = 0x01000193;

/** FNV-1a over the code units of text[start, end). */
export function hashRegion(text: string, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h;
}
