import { describe, expect, it } from 'vitest';
import {
  Bm25Reference, byte4ToInt, intToByte4, light10Stem, luceneArabicAnalyze, luceneArabicNormalize,
} from '../../eval/reference.ts';

describe("reference: Lucene's ArabicNormalizer (only its rules)", () => {
  it.each([
    ['آ U+0622 → ا', 'آمن', 'امن'],
    ['أ U+0623 → ا', 'أحمد', 'احمد'],
    ['إ U+0625 → ا', 'إسلام', 'اسلام'],
    ['ى U+0649 → ي', 'مستشفى', 'مستشفي'],
    ['ة U+0629 → ه', 'مدرسة', 'مدرسه'],
    ['tatweel U+0640 deleted', 'كـتـاب', 'كتاب'],
    ['harakat U+064B–U+0652 deleted', 'كَتَبَ مسارًا', 'كتب مسارا'],
    ['ٱ U+0671 is NOT folded by Lucene', 'ٱلله', 'ٱلله'],
    ['ی U+06CC is NOT folded by Lucene', 'الجمعیات', 'الجمعیات'],
    ['ؤ U+0624 is NOT folded by Lucene', 'مسؤول', 'مسؤول'],
    ['U+0670 superscript alef is NOT deleted by Lucene', 'هٰذا', 'هٰذا'],
  ])('%s', (_rule, input, want) => {
    expect(luceneArabicNormalize(input)).toBe(want);
  });
});

describe("reference: Lucene's light10 ArabicStemmer", () => {
  it.each([
    ['ال removed', 'الكتاب', 'كتاب'],
    ['وال removed', 'والكتاب', 'كتاب'],
    ['بال removed', 'بالبيت', 'بيت'],
    ['كال removed', 'كالبيت', 'بيت'],
    ['فال removed', 'فالبيت', 'بيت'],
    ['لل removed', 'للبيت', 'بيت'],
    ['و removed from a word of ≥ 4 letters', 'وكتب', 'كتب'],
    ['و kept on a 3-letter word', 'وصل', 'وصل'],
    ['prefix must leave ≥ 2 letters', 'الم', 'الم'],
    ['only the first matching prefix goes', 'والوالد', 'والد'],
    ['ها suffix', 'كتابها', 'كتاب'],
    ['ان suffix', 'كتابان', 'كتاب'],
    ['ات suffix', 'سيارات', 'سيار'],
    ['ون suffix', 'معلمون', 'معلم'],
    ['ين suffix', 'معلمين', 'معلم'],
    ['يه suffix', 'عربيه', 'عرب'],
    ['ه may leave exactly 2 letters', 'فيه', 'في'],
    ['ه suffix', 'كتابه', 'كتاب'],
    ['ي suffix', 'كتابي', 'كتاب'],
    ['several suffixes in table order', 'مدرسيه', 'مدرس'],
    ['suffix must leave ≥ 2 letters', 'كان', 'كان'],
    ['the classic over-stem of names', 'لبنان', 'لبن'],
  ])('%s: %s → %s', (_rule, input, want) => {
    expect(light10Stem(input)).toBe(want);
  });

  it('the whole chain lowercases, folds digits and keeps marks inside words', () => {
    expect(luceneArabicAnalyze('والمدرسة ١٢٣ الكُتّاب NASA')).toEqual(['مدرس', '123', 'كتاب', 'nasa']);
  });
});

describe("reference: Lucene's one-byte length norm (SmallFloat.intToByte4)", () => {
  it.each([
    [0, 0], [1, 1], [23, 23], [24, 24], [40, 40], [41, 40], [100, 96], [1000, 984],
  ])('length %i is stored as %i', (len, decoded) => {
    expect(byte4ToInt(intToByte4(len))).toBe(decoded);
  });
  it('encoding is monotonic and fits one byte', () => {
    let prev = -1;
    for (let i = 0; i < 1_000_000; i += 997) {
      const b = intToByte4(i);
      expect(b).toBeGreaterThanOrEqual(prev);
      expect(b).toBeLessThan(256);
      prev = b;
    }
  });
});

describe('reference: BM25 ranking', () => {
  it('ranks the document with the rarer matching term first, ties by index order', () => {
    const ref = new Bm25Reference();
    ref.add('d1', 'السيارات الكهربائية في السوق');
    ref.add('d2', 'السوق المالية اليوم');
    ref.add('d3', 'السوق المالية اليوم');
    const hits = ref.search('سيارة السوق', 10);
    expect(hits.map((h) => h.id)).toEqual(['d1', 'd2', 'd3']);
    expect(hits[1]!.score).toBe(hits[2]!.score);
    expect(ref.search('غير موجود', 10)).toEqual([]);
  });

  it('scores match the BM25 formula (k1 0.9, b 0.4)', () => {
    const ref = new Bm25Reference((t) => t.split(' '));
    ref.add('a', 'x y');
    ref.add('b', 'y y z w');
    const [hit] = ref.search('x', 1);
    const avgdl = 3;
    const idf = Math.log(1 + (2 - 1 + 0.5) / (1 + 0.5));
    expect(hit!.score).toBeCloseTo((idf * 1) / (1 + 0.9 * (1 - 0.4 + (0.4 * 2) / avgdl)), 12);
  });
});
