/**
 * Generated test articles (not corpus text). Article i carries a word found in no other article:
 * 4 letters from a set of 15 Arabic consonants that are no prefix or suffix the light stemmer strips
 * (U+062C…U+063A, U+0642), so the word analyzes to itself and 15^4 = 50 625 words are distinct terms.
 */
import type { Article } from '../../src/types.ts';

const LETTERS = 'جحخدذرزشصضطظعغق';
const TOPICS = ['الاقتصاد', 'الثقافة', 'الرياضة', 'التعليم', 'الصحة', 'المدن', 'الزراعة'];

export function uniqueWord(i: number): string {
  if (i < 0 || i >= 15 ** 4) throw new Error(`uniqueWord: ${i} is outside 0…${15 ** 4 - 1}`);
  let s = '';
  for (let k = 0; k < 4; k++) {
    s += LETTERS[i % 15];
    i = Math.floor(i / 15);
  }
  return s;
}

export function makeArticle(i: number, prefix = 'rel'): Article {
  const w = uniqueWord(i);
  const topic = TOPICS[i % TOPICS.length]!;
  return {
    id: `${prefix}-${i}`,
    title: `تقرير ${w} عن ${topic}`,
    body: `يتناول هذا التقرير رقم ${i} موضوع ${topic} في المدن العربية، ويعرض ${w} آراء الخبراء والمواطنين حول التحديات والفرص.`,
    author: `كاتب ${i % 37}`,
    source: 'صحيفة الاختبار',
    category: topic,
    date: `20${10 + (i % 14)}-0${1 + (i % 9)}-1${i % 10}`,
  };
}
