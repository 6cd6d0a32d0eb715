/**
 * Stable ids for records that come without one, so ingesting the same file twice updates
 * instead of duplicating:
 *   with a URL:  `u-` + first 16 hex of SHA-1 of the URL (trimmed, without `#fragment`)
 *   otherwise:   `h-` + first 16 hex of SHA-1 of `title + "\n" + body` (both trimmed, NFC)
 */
import { createHash } from 'node:crypto';

const sha1 = (s: string) => createHash('sha1').update(s, 'utf8').digest('hex').slice(0, 16);

export function idFromUrl(url: string): string {
  return `u-${sha1(url.trim().replace(/#.*$/, ''))}`;
}

export function idFromContent(title: string, body: string): string {
  return `h-${sha1(`${title.trim().normalize('NFC')}\n${body.trim().normalize('NFC')}`)}`;
}

export function deriveId(a: { url?: string; title: string; body: string }): string {
  return a.url ? idFromUrl(a.url) : idFromContent(a.title, a.body);
}
