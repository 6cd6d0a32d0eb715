/**
 * Dense per-document score arrays, reused across queries: scoring writes scores[doc] for the docs
 * it touches and `release` zeroes only those, so a query never pays for clearing the whole array.
 */
export interface Hits {
  /** Matching doc numbers, each once, in no particular order. */
  docs: number[];
  /** Dense scores by doc number (valid for `docs`). */
  score: Float64Array;
}

export class ScorePool {
  private free: Float64Array[] = [];
  private size = 0;

  /** Sets the doc-number capacity; drops pooled arrays that are too small. */
  resize(slots: number): void {
    if (slots <= this.size) return;
    this.size = Math.max(slots, Math.ceil(this.size * 1.5));
    this.free = [];
  }

  take(): Float64Array {
    return this.free.pop() ?? new Float64Array(this.size);
  }

  /** Returns an array whose nonzero entries are all in `docs`. */
  give(a: Float64Array, docs: readonly number[]): void {
    if (a.length !== this.size) return;
    for (const d of docs) a[d] = 0;
    if (this.free.length < 16) this.free.push(a);
  }

  release(h: Hits): void {
    this.give(h.score, h.docs);
  }
}
