import { describe, expect, it } from 'vitest';
import { analyze, analyzeWord, createAnalyzer, normalizeTerm } from '../../src/analysis/analyzer.ts';
import { WordIds } from '../../src/analysis/vocabulary.ts';

const term = (w: string) => analyzeWord(w).term;
const exact = (w: string) => analyzeWord(w).exact;

/** Spellings seen in real scraped pages (fixtures written for this project) that must match. */
const SAME_TERM: readonly [a: string, b: string][] = [
  ['عمان', 'عُمان'], // damma
  ['مسارا', 'مسارًا'], // tanween fath
  ['اسرائيل', 'إسرائيل'], // hamza below
  ['الجمعيات', 'الجمعیات'], // Persian ya U+06CC
  ['خلاله', 'خلالة'], // ta marbuta written for ha
  ['٢٠٠', '200'], // digits
  ['والحكومة', 'الحكومة'], // conjunction و + article
  ['بالحكومة', 'الحكومة'], // preposition ب + article
  ['مسؤول', 'مسئول'], // hamza on the wrong seat
  ['اسماؤه', 'أسماء'], // hamza seat before a pronoun
  ['ﻻعب', 'لاعب'], // lam-alef ligature
  ['كـــتاب', 'كتاب'], // tatweel
  ['حكومتها', 'الحكومة'], // ta marbuta written ت before a pronoun
  ['وظيفتهم', 'وظيفة'],
  ['ثابتة', 'ثابت'], // a real ت before the ta marbuta stays
  ['الكويتي', 'الكويت'], // nisba ي after ت is not a pronoun
  ['سياراتها', 'السيارات'], // plural ات + pronoun
  ['آلية', 'الآلية'], // initial آ is not the article
  ['وآلية', 'آليات'],
];

describe('analyzer: spellings that must give the same term', () => {
  it.each(SAME_TERM)('%s ≡ %s', (a, b) => {
    expect(term(a)).toBe(term(b));
  });
});

describe('analyzer: numbers', () => {
  it.each([
    ['٣٫٥', '3.5'],
    ['3.5', '3.5'],
    ['١٬٢٠٠', '1200'],
    ['1,200', '1200'],
    ['1200', '1200'],
    ['۱۲۰۰', '1200'],
  ])('%s → exact %s', (input, want) => {
    expect(exact(input)).toBe(want);
    expect(normalizeTerm(input)).toBe(want);
  });
});

describe('analyzer: tokens', () => {
  const text = '«ولنا كلمة»: زار وزيرُ الخارجيّة سلطنة عُمان، في ١٢ ديسمبر 2023م. راسلنا dhabari88@hotmail.com';
  const tokens = analyze(text);

  it('every token points at its original substring, diacritics and all', () => {
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(tokens.find((t) => t.exact === 'عمان')!.text).toBe('عُمان');
    expect(tokens.find((t) => t.exact === 'الخارجيه')!.text).toBe('الخارجيّة');
  });

  it('positions count every token, stopwords included', () => {
    expect(tokens.map((t) => t.position)).toEqual(tokens.map((_, i) => i));
    const fi = tokens.find((t) => t.exact === 'في')!;
    expect(fi.stop).toBe(true);
    expect(tokens.find((t) => t.exact === 'وزير')!.stop).toBe(false);
  });

  it('months, years and emails are ordinary tokens', () => {
    const exacts = tokens.map((t) => t.exact);
    expect(exacts).toContain('ديسمبر');
    expect(exacts).toContain('2023');
    expect(exacts).toContain('12');
    expect(exacts).toContain('dhabari88@hotmail.com');
    expect(tokens.find((t) => t.exact === 'ديسمبر')!.stop).toBe(false);
  });

  it('a token of invisible characters only is dropped and does not take a position', () => {
    const t = analyze('قال \u200Eـ\u200F وزير');
    expect(t.map((x) => [x.exact, x.position])).toEqual([['قال', 0], ['وزير', 1]]);
  });

  it('Latin is lowercased and not stemmed', () => {
    const [t] = analyze('Reuters');
    expect(t).toMatchObject({ text: 'Reuters', exact: 'reuters', term: 'reuters' });
  });

  it('equal surfaces share one analyzed entry (the cache)', () => {
    const [a, b] = analyze('الحكومة الحكومة');
    expect(a!.term).toBe('حكوم');
    expect(b!.text).toBe(a!.text);
  });
});

describe('createAnalyzer: options', () => {
  it('no stemming: term === exact', () => {
    const a = createAnalyzer({ stem: false });
    expect(a.analyzeWord('والحكومة')).toMatchObject({ exact: 'والحكومه', term: 'والحكومه' });
  });
  it('normalizer options reach the exact form', () => {
    const a = createAnalyzer({ normalize: { foldTaMarbuta: false, hamzaSeats: 'keep' } });
    expect(a.analyzeWord('مسؤولة').exact).toBe('مسؤولة');
  });
  it('a custom stopword set', () => {
    const a = createAnalyzer({ stopwords: new Set(['قال']) });
    expect(a.analyze('قال في').map((t) => t.stop)).toEqual([true, false]);
  });
  it('a tiny cache stays correct when generations turn over', () => {
    const a = createAnalyzer({ cacheSize: 2 });
    const words = ['الكتاب', 'المدرسة', 'الحكومة', 'الوزير', 'الكتاب', 'عمان', 'المدرسة'];
    for (let round = 0; round < 3; round++) {
      expect(a.analyze(words.join(' ')).map((t) => t.term)).toEqual(['كتاب', 'مدرس', 'حكوم', 'وزير', 'كتاب', 'عمان', 'مدرس']);
    }
  });
});

describe('analyzeIds (the index path)', () => {
  const ids = (a: ReturnType<typeof createAnalyzer>, text: string) => {
    const out = new WordIds();
    a.analyzeIds(text, out);
    const words = a.vocabulary.words;
    return Array.from({ length: out.length }, (_, i) => [words[out.exact[i]!], words[out.term[i]!]]);
  };
  const texts = [
    'وقال وزير الخارجية، في مؤتمر صحفي: إن الحكومة ستعلن ١٬٢٠٠ وظيفة و3.5% زيادة!',
    'كتب\u200c\u200f ــ مُحَمَّدٌ  info@example.com https://example.org/a?b=1 COVID-19 2018م',
    '\u200f\u200e ؟ «» ', // only separators and invisible controls: no token
    '',
  ];
  it('gives the same tokens, exact forms and terms as analyze, in order', () => {
    const a = createAnalyzer();
    for (const text of texts) {
      expect(ids(a, text)).toEqual(a.analyze(text).map((t) => [t.exact, t.term]));
    }
  });
  it('stays right while a tiny cache turns over, and ids are stable', () => {
    const a = createAnalyzer({ cacheSize: 2 });
    const text = 'الكتاب المدرسة الحكومة الوزير الكتاب عمان المدرسة والحكومة';
    const first = ids(a, text);
    for (let round = 0; round < 3; round++) expect(ids(a, text)).toEqual(first);
    expect(first).toEqual(a.analyze(text).map((t) => [t.exact, t.term]));
    expect(a.vocabulary.intern('الكتاب')).toBe(a.vocabulary.intern('الكتاب'));
  });
  it('words of 9–12 and of over 12 code units (compared beside the cache line, or by their string) stay apart', () => {
    // One cache set: every word competes for its four ways; pairs differ only after unit 8 or 12.
    const a = createAnalyzer({ cacheSize: 4 });
    const text =
      'والمستشفيات والمستشفيان والمستشفيين والاستراتيجيات والاستراتيجيان والاستراتيجيين ' +
      'internationalization internationalizations internationally internationalist ' +
      'والمستشفيات والاستراتيجيات internationalization internationally';
    const want = createAnalyzer().analyze(text).map((t) => [t.exact, t.term]);
    for (let round = 0; round < 3; round++) {
      expect(ids(a, text)).toEqual(want);
      expect(a.analyze(text).map((t) => [t.exact, t.term])).toEqual(want);
    }
  });
  it('a full vocabulary starts a new epoch at beginIds: ids are renumbered, words stay right', () => {
    const a = createAnalyzer({ vocabularyLimit: 4 });
    const text = 'الكتاب المدرسة الحكومة الوزير الكتاب عمان المدرسة والحكومة';
    const expected = a.analyze(text).map((t) => [t.exact, t.term]);
    const epochs = new Set<number>();
    for (let round = 0; round < 4; round++) {
      epochs.add(a.beginIds());
      expect(ids(a, text)).toEqual(expected);
    }
    expect(epochs.size).toBe(4);
    a.releaseIds();
    expect(a.vocabulary.size).toBe(0);
    expect(ids(a, text)).toEqual(expected);
  });
  it('the vocabulary keeps each word\'s code units and FNV-1a hash', () => {
    const v = createAnalyzer().vocabulary;
    const id = v.intern('حكومه');
    expect(String.fromCharCode(...v.chars.subarray(v.charStart[id]!, v.charStart[id + 1]!))).toBe('حكومه');
    let h = 0x811c9dc5;
    for (const ch of 'حكومه') h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193);
    expect(v.hashes[id]).toBe(h >>> 0);
  });
});
