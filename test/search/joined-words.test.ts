/**
 * Two words typed without the space between them (joined-words.ts): a query word the archive
 * never writes is read as the words it splits into when the archive writes them side by side,
 * and the search suggests the query spaced. Words written the usual way keep their reading: a
 * clitic attached to a known word, a misspelling one edit from a more frequent word.
 */
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/search/engine.ts';
import type { Article } from '../../src/types.ts';

const ARCHIVE: Article[] = [
  { id: 'health', title: 'وزارة الصحة تعلن افتتاح مستشفى جديد', body: 'أعلنت وزارة الصحة اليوم افتتاح مستشفى جديد في المدينة.' },
  { id: 'health-sa', title: 'وزارة الصحة السعودية تطلق حملة تطعيم', body: 'أطلقت وزارة الصحة السعودية حملة تطعيم في المدارس.' },
  { id: 'council', title: 'مجلس الأمن يدين الهجوم', body: 'أدان مجلس الأمن الدولي الهجوم على القافلة.' },
  { id: 'crown', title: 'ولي العهد في زيارة رسمية إلى باريس', body: 'وصل ولي العهد في زيارة رسمية تستمر يومين.' },
  { id: 'union', title: 'الاتحاد السعودي يلغي المباراة', body: 'ألغى الاتحاد السعودي لكرة القدم المباراة بسبب الأمطار.' },
  { id: 'parliament', title: 'البرلمان يناقش الميزانية', body: 'ناقش البرلمان الميزانية العامة في جلسة طويلة.' },
  { id: 'parliament-2', title: 'البرلمان يقر قانون الاستثمار', body: 'أقر البرلمان قانون الاستثمار الجديد.' },
  { id: 'land', title: 'رحلة في البر لمن يحب الصحراء', body: 'رحلة في البر لمن يحب الصحراء والهدوء.' },
  { id: 'police', title: 'الشرطة تضبط شحنة مخدرات', body: 'قالت الشرطة إنها ستضبط كل مخالف ويحال إلى القضاء.' },
  { id: 'seize-1', title: 'الأمن يضبط مخالفين', body: 'يضبط رجال الأمن المخالفين في السوق.' },
  { id: 'seize-2', title: 'الجمارك يضبط شحنة', body: 'يضبط موظف الجمارك شحنة مهربة.' },
  { id: 'seize-3', title: 'مفتش يضبط مطعما', body: 'يضبط المفتش مطعما مخالفا.' },
  // «في ضبط» written more often than يضبط: only the clitic rule keeps فيضبط whole.
  ...[1, 2, 3, 4].map((i) => ({ id: `seize-in-${i}`, title: `نجاح في ضبط الأسعار ${i}`, body: `نجحت الوزارة في ضبط الأسعار ${i}.` })),
  { id: 'joined', title: 'نصف المواطنين لايثقون في الإعلام', body: 'استطلاع: نصف المواطنين لايثقون في الإعلام.' },
  ...[1, 2, 3].map((i) => ({ id: `trust-${i}`, title: `الناخبون لا يثقون بالوعود ${i}`, body: `قال الناخبون إنهم لا يثقون بالوعود ${i}.` })),
  { id: 'weather', title: 'الطقس معتدل اليوم', body: 'الطقس معتدل اليوم في معظم المناطق.' },
];

const engine = createEngine();
for (const a of ARCHIVE) engine.put(a);
const search = (q: string) => engine.search({ q, size: 10 });
const ids = (q: string) => search(q).hits.map((h) => h.id);

describe('a space dropped between two words', () => {
  it.each([
    // typed, the article it finds first, the query spaced (the suggestion)
    ['وزارةالصحة تعلن', 'health', 'وزارة الصحة تعلن'],
    ['مجلسالأمن يدين', 'council', 'مجلس الأمن يدين'],
    ['ولي العهدفي زيارة', 'crown', 'ولي العهد في زيارة'],
    ['الاتحادالسعودي يلغي', 'union', 'الاتحاد السعودي يلغي'],
    // a haraka before the dropped space stays with its letter
    ['وزارةُالصحة تعلن', 'health', 'وزارةُ الصحة تعلن'],
    // three words joined
    ['وزارةالصحةالسعودية', 'health-sa', 'وزارة الصحة السعودية'],
  ])('«%s» finds %s and suggests «%s»', (typed, first, spaced) => {
    const r = search(typed);
    expect(r.hits[0]?.id).toBe(first);
    expect(r.suggestion).toBe(spaced);
    expect(r.query).toBe(typed);
  });

  it('the words typed with the space find the same articles in the same order', () => {
    expect(ids('وزارةالصحة')).toEqual(ids('وزارة الصحة'));
  });

  it('highlights the two words in the article view', () => {
    const v = engine.view('health', 'وزارةالصحة');
    expect(v?.titleHtml ?? JSON.stringify(v)).toContain('<mark>');
  });

  it('a misspelling one edit from a more frequent word keeps its correction (البرلمن: البرلمان, not «البر لمن»)', () => {
    const found = ids('البرلمن');
    expect(found.slice(0, 2).sort()).toEqual(['parliament', 'parliament-2']);
    expect(found).not.toContain('land');
  });

  it('a clitic attached to a known word is not a dropped space (فيضبط: ف + يضبط, not «في ضبط»)', () => {
    const r = search('فيضبط');
    expect(r.suggestion).not.toBe('في ضبط');
    expect(r.hits.map((h) => h.id).slice(0, 3).sort()).toEqual(['seize-1', 'seize-2', 'seize-3']);
  });

  it('a word the archive writes is never split, even a join it writes once (لايثقون)', () => {
    expect(search('الصحة').suggestion).toBeUndefined();
    const r = search('لايثقون');
    expect(r.suggestion).toBeUndefined();
    expect(r.hits[0]?.id).toBe('joined');
  });
});
