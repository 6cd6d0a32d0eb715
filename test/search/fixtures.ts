/** Articles written for these tests (not from any corpus). */
import type { Article } from '../../src/types.ts';

export const COLUMN: Article = {
  id: 'col-1',
  title: 'ولنا كلمة: مسارٌ جديد للجمعيات في عُمان',
  body:
    'رسمت الجمعيات المهنية في عُمان مسارًا جديدًا خلالة ملتقى ضم ٢٠٠ عضو، وناقش المشاركون أثر القرارات على إسرائيل والمنطقة. ' +
    'وقال المنظمون إن الجمعیات ستواصل التشبيك والعمل المشترك خلال العام المقبل.',
  author: 'سالم بن علي',
  column: 'ولنا كلمة',
  source: 'جريدة الوطن',
  category: 'رأي',
  tags: ['الجمعیات المهنية', 'عُمان'],
  date: '2023-12-12',
  url: 'https://example.com/col-1',
};

/** A small archive: a few topics, bylines, sources and dates. */
export const ARCHIVE: Article[] = [
  COLUMN,
  {
    id: 'eco-1',
    title: 'نمو الاقتصاد العراقي في الربع الأول',
    body: 'سجل الاقتصاد العراقي نموا ملحوظا بفضل صادرات النفط، وقال وزير المالية إن الإصلاحات مستمرة.',
    author: 'أحمد الكاظمي',
    source: 'okaz',
    category: 'economy',
    date: '2022-03-01',
    url: 'https://example.com/eco-1',
  },
  {
    id: 'eco-2',
    title: 'أسعار النفط ترتفع',
    body: 'ارتفعت أسعار النفط الخام في الأسواق العالمية، ويتابع المستثمرون الاقتصاد العراقي والسعودي عن كثب.',
    author: 'Okaz Staff',
    source: 'OKAZ',
    category: 'economy',
    date: '2022-05-20',
  },
  {
    id: 'spo-1',
    title: 'المنتخب العماني يفوز في كرة القدم',
    body: 'فاز المنتخب العماني على ضيفه بهدفين في مباراة قوية أقيمت في مسقط، وأشاد المدرب باللاعبين.',
    author: 'سالم بن علي',
    source: 'جريدة الوطن',
    category: 'sport',
    tags: ['كرة القدم'],
    date: '2021-11-05',
  },
  {
    id: 'pol-1',
    title: 'وزير الخارجية يزور مسقط',
    body: 'وصل وزير الخارجية إلى مسقط في زيارة رسمية يبحث خلالها العلاقات الثنائية والتعاون الاقتصادي مع سلطنة عمان.',
    source: 'واس',
    category: 'politics',
    date: '2023-01-15',
  },
  {
    id: 'cul-1',
    title: 'معرض الكتاب يفتح أبوابه',
    body: 'افتتح معرض الكتاب الدولي أبوابه للزوار بمشاركة مئات دور النشر من الدول العربية، ويستمر المعرض عشرة أيام.',
    author: 'منى الحربي',
    source: 'alriyadh',
    category: 'culture',
    tags: ['كتب', 'ثقافة'],
    date: '2023-02-10',
  },
];
