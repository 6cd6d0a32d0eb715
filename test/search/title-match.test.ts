import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/search/engine.ts';
import { isQuestion, isSurelyQuestion } from '../../src/search/question.ts';
import type { Article } from '../../src/types.ts';

const order = (docs: Article[], q: string, ranking = {}) => {
  const e = createEngine({ ranking });
  for (const d of docs) e.put(d);
  return e.search({ q, collapse: false }).hits.map((h) => h.id);
};

describe('title features for headline lookups (title-match.ts)', () => {
  // Both headlines contain the typed run; the long one's body repeats the words, so the base
  // score prefers it. The run fills most of the short headline: it is the likelier target.
  const runInBoth: Article[] = [
    { id: 'long', title: 'النادي الأهلي يقترب من ضم اللاعب الغاني بعد مفاوضات طويلة مع إدارة تشيلسي الإنجليزي', body: 'يقترب النادي من ضم اللاعب. وقال المدرب إن ضم اللاعب يقترب وإن النادي يقترب من ضم لاعب آخر.' },
    { id: 'short', title: 'الاتحاد يقترب من ضم اللاعب', body: 'أعلن الاتحاد أن المفاوضات مستمرة.' },
  ];

  it('the headline the typed run fills most ranks first', () => {
    expect(order(runInBoth, 'يقترب من ضم اللاعب')).toEqual(['short', 'long']);
  });

  it('the coverage bonus is what decides it', () => {
    expect(order(runInBoth, 'يقترب من ضم اللاعب', { titleCoverage: 0 })).toEqual(['long', 'short']);
  });

  it('a whole headline typed ranks that article first', () => {
    const docs: Article[] = [
      { id: 'other', title: 'وزير الصحة يتفقد مستشفيات المنطقة الجنوبية ويلتقي المرضى', body: 'وزير الصحة يتفقد مستشفيات المنطقة. وزير الصحة يتفقد.' },
      { id: 'whole', title: 'وزير الصحة يتفقد مستشفيات', body: 'جولة ميدانية.' },
    ];
    expect(order(docs, 'وزير الصحه يتفقد مستشفيات')[0]).toBe('whole');
  });
});

describe('headline runs that start with an interrogative-looking word', () => {
  it('من/ما at the start still make a question for matching, but not a sure one', () => {
    expect(isQuestion('من حادث جوي في')).toBe(true);
    expect(isSurelyQuestion('من حادث جوي في')).toBe(false);
    expect(isSurelyQuestion('ما لم تنقل')).toBe(false);
    expect(isSurelyQuestion('كيف تعمل الطاقة الشمسية')).toBe(true);
    expect(isSurelyQuestion('من هو مؤسس الدولة؟')).toBe(true);
  });

  it('a headline run starting with من gets the title features', () => {
    const docs: Article[] = [
      { id: 'rival', title: 'تحطم مقاتلة في ثالث حادث جوي خلال يومين', body: 'حادث جوي جديد. وقع الحادث الجوي في القاعدة، وهو ثالث حادث جوي من نوعه في أسبوع.' },
      { id: 'target', title: 'المنتخب ينجو من حادث جوي في روسيا', body: 'هبطت الطائرة بسلام.' },
    ];
    expect(order(docs, 'من حادث جوي في')[0]).toBe('target');
  });
});
