/**
 * The latency stream's queries: `perLength` distinct runs of 1, 2 and 3 consecutive Arabic words
 * taken from random headlines of the index (seeded, so every bench sees the same stream), shuffled
 * so lengths and headlines interleave as in real traffic. Used by latency-stream.ts and latency-ab.ts.
 */
import { seededRandom } from '../eval/known-item.ts';

export interface StreamQuery {
  q: string;
  /** Words in the query: 1, 2 or 3. */
  n: number;
}

/** The document table's side the sampling needs. */
export interface HeadlineSource {
  readonly slots: number;
  titleOf(slot: number): string | undefined;
}

/** Arabic words of a headline (letters only, ≥ 2 of them), in order. */
const words = (title: string) =>
  title
    .split(/\s+/)
    .map((w) => w.replace(/[^\p{L}\p{M}]/gu, ''))
    .filter((w) => w.length >= 2 && /[\u0621-\u064A]/.test(w));

export function streamQueries(docs: HeadlineSource, perLength: number): StreamQuery[] {
  const rnd = seededRandom(20261130);
  const queries: StreamQuery[] = [];
  const seen = new Set<string>();
  for (const n of [1, 2, 3]) {
    let made = 0;
    for (let tries = 0; made < perLength && tries < perLength * 50; tries++) {
      const title = docs.titleOf(Math.floor(rnd() * docs.slots));
      if (title === undefined) continue;
      const w = words(title);
      if (w.length < n) continue;
      const s = Math.floor(rnd() * (w.length - n + 1));
      const q = w.slice(s, s + n).join(' ');
      if (seen.has(q)) continue;
      seen.add(q);
      queries.push({ q, n });
      made++;
    }
  }
  // Shuffle (Fisher–Yates).
  for (let i = queries.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [queries[i], queries[j]] = [queries[j]!, queries[i]!];
  }
  return queries;
}
