/**
 * Exact-filter values (author, column, source, category, tag): each distinct value gets an id,
 * keyed by its normalized form so filters match case- and diacritic-insensitively
 * («عُمان» = «عمان», «Okaz» = «okaz»). The display form is the first spelling seen.
 */
import { analyze } from '../analysis/analyzer.ts';
import { GrowableArray } from './growable.ts';

/** The normalized key of a filter value: its exact (normalized) tokens joined by one space. */
export function valueKey(value: string): string {
  return analyze(value)
    .map((t) => t.exact)
    .join(' ');
}

export class ValueDict {
  readonly ids = new Map<string, number>();
  readonly display: string[] = [];
  readonly keys: string[] = [];
  /** Live documents carrying each value. */
  readonly count = new GrowableArray(Int32Array, 64);

  /**
   * Id of each spelling interned so far, so a repeated one (sources, categories and authors recur
   * in most articles) skips the analysis of valueKey; ids never change, so entries never go stale.
   */
  private readonly bySpelling = new Map<string, number>();

  /** Id of `value` (created when new), or −1 for an empty value. */
  intern(value: string): number {
    const known = this.bySpelling.get(value);
    if (known !== undefined) return known;
    const key = valueKey(value);
    let id = key ? this.ids.get(key) : -1;
    if (id === undefined) {
      id = this.display.length;
      this.ids.set(key, id);
      this.display.push(value.trim());
      this.keys.push(key);
      this.count.push(0);
    }
    this.bySpelling.set(value, id);
    return id;
  }

  /** Id of an existing value, or −1. */
  find(value: string): number {
    return this.ids.get(valueKey(value)) ?? -1;
  }

  get size(): number {
    return this.display.length;
  }

  /** A dictionary from a snapshot: display forms and their keys as stored (no re-analysis); counts 0. */
  static restore(display: readonly string[], keys: readonly string[]): ValueDict {
    if (keys.length !== display.length) throw new Error('value dictionary: keys and values differ in number');
    const d = new ValueDict();
    for (let i = 0; i < display.length; i++) {
      if (d.ids.has(keys[i]!)) throw new Error(`value dictionary: duplicate key ${keys[i]}`);
      d.ids.set(keys[i]!, i);
      d.display.push(display[i]!);
      d.keys.push(keys[i]!);
    }
    d.count.ensure(display.length);
    d.count.length = display.length;
    return d;
  }
}
