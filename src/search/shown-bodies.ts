/**
 * The articles recent searches showed more than once, with their bodies already scanned for
 * highlighting, kept between queries (LRU by doc number). A hit's snippet needs its body read
 * (a syscall on an index folder) and scanned whole into token offsets and letter masks
 * (text-tokens.ts, ~5 ns a character; ~0.3 ms for a page of ten long bodies): none of that
 * depends on the query, and the bodies a search shows are shown again by the next page, a
 * refined query or another reader's query on the same news. Snippets are rendered from the kept
 * scan, so they are those of a fresh scan (same tokens, same analyses: analyzeWord is pure).
 *
 * A doc is kept on its second showing among the last SEEN_SLOTS docs seen: keeping every shown
 * doc made a stream of distinct queries 3–9 % slower (each kept scan is a few KB that survives to
 * the old generation, for bodies most such streams show once).
 *
 * A live doc's article never changes: a put takes a new slot, a removal marks the slot dead (the
 * caller checks liveness before asking), and doc numbers are reassigned only by a compaction, which
 * loads as a new DocTable (one cache per table). Bounded by the body characters kept (the text, 2 B a character, plus ~2 B
 * a character of scan: ~1.6 MB at the bound).
 */
import type { TextTokens } from '../highlight/text-tokens.ts';
import { scanText, scanTextOwned } from '../highlight/text-tokens.ts';
import type { DocTable } from './doc-table.ts';
import type { ShownArticle } from './stored-articles.ts';

/** Body characters kept over all entries (~200 bodies of the 71k corpus). */
export const SHOWN_CHARS_LIMIT = 400_000;
/** Docs remembered as seen once (doc number by its low bits; a collision only forgets one). */
const SEEN_SLOTS = 4096;

export interface ShownBody {
  article: ShownArticle;
  /** Kept between queries: its scan is made once, into arrays of its own. */
  kept: boolean;
  scan?: TextTokens;
}

/** The scan of a shown article's body (a kept one's made once; a browse list's openings need none). */
export function bodyScan(shown: ShownBody): TextTokens {
  if (!shown.kept) return scanText(shown.article.body);
  return (shown.scan ??= scanTextOwned(shown.article.body));
}

export class ShownBodies {
  private readonly byDoc = new Map<number, ShownBody>();
  private readonly seen = new Int32Array(SEEN_SLOTS).fill(-1);
  private chars = 0;

  /** The article of live doc `doc`: kept, or read by `read` (and kept if it was seen lately). */
  get(doc: number, read: (doc: number) => ShownArticle): ShownBody {
    const known = this.byDoc.get(doc);
    if (known !== undefined) {
      // Most recently used last (Map order is insertion order).
      this.byDoc.delete(doc);
      this.byDoc.set(doc, known);
      return known;
    }
    const article = read(doc);
    const slot = doc & (SEEN_SLOTS - 1);
    if (this.seen[slot] !== doc) {
      this.seen[slot] = doc;
      return { article, kept: false };
    }
    const shown: ShownBody = { article, kept: true };
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

const caches = new WeakMap<DocTable, ShownBodies>();

/** The shown-articles cache of a doc table. */
export function shownBodiesOf(docs: DocTable): ShownBodies {
  let c = caches.get(docs);
  if (c === undefined) caches.set(docs, (c = new ShownBodies()));
  return c;
}

/** Empties a doc table's shown articles (benchmarks measure a cold read path with it). */
export function dropShown(docs: DocTable): void {
  caches.delete(docs);
}
