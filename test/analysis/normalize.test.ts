import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/analysis/normalize.ts';

/** One row per rule of docs/arabic-analysis.md §2 (Lucene-style: input → expected). */
const RULES: readonly [rule: string, input: string, expected: string][] = [
  // compatibility forms (NFKC)
  ['lam-alef ligature ﻻ U+FEFB', 'ﻻ', 'لا'],
  ['lam-alef with hamza above ﻷ U+FEF7', 'ﻷ', 'لا'],
  ['lam-alef with hamza below ﻹ U+FEF9', 'ﻹ', 'لا'],
  ['lam-alef with madda ﻵ U+FEF5', 'ﻵ', 'لا'],
  ['presentation forms B (isolated/final/medial letters)', 'ﺍﻟﺴﻼﻡ', 'السلام'],
  ['presentation forms A (ligature ﷲ U+FDF2)', 'ﷲ', 'الله'],
  ['full-width Latin and digits', 'ＡＢＣ１２', 'abc12'],
  // marks
  ['fatha/damma/kasra U+064E–U+0650', 'كَتُبِ', 'كتب'],
  ['tanween U+064B–U+064D', 'مسارًا كتابٌ كتابٍ', 'مسارا كتاب كتاب'],
  ['shadda U+0651 and sukun U+0652', 'مدّرْس', 'مدرس'],
  ['extended marks U+0653–U+065F (madda, hamza above/below)', 'ا\u0653ب\u0654ج\u0655د\u065F', 'ابجد'],
  ['hamza above typed as a mark after و/ي (NFD) composes to the seat: ؤ ئ → ء', 'مسو\u0654ول مسي\u0654ول', 'مسءول مسءول'],
  ['hamza/madda marks after alef (NFD) fold like أ إ آ', 'ا\u0654حمد ا\u0655سلام ا\u0653من', 'احمد اسلام امن'],
  ['superscript alef U+0670', 'هٰذا', 'هذا'],
  ['Quranic annotation signs U+0610–U+061A', 'ص\u0610ل\u0615ع\u061A', 'صلع'],
  ['Quranic marks U+06D6–U+06ED', 'ق\u06D6ل\u06DDم\u06ED', 'قلم'],
  // tatweel
  ['tatweel U+0640', 'عـــمان', 'عمان'],
  // invisible controls
  ['ZWNJ U+200C and ZWJ U+200D', 'مي\u200Cرو\u200Dد', 'ميرود'],
  ['LRM U+200E and RLM U+200F', '\u200Eسلام\u200F', 'سلام'],
  ['ALM U+061C', 'سلام\u061C', 'سلام'],
  ['bidi embeddings U+202A–U+202E', '\u202Aسلام\u202C\u202E', 'سلام'],
  ['bidi isolates U+2066–U+2069', '\u2066سلام\u2069', 'سلام'],
  ['BOM U+FEFF', '\uFEFFسلام', 'سلام'],
  ['soft hyphen U+00AD', 'inter\u00ADnational', 'international'],
  // alef forms
  ['alef madda آ U+0622', 'آمن', 'امن'],
  ['alef hamza above أ U+0623', 'أحمد', 'احمد'],
  ['alef hamza below إ U+0625', 'إسلام', 'اسلام'],
  ['alef wasla ٱ U+0671', 'ٱلله', 'الله'],
  // ya forms
  ['alef maqsura ى U+0649', 'مستشفى', 'مستشفي'],
  ['Persian ya ی U+06CC', 'الجمعیات', 'الجمعيات'],
  ['ya with small v ې U+06D0', 'ېمن', 'يمن'],
  // kaf
  ['Persian kaf ک U+06A9', 'کتاب', 'كتاب'],
  // ta marbuta and ha forms
  ['ta marbuta ة U+0629', 'خلالة', 'خلاله'],
  ['heh with yeh above ۀ U+06C0', 'خانۀ', 'خانه'],
  ['heh goal ہ U+06C1', 'ہذا', 'هذا'],
  ['ae ە U+06D5', 'ەذا', 'هذا'],
  // hamza on seats
  ['waw with hamza ؤ U+0624 → ء (default)', 'مسؤول', 'مسءول'],
  ['ya with hamza ئ U+0626 → ء (default)', 'مسئول', 'مسءول'],
  ['bare hamza ء U+0621 is kept', 'سماء', 'سماء'],
  // digits
  ['Arabic-Indic digits U+0660–U+0669', '٠١٢٣٤٥٦٧٨٩', '0123456789'],
  ['Eastern Arabic-Indic digits U+06F0–U+06F9', '۰۱۲۳۴۵۶۷۸۹', '0123456789'],
  ['superscript and fractions (NFKC)', '²', '2'],
  // Latin
  ['ASCII uppercase', 'NASA', 'nasa'],
  ['Latin-1 and other cased scripts', 'ÉCOLE Ωμέγα', 'école ωμέγα'],
  ['mathematical alphanumerics (astral, NFKC)', '𝐀𝐁𝐂', 'abc'],
  // untouched
  ['plain Arabic is returned as is', 'الحكومة', 'الحكومه'],
  ['ASCII lowercase and digits are returned as is', 'abc123', 'abc123'],
];

describe('normalize: one row per rule', () => {
  it.each(RULES)('%s: %s → %s', (_rule, input, expected) => {
    expect(normalize(input)).toBe(expected);
  });
});

describe('normalize: options', () => {
  it.each([
    [{ foldTaMarbuta: false }, 'مدرسة', 'مدرسة'],
    [{ foldTaMarbuta: true }, 'مدرسة', 'مدرسه'],
    [{ foldTaMarbuta: false }, 'خانۀ مدرسہ مدرسە', 'خانه مدرسه مدرسه'],
    [{ foldAlefMadda: false }, 'آلية', 'آليه'],
    [{ hamzaSeats: 'keep' }, 'مسؤول مسئول', 'مسؤول مسئول'],
    [{ hamzaSeats: 'hamza' }, 'مسؤول مسئول', 'مسءول مسءول'],
    [{ hamzaSeats: 'letters' }, 'مسؤول مسئول', 'مسوول مسيول'],
  ] as const)('%o: %s → %s', (opts, input, expected) => {
    expect(normalize(input, opts)).toBe(expected);
  });

  it('returns the very same string when nothing changes (no allocation on the hot path)', () => {
    const s = 'الحكومه';
    expect(normalize(s)).toBe(s);
  });
});
