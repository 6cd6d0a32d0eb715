import { describe, expect, it } from 'vitest';
import { tokenizeSpans } from '../../src/analysis/tokenize.ts';

const words = (s: string) => tokenizeSpans(s).map((t) => t.text);

/** One row per tokenizer rule. */
const RULES: readonly [rule: string, input: string, expected: string[]][] = [
  ['spaces split', 'قال الوزير', ['قال', 'الوزير']],
  ['combining marks belong to the word', 'كَتَبَ الطالبُ', ['كَتَبَ', 'الطالبُ']],
  ['a word starting with a stray mark drops the mark', 'َكتب', ['كتب']],
  ['tatweel stays inside a word', 'عـــمان', ['عـــمان']],
  ['tatweel alone is not a word', 'ـــــ', []],
  ['ZWNJ U+200C inside a word does not split it', 'مي\u200Cروم', ['مي\u200Cروم']],
  ['ZWNJ at the end of a word is left out', 'سلام\u200C قال', ['سلام', 'قال']],
  ['ZWSP U+200B splits', 'سلام\u200Bقال', ['سلام', 'قال']],
  ['Arabic comma ، U+060C', 'الوزير،قال', ['الوزير', 'قال']],
  ['Arabic semicolon ؛ U+061B', 'اولا؛ثانيا', ['اولا', 'ثانيا']],
  ['Arabic question mark ؟ U+061F', 'هل؟نعم', ['هل', 'نعم']],
  ['guillemets « »', '«الوطن»', ['الوطن']],
  ['Arabic percent ٪ U+066A', '٥٠٪', ['٥٠']],
  ['Arabic full stop ۔ U+06D4', 'انتهى۔بدأ', ['انتهى', 'بدأ']],
  ['ellipsis …', 'ثم…بعد', ['ثم', 'بعد']],
  ['Latin punctuation and quotes', 'a,b;c"d\'e(f)', ['a', 'b', 'c', 'd', 'e', 'f']],
  ['hyphen splits (COVID-19 is found by covid)', 'COVID-19 e-mail', ['COVID', '19', 'e', 'mail']],
  ['Latin letters and digits stay together', 'mp3 G20', ['mp3', 'G20']],
  ['Arabic letters and digits split', '2018م الـ20', ['2018', 'م', 'الـ', '20']],
  ['Arabic and Latin letters split', 'الـiPhone', ['الـ', 'iPhone']],
  ['decimal point', '3.5 مليار', ['3.5', 'مليار']],
  ['Arabic decimal separator ٫ U+066B', '٣٫٥', ['٣٫٥']],
  ['Arabic thousands separator ٬ U+066C', '١٬٢٠٠', ['١٬٢٠٠']],
  ['comma before three digits is a thousands separator', '1,200,000', ['1,200,000']],
  ['comma not before three digits splits', '1,2 و 3,4567', ['1', '2', 'و', '3', '4567']],
  ['full stop at the end of a number is not kept', 'عام 2018.', ['عام', '2018']],
  ['email is one token', 'راسلنا dhabari88@hotmail.com.', ['راسلنا', 'dhabari88@hotmail.com']],
  ['URL is one token, trailing punctuation left out', 'انظر https://example.com/a?b=1، ثم', ['انظر', 'https://example.com/a?b=1', 'ثم']],
  ['www URL', 'www.example.org/x', ['www.example.org/x']],
  ['emoji and symbols split', 'سلام😀عليكم $ +', ['سلام', 'عليكم']],
  ['lone surrogates split and are dropped', 'a\uD800b\uDC00c', ['a', 'b', 'c']],
  ['astral letters are word characters', '𝐀𝐁 x', ['𝐀𝐁', 'x']],
  ['only punctuation gives no token', '،؛؟«»...', []],
];

describe('tokenizer: one row per rule', () => {
  it.each(RULES)('%s', (_rule, input, expected) => {
    expect(words(input)).toEqual(expected);
  });

  it('offsets point at the original substring', () => {
    const text = '«عُمان»، مسارًا ١٬٢٠٠ info@x.org';
    for (const s of tokenizeSpans(text)) expect(text.slice(s.start, s.end)).toBe(s.text);
  });
});

describe('tokenizer: the scan over copied code units', () => {
  it('a text past the units buffer scans as its repeated piece; a shorter text after it as in fresh Spans', async () => {
    const { scanSpans, Spans } = await import('../../src/analysis/tokenize.ts');
    const { hashRegion } = await import('../../src/analysis/hash.ts');
    const piece = 'كَتَبَ الطالبُ 𝐀𝐁 x\uD800y ١٬٢٠٠ مي\u200Cروم ';
    const one = new Spans();
    scanSpans(piece, one);
    const k = one.length;
    expect(k).toBe(7);
    const long = piece.repeat(300);
    const spans = new Spans();
    scanSpans(long, spans);
    expect(spans.length).toBe(300 * k);
    for (let r = 0; r < 300; r++) {
      for (let i = 0; i < k; i++) {
        const t = r * k + i;
        expect([spans.start[t], spans.end[t], spans.hash[t]]).toEqual([one.start[i]! + r * piece.length, one.end[i]! + r * piece.length, one.hash[i]]);
      }
    }
    for (const text of ['قصير جدا\uD83D', long.slice(0, 5001)]) {
      const fresh = new Spans();
      scanSpans(text, spans);
      scanSpans(text, fresh);
      expect(spans.length).toBe(fresh.length);
      for (let t = 0; t < fresh.length; t++) {
        expect([spans.start[t], spans.end[t], spans.hash[t]]).toEqual([fresh.start[t], fresh.end[t], hashRegion(text, fresh.start[t]!, fresh.end[t]!)]);
      }
    }
  });
});

describe('tokenizer: the hash computed during the scan', () => {
  it.each([
    'كَتَبَ الطالبُ، مي\u200Cروم سلام\u200C قال ١٬٢٠٠ 1,200 3.5 2018م 𝐀𝐁 x\uD800y info@x.org https://a.b/c',
    'a\u200Db\u200D',
  ])('equals hashRegion over the token: %s', async (text) => {
    const { forEachSpan } = await import('../../src/analysis/tokenize.ts');
    const { hashRegion } = await import('../../src/analysis/hash.ts');
    let n = 0;
    forEachSpan(text, (start, end, hash) => {
      n++;
      expect(hash).toBe(hashRegion(text, start, end));
    });
    expect(n).toBeGreaterThan(0);
  });
});
