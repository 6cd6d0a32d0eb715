/**
 * Articles written for the UI tests (not from any real corpus): enough of one writer in two
 * recurring columns to page through, and one hostile article whose fields carry markup.
 */
import type { Article } from '../../src/types.ts';

/** A writer with articles in two columns, all mentioning «الملاحة» so one query pages. */
export const FIXTURE_AUTHOR = 'سلمى الراشد';
export const FIXTURE_COLUMNS = ['نافذة الأربعاء', 'بحر وموانئ'] as const;
export const FIXTURE_WORD = 'الملاحة';

const OPENINGS = [
  'عادت قضية الملاحة في الخليج إلى الواجهة بعد اجتماع وزراء النقل',
  'تشهد الموانئ المحلية حركة متزايدة في الملاحة التجارية هذا الموسم',
  'يطرح ملف الملاحة الساحلية أسئلة عن البنية التحتية والتمويل',
  'لم تعد الملاحة شأناً فنياً خالصاً بل صارت قضية اقتصادية',
  'تحدث الخبراء طويلاً عن مستقبل الملاحة بين الشرق والغرب',
];
const MIDDLES = [
  'وتشير الأرقام الرسمية إلى ارتفاع عدد السفن الراسية خلال الربع الأخير.',
  'ويرى مراقبون أن تطوير أرصفة الحاويات شرط لأي نمو حقيقي.',
  'وقد أعلنت الهيئة المختصة عن برنامج لتدريب البحارة الشباب.',
  'ويطالب التجار بتبسيط إجراءات التخليص الجمركي وتقليل الرسوم.',
  'وتبقى أسعار الوقود العامل الأكبر في كلفة الشحن البحري.',
  'وتعمل الجامعات على برامج جديدة في علوم البحار والهندسة البحرية.',
  'ويخشى الصيادون من تأثير الحركة المتزايدة على مصائد الأسماك.',
];
const CLOSINGS = [
  'والسؤال الذي يبقى: من يدفع ثمن التأخير؟',
  'ولعل الأيام المقبلة تحمل إجابات أوضح.',
  'وهذا ما سنعود إليه في مقال قادم.',
  'فالبحر لا ينتظر المترددين.',
];

/** 24 distinct articles, dates spread over 2021–2023, alternating columns and sources. */
export function writerArticles(): Article[] {
  const out: Article[] = [];
  for (let i = 0; i < 24; i++) {
    const year = 2021 + (i % 3);
    const month = String(1 + (i % 12)).padStart(2, '0');
    const day = String(1 + ((i * 7) % 28)).padStart(2, '0');
    const middle = [MIDDLES[i % 7], MIDDLES[(i + 2) % 7], MIDDLES[(i + 4) % 7]];
    out.push({
      id: `ui-writer-${String(i + 1).padStart(2, '0')}`,
      title: `${FIXTURE_COLUMNS[i % 2] === 'نافذة الأربعاء' ? 'الملاحة والموانئ' : 'هوامش على الملاحة'}: ملاحظة رقم ${i + 1}`,
      body: [`${OPENINGS[i % 5]} (${i + 1}).`, ...middle, `مقال رقم ${i + 1} في السلسلة.`, CLOSINGS[i % 4]].join('\n'),
      author: FIXTURE_AUTHOR,
      column: FIXTURE_COLUMNS[i % 2],
      source: i % 3 === 0 ? 'صحيفة الاختبار' : 'جريدة التجربة',
      category: 'اقتصاد',
      date: `${year}-${month}-${day}`,
      url: `https://example.org/ui/${i + 1}`,
    });
  }
  return out;
}

export const XSS_ID = 'ui-xss-1';
export const XSS_TITLE = '<script>alert(1)</script> عنوان مشبوه <img src=x onerror=alert(1)>';
/** A word found only in the hostile article. */
export const XSS_WORD = 'مشبوه';

/** Markup in every field: it must show as text, and no dialog may open. */
export function hostileArticle(): Article {
  return {
    id: XSS_ID,
    title: XSS_TITLE,
    body: 'نص يحتوي على <script>alert(1)</script> ثم <img src=x onerror=alert(1)> وكلمة الملاحة أيضاً.\nسطر ثان فيه <b onmouseover=alert(1)>غامق</b> و&amp; و&lt;.',
    author: 'كاتب <i>مائل</i>',
    column: '"><svg onload=alert(1)>',
    source: '<iframe src=javascript:alert(1)>',
    category: 'اختبار',
    tags: ['<script>alert(2)</script>', 'وسم عادي'],
    date: '2022-05-04',
    url: 'javascript:alert(1)',
  };
}

/** A query no fixture word is within typo distance of: the designed no-result state. */
export const UNFINDABLE = 'زيزفونات';
