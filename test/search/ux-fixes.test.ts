/** Suggestions and "did you mean" speak the archive's spelling, not the normalized index form. */
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/search/engine.ts';
import type { Article } from '../../src/types.ts';

// Written for this test: «الملاحة» (ta marbuta) and «المرفأ» (hamza on alif) are the usual
// spellings; one article writes «الملاحه» so the most frequent form must win, not the first.
const TEXTS = [
  'كتب المحرر عن الملاحه في الخليج',
  'عادت الملاحة في المرفأ إلى طبيعتها بعد العاصفة',
  'تحسنت الملاحة التجارية وازدحم المرفأ بالسفن',
  'قال مدير المرفأ إن الملاحة آمنة هذا الأسبوع',
  'ناقش المجلس أمن الملاحة وتوسعة المرفأ الجديد',
];
const ARTICLES: Article[] = TEXTS.map((body, i) => ({ id: `nav-${i}`, title: `تقرير ${i + 1}`, body, date: `2024-01-0${i + 1}` }));

function engine() {
  const e = createEngine();
  for (const a of ARTICLES) e.put(a);
  return e;
}

describe('surface spellings', () => {
  const e = engine();
  it.each([
    // [typed prefix, expected word suggestion]
    ['الملا', 'الملاحة'],
    ['الملاح', 'الملاحة'],
    ['المرف', 'المرفأ'],
    ['المرفا', 'المرفأ'],
  ])('suggests «%s» → «%s» as the articles spell it', (prefix, want) => {
    const words = e.suggest(prefix).filter((s) => s.kind === 'word').map((s) => s.text);
    expect(words).toContain(want);
    expect(words).not.toContain('الملاحه');
    expect(words).not.toContain('المرفا');
  });

  it('"did you mean" for a typo shows the archive spelling, above typo-tolerant results', () => {
    const r = e.search({ q: 'الملاخة' });
    expect(r.suggestion).toBe('الملاحة');
    expect(r.total).toBeGreaterThan(0);
  });

  it('no suggestion for a correctly spelled query', () => {
    expect(e.search({ q: 'الملاحة' }).suggestion).toBeUndefined();
    expect(e.search({ q: 'المرفأ' }).suggestion).toBeUndefined();
  });
});
