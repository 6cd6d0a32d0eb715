import { describe, expect, it } from 'vitest';
import { snippetFromScan, snippetHtml } from '../../src/highlight/highlight.ts';
import { scanText, scanTextOwned } from '../../src/highlight/text-tokens.ts';
import { SearchEngine } from '../../src/search/engine.ts';
import { bodyScan, SHOWN_CHARS_LIMIT, ShownBodies } from '../../src/search/shown-bodies.ts';
import type { MatchSpec } from '../../src/contracts.ts';

const spec: MatchSpec = { terms: new Set(['نفط', 'سعر']), exacts: new Set(['العالمية']), prefixes: [], phrases: [] };
const body = (i: number) => `${'كلام عام عن الاقتصاد. '.repeat(20 + (i % 7))}ارتفعت أسعار النفط العالمية اليوم ${i}. ${'وقال الوزير إن السوق مستقرة. '.repeat(15)}`;

describe('articles shown by recent searches, kept with their scanned bodies (shown-bodies.ts)', () => {
  it('renders from a kept scan exactly as from a fresh one, after other texts were scanned', () => {
    const kept = [0, 1, 2, 3].map((i) => scanTextOwned(body(i)));
    for (let i = 0; i < 4; i++) {
      scanText(body(i + 10)); // reuses the shared buffers a kept scan must not share
      expect(snippetFromScan(kept[i]!, spec, { words: 30, fragments: 2 })).toBe(snippetHtml(body(i), spec, { words: 30, fragments: 2 }));
    }
  });

  it('keeps a doc from its second showing, recently used ones within its character bound', () => {
    const c = new ShownBodies();
    const reads: number[] = [];
    const read = (d: number) => (reads.push(d), { id: `a${d}`, title: 't', body: 'x'.repeat(SHOWN_CHARS_LIMIT / 4) });
    for (const d of [1, 2, 3]) expect(c.get(d, read).kept).toBe(false); // seen once: read, not kept
    for (const d of [1, 2, 3]) expect(c.get(d, read).kept).toBe(true);
    c.get(1, read); // kept: not read again; 1 is now the most recent
    c.get(4, read);
    c.get(4, read); // kept: over the bound, 2 (the least recent) goes
    c.get(1, read);
    c.get(2, read);
    expect(reads).toEqual([1, 2, 3, 1, 2, 3, 4, 4, 2]);
    const big = () => ({ id: 'a9', title: 't', body: 'كلمة '.repeat(SHOWN_CHARS_LIMIT) });
    expect(bodyScan(c.get(9, big)).n).toBe(SHOWN_CHARS_LIMIT);
    expect(bodyScan(c.get(9, big)).n).toBe(SHOWN_CHARS_LIMIT); // a body over the bound is still shown
  });

  it('shows a replaced or removed article as it is now', () => {
    const e = new SearchEngine();
    e.put({ id: 'x', title: 'النفط', body: 'ارتفعت أسعار النفط اليوم في الأسواق' });
    e.put({ id: 'y', title: 'الأسواق', body: 'هبطت الأسواق مع النفط' });
    const first = e.search({ q: 'النفط' }).hits.map((h) => [h.id, h.snippet]);
    expect(first.find(([id]) => id === 'x')![1]).toContain('ارتفعت');
    e.put({ id: 'x', title: 'النفط', body: 'انخفضت أسعار النفط أمس' });
    const second = e.search({ q: 'النفط' }).hits;
    expect(second.find((h) => h.id === 'x')!.snippet).toBe('انخفضت أسعار <mark>النفط</mark> أمس');
    e.remove('y');
    expect(e.search({ q: 'النفط' }).hits.map((h) => h.id)).toEqual(['x']);
  });
});
