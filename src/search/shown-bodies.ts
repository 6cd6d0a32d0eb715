/**
 * The articles the last searches showed, with their bodies already scanned for highlighting, kept
 * between queries (LRU by doc number, per doc table). A hit's snippet needs its body read (a
 * syscall on an index folder) and scanned whole into token offsets and letter masks
 * (text-tokens.ts, ~5 ns a character; ~0.3 ms for a page of ten long bodies): none of that depends
 * on the query, and the bodies a search shows are shown again by the next page, a refined query
 * or another reader's query on the same news. Snippets are rendered from the kept scan, so they
 * are those of a fresh scan (same tokens, same analyses: analyzeWord is pure).
 *
 * A live doc's article never changes: a put takes a new slot, a removal marks the slot dead (the
 * caller checks liveness before asking), and doc numbers are reassigned only by a compaction, which
 * loads as a new DocTable (a new cache). Bounded by the body characters kept (the text, 2 B a
 * character, plus ~2 B a character of scan once scanned: ~4 MB at the bound).
 */
import type { TextTokens } from '../highlight/text-tokens.ts';
import { scanTextOwned } from '../highlight/text-tokens.ts';
import type { ShownArticle } from './stored-articles.ts';

/** Body characters kept over all entries (~500 bodies of the 71k corpus). */
export const SHOWN_CHARS_LIMIT = 1_000_000;

export interface ShownBody {
  article: ShownArticle;
  /** The body scanned (its own arrays, valid across later scans), once a snippet needed it. */
  scan?: TextTokens;
}

/** The scan of a kept article's body, made on first need (a browse list's openings need none). */
export function bodyScan(shown: ShownBody): TextTokens {
  return (shown.scan ??= scanTextOwned(shown.article.body));
}

export class ShownBodies {
  private readonly byDoc = new Map<number, ShownBody>();
  private chars = 0;

  /** The article of live doc `doc` with its scanned body: kept, or read by `read` and kept. */
  get(doc: number, read: (doc: number) => ShownArticle): ShownBody {
    const known = this.byDoc.get(doc);
    if (known !== undefined) {
      // Most recently used last (Map order is insertion order).
      this.byDoc.delete(doc);
      this.byDoc.set(doc, known);
      return known;
    }
    const article = read(doc);
    const shown: ShownBody = { article };
    this.byDoc.set(doc, shown);
    this.chars += article.body.length + 1;
    for (const [d, old] of this.byDoc) {
      if (this.chars <= SHOWN_CHARS_LIMIT || d === doc) break;
      this.byDoc.delete(d);
      this.chars -= old.article.body.length + 1;
    }
    return shown;
  }
}
