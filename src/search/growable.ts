/**
 * Growable typed arrays (amortized doubling), so per-document and per-posting data stay in flat
 * typed memory instead of millions of small JS objects.
 */
type TypedCtor<T> = { new (n: number): T };

export class GrowableArray<T extends Int32Array | Uint8Array | Uint16Array | Float64Array> {
  data: T;
  length = 0;
  constructor(
    private readonly ctor: TypedCtor<T>,
    capacity = 16,
  ) {
    this.data = new ctor(Math.max(4, capacity));
  }
  /** Makes index `i` addressable (new slots are zero). */
  ensure(n: number): void {
    if (n <= this.data.length) return;
    let cap = this.data.length;
    while (cap < n) cap *= 2;
    const next = new this.ctor(cap);
    next.set(this.data as never);
    this.data = next;
  }
  /** Room for exactly `n` entries at once when it has less (no doubling past it). */
  reserve(n: number): void {
    if (n <= this.data.length) return;
    const next = new this.ctor(n);
    next.set(this.data.subarray(0, this.length) as never);
    this.data = next;
  }
  /**
   * Takes `room` (e.g. a view of a buffer shared with other arrays, see PostingIndex.reserveTails)
   * as the storage when it is larger: the used part is copied into it.
   */
  adopt(room: T): void {
    if (room.length <= this.data.length) return;
    room.set(this.data.subarray(0, this.length) as never);
    this.data = room;
  }
  push(v: number): number {
    this.ensure(this.length + 1);
    this.data[this.length] = v;
    return this.length++;
  }
  /** The used part (a view, not a copy). */
  view(): T {
    return this.data.subarray(0, this.length) as T;
  }
}
