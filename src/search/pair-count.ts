/**
 * Articles writing two exact forms side by side (a, then b at the next position), for the
 * compound readings' evidence (compound-words.ts). The same count as a phrase query's hits
 * (joined-words.ts pairDf), but the phrase decodes the more frequent form's whole list; here only
 * the rarer form's docs are decoded and the other list is probed at them through its skip data
 * (posting-decode.ts locatePositions). Most pairs a word splits into have a rare half (بالكون 3
 * articles beside فدرالية, يون 25): they cost that half, not the other's list.
 */
import type { IndexView } from './evaluate.ts';
import { decodePostings, locatePositions, PositionBuffer, PostingBuffer, readPositionsInto } from './posting-decode.ts';

const DOCS = new PostingBuffer();
const A = new PositionBuffer();
const B = new PositionBuffer();

/** Articles writing exact form `a` immediately followed by exact form `b` (normalized forms). */
export function pairCount(ix: Pick<IndexView, 'exacts' | 'docs'>, a: string, b: string): number {
  return countAdjacent(ix, a, b, false, Infinity);
}

/**
 * Articles writing exact forms `a` and `b` side by side in either order (a b or b a), counted up to
 * `limit` (the count stops there: context-typos.ts asks "at least n?", and a pair two frequent
 * words make is answered from the first chunks of the rarer form's list).
 */
export function pairCountEither(ix: Pick<IndexView, 'exacts' | 'docs'>, a: string, b: string, limit = Infinity): number {
  if (a === b) return 0;
  return countAdjacent(ix, a, b, true, limit);
}

/** Candidates probed per round (so a count that reaches its limit stops early). */
const CHUNK = 64;

/** Articles where some position of `b` is one after (or, with `either`, one before) a position of `a`, up to `limit`. */
function countAdjacent(ix: Pick<IndexView, 'exacts' | 'docs'>, a: string, b: string, either: boolean, limit: number): number {
  const ex = ix.exacts;
  const ia = ex.idOf(a);
  const ib = ex.idOf(b);
  if (ia < 0 || ib < 0 || ex.df.data[ia]! <= 0 || ex.df.data[ib]! <= 0 || !ex.withPositions) return 0;
  const dead = ix.docs.dead.data;
  const rare = ex.df.data[ia]! <= ex.df.data[ib]! ? ia : ib;
  const n = decodePostings(ex, rare, dead, DOCS, false);
  const all = DOCS.docs.slice(0, n);
  let count = 0;
  for (let from = 0; from < n && count < limit; from += CHUNK) {
    const docs = Array.from(all.subarray(from, Math.min(n, from + CHUNK)));
    const [ra, rb] = locatePositions(ex, [ia, ib], docs, dead);
    for (let s = 0; s < docs.length && count < limit; s++) {
      if (ra![s] === -1 || rb![s] === -1) continue;
      readPositionsInto(ex, ra![s]!, A);
      readPositionsInto(ex, rb![s]!, B);
      // Both ascending: is some position of b one after (or one before) a position of a?
      let i = 0;
      let j = 0;
      while (i < A.n && j < B.n) {
        const d = B.pos[j]! - A.pos[i]!;
        if (d === 1 || (either && d === -1)) {
          count++;
          break;
        }
        if (d < 1) j++;
        else i++;
      }
    }
  }
  return count;
}
