/** Escaped HTML with <mark>s (snippets, titles) → terminal text: bold on a TTY, [brackets] otherwise. */
const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'", '&nbsp;': ' ' };

export function htmlToTerminal(html: string, tty: boolean): string {
  return html
    .replace(/<mark[^>]*>/g, tty ? '\x1b[1m' : '[')
    .replace(/<\/mark>/g, tty ? '\x1b[22m' : ']')
    .replace(/<[^>]+>/g, '')
    .replace(/&(?:amp|lt|gt|quot|#39|#x27|nbsp);/g, (e) => ENTITIES[e]!)
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)));
}
