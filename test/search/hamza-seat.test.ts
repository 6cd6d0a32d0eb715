/**
 * A hamza seat typed as its bare letter (ئ → ي U+064A, ؤ → و U+0648) still finds the word:
 * the normalizer folds the seats to ء, so the typed form needs a second reading (evaluate.ts
 * withHamzaSeat). One row per seat; each archive also holds the bare spelling once, so the
 * typed word is "known" and typo tolerance alone would not rescue it.
 */
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/search/engine.ts';
import type { Article } from '../../src/types.ts';

const CASES: { rule: string; indexed: string; typed: string }[] = [
  { rule: 'ئ typed as ي inside a word', indexed: 'رئيس', typed: 'رييس' },
  { rule: 'ئ typed as ي after alef', indexed: 'نائب', typed: 'نايب' },
  { rule: 'ؤ typed as و', indexed: 'مسؤول', typed: 'مسوول' },
  { rule: 'ؤ typed as و, with ال', indexed: 'المؤتمر', typed: 'الموتمر' },
  { rule: 'ئ typed as ي, word-final ة', indexed: 'هيئة', typed: 'هيية' },
];

function archive(indexed: string, typed: string): Article[] {
  const docs: Article[] = [];
  for (let i = 0; i < 12; i++) docs.push({ id: `seat-${i}`, title: `خبر رقم ${i}`, body: `قال ${indexed} اللجنة في بيان صدر اليوم عن الاجتماع ${i}.` });
  docs.push({ id: 'bare', title: 'خبر آخر', body: `كتب أحدهم ${typed} بلا همزة في تعليق.` });
  docs.push({ id: 'none', title: 'خبر لا صلة له', body: 'الطقس معتدل اليوم في معظم المناطق.' });
  return docs;
}

describe('hamza seat typed as its bare letter', () => {
  it.each(CASES)('$rule: $typed finds $indexed', ({ indexed, typed }) => {
    const e = createEngine();
    for (const d of archive(indexed, typed)) e.put(d);
    const r = e.search({ q: typed, size: 20, collapse: false });
    const ids = r.hits.map((h) => h.id);
    expect(r.total).toBe(13);
    expect(ids).toContain('bare');
    expect(ids).toContain('seat-0');
    expect(ids).not.toContain('none');
  });

  it('a word the archive spells with ي/و keeps its own reading when no seat reading is common', () => {
    const e = createEngine();
    for (const d of archive('رئيس', 'رييس')) e.put(d);
    // قال (no seat letter) and بيان (ي with no ء reading in the archive) match only themselves.
    expect(e.search({ q: 'بيان', size: 20 }).total).toBe(12);
  });

  it('the seat reading is not taken when the archive does not clearly prefer it', () => {
    const e = createEngine();
    const docs: Article[] = [];
    for (let i = 0; i < 5; i++) docs.push({ id: `bare-${i}`, title: 'خبر', body: `جاء قايد الفريق ${i}.` });
    for (let i = 0; i < 5; i++) docs.push({ id: `seat-${i}`, title: 'خبر', body: `جاء قائد الفريق ${i}.` });
    for (const d of docs) e.put(d);
    const ids = e.search({ q: 'قايد', size: 20 }).hits.map((h) => h.id).sort();
    expect(ids).toEqual(['bare-0', 'bare-1', 'bare-2', 'bare-3', 'bare-4']);
  });
});
