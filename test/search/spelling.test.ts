/**
 * "Did you mean" (src/search/spelling.ts): the letter-mask and length filters only skip words that
 * cannot be within the edit bound, so `correct()` must equal a brute-force scan of the whole
 * vocabulary (optimal string alignment distance, most frequent, then lowest id).
 */
import { describe, expect, it } from 'vitest';
import { isStopword } from '../../src/analysis/stopwords.ts';
import { SearchEngine } from '../../src/search/engine.ts';
import { lcg, syntheticArticles } from './synthetic-articles.ts';

// Written for this test: news words of 3–10 letters that share most of their letters.
const WORDS = [
  'الحكومه', 'الحكومي', 'الحكم', 'حكومات', 'المستقبل', 'مستقبل', 'المتقبل', 'الاستقبال', 'استقبال', 'قبل',
  'الوزير', 'الوزراء', 'وزاره', 'الوزاره', 'الرياض', 'رياضه', 'الرياضي', 'الرياضيه', 'النفط', 'النفطيه',
  'الاسعار', 'سعر', 'اسعار', 'العالميه', 'العالم', 'عالمي', 'المعالم', 'الملاحه', 'الملاح', 'الماليه',
  'المال', 'اموال', 'الاعمال', 'العمال', 'عمان', 'مسقط', 'الامن', 'الايمان', 'امين', 'الامين',
  'الاقتصاد', 'اقتصادي', 'الاقتصادي', 'القصد', 'مقاصد', 'الشركات', 'شركه', 'الشريك', 'الشرق', 'شرقي',
];

/** Optimal-string-alignment distance, written out in full (no early exit). */
function osa(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

const engine = new SearchEngine();
for (const a of syntheticArticles(WORDS, 400, 11, 0, { titleWords: 4 })) engine.put(a);
const ix = engine.exacts;

/** The rule of spelling.ts, by brute force over every vocabulary word (a small archive: minimum df 1). */
function bruteForce(word: string): string | undefined {
  if (word.length < 3 || word.length > 40 || /\d/.test(word)) return undefined;
  const own = ix.idOf(word);
  const ownDf = own >= 0 ? ix.df.data[own]! : 0;
  if (ownDf >= 3) return undefined;
  const maxD = word.length <= 4 ? 1 : 2;
  let best = -1;
  let bestD = Infinity;
  let bestDf = 0;
  for (let id = 0; id < ix.size; id++) {
    const f = ix.df.data[id]!;
    if (id === own || f < 1 || f <= ownDf * 10) continue;
    const d = osa(word, ix.terms[id]!);
    if (d < 1 || d > maxD) continue;
    if (d < bestD || (d === bestD && (f > bestDf || (f === bestDf && id < best)))) {
      best = id;
      bestD = d;
      bestDf = f;
    }
  }
  const fix = best >= 0 ? ix.terms[best] : undefined;
  return fix !== undefined && isStopword(fix) ? undefined : fix;
}

describe('did-you-mean spelling correction', () => {
  it.each([
    // [edit, typed, corrected]
    ['one letter dropped', 'الملحه', 'الملاحه'],
    ['one letter added', 'الوزيرر', 'الوزير'],
    ['one letter replaced', 'الرياظ', 'الرياض'],
    ['two letters swapped', 'النطفيه', 'النفطيه'],
    ['two letters added (a word of 5+ letters allows two edits)', 'الاسعارين', 'الاسعار'],
    ['a letter replaced in a short word (4 letters allow one edit)', 'مسقت', 'مسقط'],
  ])('%s: %s → %s', (_edit, typed, fixed) => {
    expect(bruteForce(typed)).toBe(fixed);
    expect(engine.spelling.correct(typed)).toBe(fixed);
  });

  it('equals a brute-force scan on 2,000 random one- and two-edit typos', () => {
    const rnd = lcg(5);
    const letters = 'ابتثجحخدذرزسشصضطظعغفقكلمنهوي';
    const edit = (w: string) => {
      const i = Math.floor(rnd() * (w.length + 1));
      const c = letters[Math.floor(rnd() * letters.length)]!;
      const k = rnd();
      if (k < 0.3) return w.slice(0, i) + w.slice(i + 1);
      if (k < 0.6) return w.slice(0, i) + c + w.slice(i + 1);
      if (k < 0.85) return w.slice(0, i) + c + w.slice(i);
      return i + 1 < w.length ? w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2) : w;
    };
    let corrected = 0;
    for (let n = 0; n < 2000; n++) {
      let typed = edit(WORDS[Math.floor(rnd() * WORDS.length)]!);
      if (rnd() < 0.4) typed = edit(typed);
      const expected = bruteForce(typed);
      expect(engine.spelling.correct(typed), typed).toBe(expected);
      if (expected !== undefined) corrected++;
    }
    expect(corrected).toBeGreaterThan(1000);
  });
});
