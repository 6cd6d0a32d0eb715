import { describe, expect, it } from 'vitest';
import { lightStem } from '../../src/analysis/stem.ts';
import { normalize } from '../../src/analysis/normalize.ts';

/** Input is written as in text; it is normalized first, as the analyzer does. */
const stem = (w: string, opts = {}) => lightStem(normalize(w), opts);

const RULES: readonly [rule: string, input: string, expected: string][] = [
  // light10 prefixes
  ['ال', 'الكتاب', 'كتاب'],
  ['وال', 'والكتاب', 'كتاب'],
  ['بال', 'بالحكومة', 'حكوم'],
  ['كال', 'كالبيت', 'بيت'],
  ['فال', 'فالحكومة', 'حكوم'],
  ['لل', 'للحكومة', 'حكوم'],
  ['و on a word of ≥ 4 letters', 'وكتب', 'كتب'],
  ['و kept on a 3-letter word', 'وصل', 'وصل'],
  ['article prefix must leave ≥ 2 letters', 'الم', 'الم'],
  // proclitics beyond light10
  ['وبال', 'وبالحكومة', 'حكوم'],
  ['فبال', 'فبالتالي', 'تال'],
  ['وكال', 'وكالعادة', 'عاد'],
  ['ولل', 'وللحكومة', 'حكوم'],
  ['فلل', 'فللشعب', 'شعب'],
  // light10 suffixes
  ['ها', 'كتابها', 'كتاب'],
  ['ان', 'كتابان', 'كتاب'],
  ['ات', 'السيارات', 'سيار'],
  ['ون', 'المعلمون', 'معلم'],
  ['ين', 'المعلمين', 'معلم'],
  ['يه (ية after folding)', 'العربية', 'عرب'],
  ['ه (ة after folding)', 'الحكومة', 'حكوم'],
  ['ي', 'كتابي', 'كتاب'],
  ['suffix must leave ≥ 2 letters', 'كان', 'كان'],
  // enclitics
  ['هم', 'كتابهم', 'كتاب'],
  ['هما', 'كتابهما', 'كتاب'],
  ['كم', 'كتابكم', 'كتاب'],
  ['نا', 'كتابنا', 'كتاب'],
  ['هن', 'كتابهن', 'كتاب'],
  ['enclitic restores the hidden ta marbuta: حكومتهم ≡ حكومة', 'حكومتهم', 'حكوم'],
  ['enclitic leaves a plural ات alone', 'سياراتهم', 'سيار'],
  ['enclitic must leave ≥ 3 letters (فهم stays)', 'فهم', 'فهم'],
  ['كم must leave ≥ 4 letters (المحاكم is not محا)', 'المحاكم', 'محاكم'],
  // guards: names and words light10 mangles
  ['عمان is not عم', 'عمان', 'عمان'],
  ['عُمان with damma', 'عُمان', 'عمان'],
  ['لبنان is not لبن', 'لبنان', 'لبنان'],
  ['اللبنانيون → لبنان', 'اللبنانيون', 'لبنان'],
  ['السودان is not سود', 'السودان', 'سودان'],
  ['البحرين is not بحر', 'البحرين', 'بحرين'],
  ['سلمان is not سلم', 'سلمان', 'سلمان'],
  ['شعبان is not شعب', 'شعبان', 'شعبان'],
  ['الأمين is not ام', 'الأمين', 'امين'],
  ['حسين is not حس', 'حسين', 'حسين'],
  ['دبي is not دب', 'دبي', 'دبي'],
  ['إيران', 'إيران', 'ايران'],
  ['وزارة keeps its root و', 'وزارة', 'وزار'],
  ['الوزارة ≡ وزارة', 'الوزارة', 'وزار'],
  ['وزراء ≡ الوزراء', 'وزراء', 'وزراء'],
  ['الوطنية → وطن', 'الوطنية', 'وطن'],
  ['ووزير: the conjunction goes, the root و stays', 'ووزير', 'وزير'],
  ['words of ≤ 2 letters are kept', 'في', 'في'],
];

describe('light stemmer: one row per rule', () => {
  it.each(RULES)('%s: %s → %s', (_rule, input, expected) => {
    expect(stem(input)).toBe(expected);
  });
});

describe('light stemmer: options switch the extras off', () => {
  it.each([
    ['no proclitics: وبال is only و', { proclitics: false }, 'وبالحكومة', 'بالحكوم'],
    ['no enclitics', { enclitics: false }, 'كتابهم', 'كتابهم'],
    ['no guards: light10 mangles عمان', { guards: false }, 'عمان', 'عم'],
    ['no guards: light10 strips the root و', { guards: false }, 'وزارة', 'زار'],
  ] as const)('%s', (_rule, opts, input, expected) => {
    expect(stem(input, opts)).toBe(expected);
  });
});
