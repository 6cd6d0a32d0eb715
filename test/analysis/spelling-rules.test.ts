/**
 * One row per spelling rule of eval/spelling-rules.ts (the stress harness's rules): each headline
 * of a small archive written for this test, typed with the rule on EVERY word it fits, still finds
 * its article first. The 71k-article figures per rule are in docs/design/query-highlight.md.
 */
import { describe, expect, it } from 'vitest';
import { applyRule, SPELLING_RULES } from '../../eval/spelling-rules.ts';
import { seededRandom } from '../../eval/known-item.ts';
import { createEngine } from '../../src/search/engine.ts';
import type { Article } from '../../src/types.ts';

const HEADLINES = [
  'وزارة الصحة تعلن افتتاح مستشفى جديد في مدينة صلالة',
  'رئيس الوزراء يلتقي المسؤولين عن الاقتصاد الوطني',
  'ارتفاع أسعار النفط بعد قرار منظمة أوبك',
  'فريق النصر يفوز على الهلال بثلاثة أهداف نظيفة',
  'إطلاق برنامج تدريبي لتأهيل الشباب لسوق العمل',
  'مهرجان مسقط يستقبل 200 ألف زائر في أسبوعه الأول',
  'شركة Apple تكشف عن هاتف جديد في معرض دبي',
  'هطول أمطار رعدية على محافظات الشمال الليلة',
  'المجلس البلدي يناقش خطة تطوير الطرق الداخلية',
  'جامعة السلطان قابوس تستضيف مؤتمرا دوليا للطاقة الشمسية',
  'لقاء يجمع وزير الخارجية بنظيره الإيراني في طهران',
  'انخفاض درجات الحرارة في المناطق الجبلية هذا الأسبوع',
  'رئيسة الهيئة تؤكد أهمية المشاريع الصغيرة',
  'عُمان تُشارك في اجتماع مجلس التعاون بالرياض',
  'محكمة الاستئناف تؤجل النظر في قضية الفساد إلى ٢٠٢٤',
  'مطار أبوظبي يستقبل رحلات جديدة من آسيا',
  'الشيخ عبد الله يدشن مكتبة عامة في الحي',
];

/** Other articles that share words with the headlines, so a rule that loses words shows. */
const FILLERS = [
  'وزارة التربية تعلن نتائج الامتحانات في مدينة صحار',
  'الاقتصاد الوطني ينمو بنسبة ثلاثة في المئة',
  'أسعار الذهب بعد قرار البنك المركزي',
  'فريق الهلال يخسر أمام الاتحاد',
  'برنامج جديد لدعم الشباب في الرياضة',
  'معرض الكتاب في مسقط يستقبل زواره',
  'هاتف جديد من شركة سامسونج',
  'أمطار على محافظات الجنوب',
  'خطة لتطوير التعليم في المناطق الجبلية',
  'مؤتمر دولي في جامعة السلطان قابوس',
  'وزير الخارجية يصل إلى طهران',
  'درجات الحرارة ترتفع في الصيف',
  'أهمية المشاريع الصغيرة للاقتصاد',
  'اجتماع مجلس الوزراء في الرياض',
  'قضية جديدة أمام المحكمة',
];

function archive(): Article[] {
  const docs: Article[] = HEADLINES.map((title, i) => ({ id: `h${i}`, title, body: `${title}. تفاصيل الخبر رقم ${i} في سطور.` }));
  FILLERS.forEach((title, i) => docs.push({ id: `f${i}`, title, body: `${title}. خبر آخر.` }));
  return docs;
}

const engine = createEngine();
for (const a of archive()) engine.put(a);

describe('spelling rules: every headline found first when typed with one rule on every word', () => {
  it.each(SPELLING_RULES.map((r) => [r.name, r] as const))('%s', (_name, rule) => {
    let applied = 0;
    const misses: string[] = [];
    HEADLINES.forEach((title, i) => {
      const typed = applyRule(rule, title.split(' '), seededRandom(1000 + i));
      if (typed === undefined) return;
      applied++;
      const top = engine.search({ q: typed, size: 10 }).hits.map((h) => h.id);
      if (top[0] !== `h${i}`) misses.push(`«${typed}» → ${top.slice(0, 3).join(', ')}`);
    });
    expect(applied).toBeGreaterThan(0);
    expect(misses).toEqual([]);
  });
});
