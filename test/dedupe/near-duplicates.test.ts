import { describe, expect, it } from 'vitest';
import { NearDuplicateIndex } from '../../src/dedupe/near-duplicates.ts';
import { ValidationError } from '../../src/errors.ts';
import { analyze } from '../../src/analysis/analyzer.ts';

// Texts written for these tests (not corpus text).
const STORY =
  'أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في مدينة صلالة بسعة مئتي سرير، ' +
  'ويضم المستشفى أقساما للطوارئ والعناية المركزة وطب الأطفال والولادة. وقال الوزير في كلمته ' +
  'خلال حفل الافتتاح إن المشروع يأتي ضمن خطة لتطوير الخدمات الصحية في المحافظات كافة، ' +
  'وإن الوزارة تعمل على تدريب الكوادر الوطنية وتوفير أحدث الأجهزة الطبية للمرضى. ' +
  'وأضاف أن المستشفى سيخدم أكثر من مئة ألف نسمة في المحافظة والولايات المجاورة لها.';
const SAME_TOPIC =
  'قالت وزارة الصحة إن عدد الأسرّة في مستشفيات السلطنة ارتفع خلال العام الماضي بنسبة عشرة ' +
  'في المئة، وإن الوزارة تخطط لبناء ثلاثة مستشفيات أخرى في محافظات الشمال. وأوضح تقرير ' +
  'الوزارة السنوي أن أقسام الطوارئ استقبلت عددا أكبر من المرضى مقارنة بالعام السابق، ' +
  'وأن برامج تدريب الأطباء والممرضين توسعت لتشمل تخصصات جديدة في طب الأطفال.';
const OTHER =
  'فاز المنتخب الوطني لكرة القدم على نظيره بثلاثة أهداف مقابل هدف واحد في المباراة التي ' +
  'أقيمت مساء أمس على الملعب الرئيسي، وسجل المهاجم هدفين في الشوط الأول قبل أن يضيف ' +
  'زميله الهدف الثالث في الدقائق الأخيرة من اللقاء أمام جمهور غفير ملأ المدرجات.';

describe('NearDuplicateIndex', () => {
  it('groups copies with different bylines and small edits, not same-topic stories', () => {
    const idx = new NearDuplicateIndex();
    idx.add('a', 'مسقط - العمانية: ' + STORY);
    idx.add('b', 'صلالة - واس ' + STORY.replace('مئتي سرير', '200 سرير').replace('اليوم', 'أمس') + ' (تصوير: أحمد)');
    idx.add('c', 'كتب: محمد علي\n' + STORY.replace('كافة', 'جميعها'));
    idx.add('d', SAME_TOPIC);
    idx.add('e', OTHER);
    expect(idx.groupOf('a').sort()).toEqual(['b', 'c']);
    expect(idx.groupOf('b').sort()).toEqual(['a', 'c']);
    expect(idx.groupOf('d')).toEqual([]);
    expect(idx.groupOf('e')).toEqual([]);
    expect(idx.groupOf('unknown')).toEqual([]);
    expect(idx.groups()).toEqual([['a', 'b', 'c']]);
    expect(idx.similarityOf('a', 'b')!).toBeGreaterThan(0.6);
    expect(idx.similarityOf('a', 'd')!).toBeLessThan(0.2);
  });

  it('groups a cut version (mostly contained in the full story), not a short story inside a long roundup', () => {
    const idx = new NearDuplicateIndex();
    idx.add('full', STORY + '\n' + SAME_TOPIC);
    idx.add('cut', 'واس - ' + STORY);
    expect(idx.similarityOf('full', 'cut')!).toBeLessThan(0.6);
    expect(idx.groupOf('full')).toEqual(['cut']);
    const roundup = [STORY, SAME_TOPIC, OTHER, ...Array.from({ length: 60 }, (_, i) => `وفي الخبر رقم ${i + 1} أعلن المسؤول ${i * 37} عن البند ${i * 91}`)];
    const idx2 = new NearDuplicateIndex();
    idx2.add('story', STORY);
    idx2.add('roundup', roundup.join('\n'));
    expect(idx2.groupOf('story')).toEqual([]);
  });

  it('with dates, copies are at most maxDaysApart (7) days apart; unknown dates are not limited', () => {
    const idx = new NearDuplicateIndex();
    idx.add('mon', STORY, '2015-08-03');
    idx.add('sun', 'واس - ' + STORY, '2015-08-09');
    idx.add('later', 'الرياض - ' + STORY, '2015-08-20');
    expect(idx.groupOf('mon')).toEqual(['sun']);
    expect(idx.groupOf('later')).toEqual([]);
    const back = NearDuplicateIndex.fromJSON(JSON.parse(JSON.stringify(idx.toJSON())));
    back.add('later2', 'مكة - ' + STORY, '2015-08-21');
    expect(back.groupOf('later2')).toEqual(['later']);
    back.add('undated', 'جدة - ' + STORY, 'أمس');
    expect(back.groupOf('undated').sort()).toEqual(['later', 'later2', 'mon', 'sun']);
  });

  it('a templated series does not chain into one group (group cohesion)', () => {
    // Synthetic words from Arabic letters; doc i = words [17i, 17i + 100): neighbours share 83
    // words (J ≈ 0.70, copies), docs two apart share 66 (J ≈ 0.48, not copies): both ~0.1 from
    // the 0.6 threshold, ~2 standard deviations of a 64-bin estimate.
    const letters = 'بتثجحخدذرزسشصضطظعغفقكلمنهوي';
    const word = (k: number) => letters[k % 27]! + letters[Math.floor(k / 27) % 27]! + letters[Math.floor(k / 729) % 27]! + 'ا';
    const doc = (i: number) => Array.from({ length: 100 }, (_, k) => word(i * 17 + k)).join(' ');
    const chained = new NearDuplicateIndex({ groupCohesion: 0, leaderSimilarity: 0 });
    const guarded = new NearDuplicateIndex({ leaderSimilarity: 0 });
    for (let i = 0; i < 6; i++) {
      chained.add(`d${i}`, doc(i));
      guarded.add(`d${i}`, doc(i));
    }
    expect(chained.groups()).toEqual([['d0', 'd1', 'd2', 'd3', 'd4', 'd5']]);
    expect(guarded.groups()).toEqual([['d0', 'd1'], ['d2', 'd3'], ['d4', 'd5']]);
  });

  it('does not group very short bodies (a lone name is not a story)', () => {
    const idx = new NearDuplicateIndex();
    idx.add('a', 'سالم الجهني');
    idx.add('b', 'سالم الجهني');
    expect(idx.groups()).toEqual([]);
  });

  it('remove splits a group correctly, also when the removed copy was the link', () => {
    const idx = new NearDuplicateIndex();
    idx.add('a', STORY);
    idx.add('b', STORY + ' ' + OTHER.slice(0, 40));
    idx.add('c', 'الرياض - ' + STORY);
    idx.remove('b');
    expect(idx.groupOf('a')).toEqual(['c']);
    expect(idx.has('b')).toBe(false);
    idx.remove('c');
    expect(idx.groupOf('a')).toEqual([]);
    expect(idx.groups()).toEqual([]);
    idx.remove('zzz'); // unknown: no-op
    expect(idx.size).toBe(1);
  });

  it('addTokens (tokens the engine already has) is the same as add', () => {
    const idx = new NearDuplicateIndex();
    idx.add('a', STORY);
    idx.addTokens('b', analyze('واس - ' + STORY));
    expect(idx.groupOf('a')).toEqual(['b']);
    expect(idx.similarityOf('a', 'b')).toBeGreaterThan(0.8);
  });

  it('re-adding an id replaces its text', () => {
    const idx = new NearDuplicateIndex();
    idx.add('a', STORY);
    idx.add('b', STORY);
    idx.add('b', OTHER);
    expect(idx.groupOf('a')).toEqual([]);
    idx.add('c', OTHER + ' انتهى');
    expect(idx.groupOf('b')).toEqual(['c']);
  });

  it('toJSON/fromJSON round-trip keeps groups and keeps detecting new copies', () => {
    const idx = new NearDuplicateIndex();
    idx.add('a', STORY);
    idx.add('b', 'واس: ' + STORY);
    idx.add('d', SAME_TOPIC);
    idx.add('x', 'قصير');
    idx.remove('d');
    const back = NearDuplicateIndex.fromJSON(JSON.parse(JSON.stringify(idx.toJSON())));
    expect(back.groups()).toEqual(idx.groups());
    expect(back.size).toBe(3);
    back.add('c', STORY + ' والله الموفق');
    expect(back.groupOf('a').sort()).toEqual(['b', 'c']);
    back.add('d2', SAME_TOPIC);
    expect(back.groupOf('d2')).toEqual([]);
    back.remove('a');
    expect(back.groupOf('b')).toEqual(['c']);
  });

  it('many adds and removes keep groups right (compaction)', () => {
    const idx = new NearDuplicateIndex();
    // 3,000 distinct filler bodies (numbers that share no 3-word shingle), then all removed.
    for (let i = 0; i < 3000; i++) idx.add(`f${i}`, Array.from({ length: 14 }, (_, k) => (i * 14 + k) * 7919).join(' '));
    idx.add('s1', STORY);
    for (let i = 0; i < 3000; i++) idx.remove(`f${i}`);
    idx.add('s2', 'عمان - ' + STORY);
    expect(idx.groupOf('s1')).toEqual(['s2']);
    expect(idx.size).toBe(2);
  });

  it.each([
    [null, /not an object/],
    [{ format: 'x', version: 1 }, /format/],
    [{ format: 'fahras-near-duplicates', version: 2, signatureSize: 64, ids: ['a'] }, /version/],
    [{ format: 'fahras-near-duplicates', version: 3, signatureSize: 64, ids: [1] }, /ids/],
    [{ format: 'fahras-near-duplicates', version: 3, signatureSize: 64, ids: ['a'], short: [], edges: [], signatures: '' }, /signature bytes/],
  ])('fromJSON rejects bad data: %j', (data, message) => {
    expect(() => NearDuplicateIndex.fromJSON(data)).toThrow(ValidationError);
    expect(() => NearDuplicateIndex.fromJSON(data)).toThrow(message);
  });
});
