/**
 * Prefix lookups over an index's vocabulary: a sorted copy of the term ids, rebuilt lazily when
 * many new terms arrived; terms added since the last sort are scanned linearly.
 */
import type { PostingIndex } from './postings.ts';

export class SortedVocab {
  private sorted: Int32Array = new Int32Array(0);
  private sortedUpTo = 0;

  constructor(private readonly ix: PostingIndex) {}

  private refresh(): void {
    const n = this.ix.size;
    const unsorted = n - this.sortedUpTo;
    if (unsorted <= Math.max(2000, n * 0.05)) return;
    const terms = this.ix.terms;
    const ids = Array.from({ length: n }, (_, i) => i);
    ids.sort((a, b) => (terms[a]! < terms[b]! ? -1 : terms[a]! > terms[b]! ? 1 : 0));
    this.sorted = Int32Array.from(ids);
    this.sortedUpTo = n;
  }

  /** Term ids whose term starts with `prefix` and has live documents; at most `limit`, most frequent first. */
  withPrefix(prefix: string, limit: number): number[] {
    this.refresh();
    const terms = this.ix.terms;
    const df = this.ix.df.data;
    const found: number[] = [];
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (terms[this.sorted[mid]!]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.sorted.length; i++) {
      const id = this.sorted[i]!;
      if (!terms[id]!.startsWith(prefix)) break;
      if (df[id]! > 0) found.push(id);
    }
    for (let id = this.sortedUpTo; id < this.ix.size; id++) if (df[id]! > 0 && terms[id]!.startsWith(prefix)) found.push(id);
    found.sort((a, b) => df[b]! - df[a]! || a - b);
    if (found.length > limit) found.length = limit;
    return found;
  }
}
