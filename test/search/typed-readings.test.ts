/**
 * Second readings of a typed word that the analysis alone cannot undo (evaluate.ts), each taken
 * only when the archive writes the other reading at least 10× as often:
 *   - a hamza seat typed bare whose typed stem is another common word (هيية: stem هي);
 *   - a hamza seat typed bare in a word the index has never seen (read as the seat form, not as
 *     its closest frequent spelling, which may be another word: نهايي → نهاية rather than نهائي);
 *   - a و the stemmer keeps on a short word (وعين → stem وع);
 *   - the pronoun ه typed as ة (زوجتة: stem زوجت, archive زوجته: stem زوج);
 *   - a preposition ب ل ك typed onto a word (بعسير، لعسير), taken at 3× (typed-readings.ts);
 *   - a typo whose stem is known (المتقبل: stem متقبل) read as the frequent form one edit away;
 *   - آ typed as ا at the start of a word (الاف: stem اف, archive الآلاف: stem الاف);
 *   - ة typed as ه (ثابته: stem ثاب, archive الثابتة: stem ثابت);
 *   - و typed onto a function word (ولها: stem ول of ولي) scored as a stopword; وبـ read as ب;
 *   - و typed onto a word the archive writes alone at least as often (وطن: طن), at 0.8 weight;
 *   - a long vowel ا و ي or a ء on the line left out (اتفق for اتفاق, خبرا for خبراء), at 0.8 weight.
 */
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/search/engine.ts';
import type { Article } from '../../src/types.ts';

/** `n` articles with `word` in the body, plus fillers that hold `also` (a rival word) `m` times. */
function archive(word: string, n: number, also: string[] = []): Article[] {
  const docs: Article[] = [];
  for (let i = 0; i < n; i++) docs.push({ id: `want-${i}`, title: `خبر رقم ${i}`, body: `أعلنت ${word} اليوم نتائج الاجتماع ${i}.` });
  also.forEach((text, i) => docs.push({ id: `other-${i}`, title: `خبر آخر ${i}`, body: text }));
  docs.push({ id: 'none', title: 'خبر لا صلة له', body: 'الطقس معتدل اليوم في معظم المناطق.' });
  return docs;
}

function ids(docs: Article[], q: string, typoMinDocs?: number): string[] {
  const e = createEngine(typoMinDocs === undefined ? {} : { ranking: { typoMinDocs } });
  for (const d of docs) e.put(d);
  return e.search({ q, size: 50, collapse: false }).hits.map((h) => h.id);
}

describe('second readings of typed words', () => {
  it('a bare hamza seat whose typed stem is a common word: هيية finds هيئة', () => {
    // هي (a pronoun) is far more frequent than هيئة as a stem, so the stem test alone refuses.
    const rivals = Array.from({ length: 40 }, (_, i) => `قالت هي إن الأمر ${i} انتهى.`);
    const found = ids(archive('الهيئة', 12, rivals), 'الهيية');
    // The typed reading still matches هي; the seat reading (rarer, so higher idf) ranks first.
    expect(found.slice(0, 12).every((id) => id.startsWith('want-'))).toBe(true);
  });

  it('a bare hamza seat in a word the index has never seen: نهايي finds نهائي, not only نهاية', () => {
    // نهايي is unknown; its closest frequent spelling is نهاية (end), more frequent than نهائي (final).
    const rivals = Array.from({ length: 40 }, (_, i) => `في نهاية الأسبوع ${i} عاد الفريق.`);
    const found = ids(archive('نهائي', 12, rivals), 'نهايي');
    expect(found.filter((id) => id.startsWith('want-'))).toHaveLength(12);
  });

  it('a و the stemmer keeps on a short word is also read without it: وعون finds عون', () => {
    const found = ids(archive('عون', 12, ['ذكر وعون في تعليق.']), 'وعون');
    expect(found).toContain('want-0');
    expect(found).toContain('other-0');
    expect(found).toHaveLength(13);
  });

  it('a word starting with و that the archive writes as often as its rest keeps one reading', () => {
    // وطن (homeland) is a word; طن is not 10× as frequent as وطن here.
    const found = ids(archive('وطن', 6, ['بلغ الإنتاج ألف طن.']), 'وطن');
    expect(found).toHaveLength(6);
  });

  it('و typed onto a word the archive writes alone at least as often: وطن also finds طن, below وطن', () => {
    // 6 articles write طن, 2 write وطن: not the 10× of the full و reading, so طن is read at the
    // proclitic weight; every content word is required in a 3-word query, so without it the
    // article writing «ألف طن انخفاض» could not match «ألف وطن انخفاض» at all.
    const found = ids(archive('طن', 6, ['وطن واحد للجميع.', 'حب وطن كبير.']), 'وطن');
    expect(found.slice(0, 2).sort()).toEqual(['other-0', 'other-1']);
    expect(found.filter((id) => id.startsWith('want-'))).toHaveLength(6);
    expect(ids(archive('طن انخفاض حجم', 3), 'وطن انخفاض حجم').filter((id) => id.startsWith('want-'))).toHaveLength(3);
  });

  it('the pronoun ه typed as ة: زوجتة finds زوجته', () => {
    const found = ids(archive('زوجته', 12, ['وصلت زوجتة الرسالة.']), 'زوجتة');
    expect(found).toContain('want-0');
    expect(found).toContain('other-0');
  });

  it('a word ending in ة that the archive writes with ة keeps its reading: مدرسة', () => {
    const found = ids(archive('مدرسة', 8, ['زار مدرسه المدينة.']), 'مدرسة');
    expect(found).toContain('want-0');
    expect(found).not.toContain('none');
  });

  it.each([
    ['آ typed as ا at the start of a word', 'الآلاف', 'الاف'],
    ['آ typed as ا after و', 'الآلاف', 'والاف'],
    ['آ typed as ا after و, the typed form written too', 'الآلاف', 'والاف'],
    ['ة typed as ه', 'الثابتة', 'ثابته'],
  ])('%s: %s found by %s', (_rule, written, typed) => {
    // The typed form's stem (اف، ثاب) is not the written form's (الاف، ثابت), nor its exact form.
    // The last row's archive also writes the typed form once (so spelling correction does not apply).
    const found = ids(archive(written, 12, _rule.includes('written too') ? [`كتب ${typed} هنا.`] : []), typed);
    expect(found.filter((id) => id.startsWith('want-'))).toHaveLength(12);
    expect(found).not.toContain('none');
  });

  it('آ typed as ا where the archive writes the word bare as often: الاف finds الآلاف beside the bare الاف', () => {
    // The archive's bare الاف takes the article's reading (stem اف) about as often as آلاف is
    // written with آ (stem الاف): a 10× test would refuse the آ reading, and a query that needs
    // every word would lose the articles that write آلاف.
    const bare = Array.from({ length: 8 }, (_, i) => `وصل الاف الزوار ${i}.`);
    const found = ids(archive('الآلاف', 12, bare), 'الاف');
    expect(found.filter((id) => id.startsWith('want-'))).toHaveLength(12);
    expect(found.filter((id) => id.startsWith('other-'))).toHaveLength(8);
  });

  it.each([
    ['a word that starts with the article', 'الأمن', 'الامن'],
    ['the pronoun ه after ت', 'زوجته', 'زوجته'],
  ])('%s keeps its one reading: %s typed as %s', (_rule, written, typed) => {
    const found = ids(archive(written, 12, ['خبر عن آلامن.', 'وصلت زوجتة الرسالة.']), typed);
    expect(found.filter((id) => id.startsWith('want-'))).toHaveLength(12);
    expect(found.filter((id) => id.startsWith('other-'))).toHaveLength(0);
  });

  it('و typed onto a function word is a function word: ولها أصل ranks لها أصل above ولي … أصل', () => {
    // ولها's own stem is ول, the stem of ولي (a common word): read at full weight it would rank
    // the ولي articles first.
    const docs = archive('ليس لها أصل في التاريخ', 12, Array.from({ length: 20 }, (_, i) => `ولي الأمر ذكر أصل الحكاية ${i}.`));
    const found = ids(docs, 'ولها أصل');
    expect(found.slice(0, 12).every((id) => id.startsWith('want-'))).toBe(true);
  });

  it('a و-word the archive writes as often as its function word is a word of its own: ولي keeps its weight', () => {
    // ولي (crown prince, guardian) is written more often than لي: not scored as a stopword.
    const docs = archive('ولي العهد ذكر أصل الحكاية', 12, Array.from({ length: 3 }, (_, i) => `ليس لي أصل هنا ${i}.`));
    const found = ids(docs, 'ولي أصل');
    expect(found.slice(0, 12).every((id) => id.startsWith('want-'))).toBe(true);
  });

  it('a detached preposition after و is read as the preposition: وبـ finds بـ', () => {
    // وب is also a word the archive writes (web): read only as typed, no article has both words.
    const e = createEngine();
    for (const d of archive('بـ 51 نقطة', 4, ['صفحة وب جديدة.'])) e.put(d);
    const r = e.search({ q: 'وبـ 51', size: 20, collapse: false });
    expect(r.relaxed).toBe(false);
    expect(r.hits.filter((h) => h.id.startsWith('want-'))).toHaveLength(4);
    // في is a word, not ف + ي.
    expect(ids(archive('في الدار', 4), 'في الدار')).toHaveLength(4);
  });

  it('a preposition ب ل ك typed onto a word is also read without it: بعسير and لعسير find عسير', () => {
    const docs = archive('عسير', 12, ['وصل الوفد بعسير أمس.']);
    for (const q of ['بعسير', 'لعسير', 'كعسير', 'وبعسير']) {
      const found = ids(docs, q);
      expect(found.filter((id) => id.startsWith('want-'))).toHaveLength(12);
      // The word as typed ranks first (the second reading scores a share of the weight).
      if (q === 'بعسير') expect(found[0]).toBe('other-0');
    }
  });

  it('a word that starts with ب ل ك itself keeps one reading: لبنان does not find بنان', () => {
    const found = ids(archive('لبنان', 12, ['بنان اسم علم.']), 'لبنان');
    expect(found).not.toContain('other-0');
    expect(found.filter((id) => id.startsWith('want-'))).toHaveLength(12);
  });

  it('the article after ل/ب is the stemmer\'s: وللقطع is not read as لقطع', () => {
    const found = ids(archive('القطع', 4, Array.from({ length: 20 }, (_, i) => `لقطع الطريق ${i}`)), 'وللقطع');
    expect(found.filter((id) => id.startsWith('other-'))).toHaveLength(0);
    expect(found.filter((id) => id.startsWith('want-'))).toHaveLength(4);
  });
});

describe('a hit found through another reading marks the word it was found by', () => {
  function firstHit(docs: Article[], q: string) {
    const e = createEngine();
    for (const d of docs) e.put(d);
    const hit = e.search({ q, size: 1, collapse: false }).hits[0]!;
    return { hit, view: e.view(hit.id, q)! };
  }

  it.each([
    ['a spelling correction', 'الحكومة', 'الحكومت', 'الحكومة'],
    ['a hamza seat typed bare', 'الهيئة', 'الهيية', 'الهيئة'],
    ['the pronoun ه typed as ة', 'زوجته', 'زوجتة', 'زوجته'],
  ])('%s: %s typed as %s', (_rule, written, typed, marked) => {
    const rivals = Array.from({ length: 40 }, (_, i) => `قالت هي إن الأمر ${i} انتهى في نهاية الأسبوع.`);
    const { hit, view } = firstHit(archive(written, 12, rivals), typed);
    expect(hit.id).toMatch(/^want-/);
    expect(hit.snippet).toContain(`<mark>${marked}</mark>`);
    expect(view.bodyHtml).toContain(`<mark>${marked}</mark>`);
  });

  it('the marked readings follow the index (remembered readings start over on a write): a correction stops being marked once the typed form is written', () => {
    const e = createEngine();
    for (const d of archive('الحكومة', 12)) e.put(d);
    const marked = () => e.search({ q: 'الحكومت', size: 20, collapse: false }).hits.filter((h) => h.snippet.includes('<mark>الحكومة</mark>')).length;
    expect(marked()).toBe(12);
    // Now the archive writes الحكومت itself: the word is known and read (and marked) as typed only.
    e.put({ id: 'typed', title: 'خبر', body: 'نص فيه الحكومت وفيه الحكومة أيضا.' });
    const [only, ...rest] = e.search({ q: 'الحكومت', size: 20, collapse: false }).hits;
    expect([only!.id, rest.length]).toEqual(['typed', 0]);
    expect(only!.snippet).toBe('نص فيه <mark>الحكومت</mark> وفيه الحكومة أيضا.');
    e.remove('typed');
    expect(marked()).toBe(12);
  });

  it('a word read without its و marks the rest', () => {
    const { hit } = firstHit(archive('عون', 12), 'وعون');
    expect(hit.snippet).toContain('<mark>عون</mark>');
  });

  it('a typo that lands on a known stem is also read as the frequent form one edit away: المتقبل finds المستقبل', () => {
    // المتقبل is written nowhere, but its stem متقبل is (other-0), so the unknown-stem correction does not apply.
    const found = ids(archive('المستقبل', 12, ['رجل متقبل للنقد.']), 'المتقبل', 0);
    expect(found.filter((id) => id.startsWith('want-'))).toHaveLength(12);
    expect(found[0]).toBe('other-0');
    // Not in an archive under typoMinDocs articles (default 20,000): unseen forms are often real words there.
    expect(ids(archive('المستقبل', 12, ['رجل متقبل للنقد.']), 'المتقبل')).toEqual(['other-0']);
  });

  it('a word the archive writes keeps one reading: متقبل does not find مستقبل', () => {
    const found = ids(archive('مستقبل', 12, ['رجل متقبل للنقد.', 'متقبل آخر.', 'متقبل ثالث.']), 'متقبل', 0);
    expect(found.filter((id) => id.startsWith('want-'))).toHaveLength(0);
  });
});

describe('long vowels and ء left out', () => {
  // Long vowels left out (typed-readings.ts withDroppedLongVowel), one row per letter. The typed
  // form is a word the archive writes too (3 articles, MIN_DF), so the typo reading (forms the
  // archive almost never writes) does not apply; the full form is written 40 times (≥ 10×).
  it.each([
    ['ا', 'اتفاق', 'اتفق'],
    ['ا', 'الثلاثاء', 'الثلثاء'],
    ['و', 'مسؤول', 'مسؤل'],
    ['ي', 'الجديدة', 'الجددة'],
    ['ء at the end', 'خبراء', 'خبرا'],
    ['ء before ة', 'البراءة', 'البراة'],
  ])('%s left out: %s typed %s is read too, below the form as typed', (_, archived, typed) => {
    const rivals = [`ورد ${typed} في نص أول.`, `ورد ${typed} في نص ثان.`, `ورد ${typed} في نص ثالث.`];
    const found = ids(archive(archived, 40, rivals), typed, 0);
    expect(found.slice(0, 3).sort()).toEqual(['other-0', 'other-1', 'other-2']);
    expect(found.filter((id) => id.startsWith('want-'))).toHaveLength(40);
    // Not in an archive under typoMinDocs articles: its counts cannot tell a dropped vowel from a word.
    expect(ids(archive(archived, 40, rivals), typed).sort()).toEqual(['other-0', 'other-1', 'other-2']);
  });

  it('a word the archive writes in more articles than a slip would be keeps one reading: العلم does not find العالم', () => {
    // العالم is written 12× as often, but العلم stands in 5 articles, more than MIN_DF (3) in an
    // archive this small (one in 5,000 of a large one): a word of its own, not a left-out ا.
    const rivals = [1, 2, 3, 4, 5].map((i) => `تقدم العلم في البحث رقم ${i}.`);
    const found = ids(archive('العالم', 60, rivals), 'العلم', 0);
    expect(found.sort()).toEqual(['other-0', 'other-1', 'other-2', 'other-3', 'other-4']);
  });

  it('a ء left out is read back however often the archive writes the form typed: خبرا finds خبراء', () => {
    // The same counts as العلم above: ء is dropped by readers everywhere, so the ratio alone decides.
    const rivals = [1, 2, 3, 4, 5].map((i) => `قال خبرا ورد في النشرة رقم ${i}.`);
    const found = ids(archive('خبراء', 60, rivals), 'خبرا', 0);
    expect(found.slice(0, 5).sort()).toEqual(['other-0', 'other-1', 'other-2', 'other-3', 'other-4']);
    expect(found.slice(5).every((id) => id.startsWith('want-'))).toBe(true);
    expect(found.length).toBeGreaterThan(5);
  });

  it('a word the archive writes about as often as its long-vowel form keeps one reading: كتب does not find كتاب', () => {
    const rivals = ['كتب الطالب الدرس.', 'كتب المعلم الواجب.', 'كتب الشاعر قصيدة.'];
    const found = ids(archive('كتاب', 12, rivals), 'كتب', 0);
    expect(found.filter((id) => id.startsWith('want-'))).toHaveLength(0);
  });
});

describe('letters a dialect merges: ض/ظ, ذ typed ز or د', () => {
  // typed-readings.ts withConfusableLetter: the other letter's form, when the archive writes it
  // ≥ 10× as often as the form typed, read from the word as typed (before spelling correction).
  it.each([
    ['ض typed for ظ', 'انتظار', 'انتضار'],
    ['ظ typed for ض', 'الضابط', 'الظابط'],
    ['ذ typed ز', 'الذهب', 'الزهب'],
    ['ذ typed د', 'الذهب', 'الدهب'],
  ])('%s: %s typed %s is found', (_, archived, typed) => {
    // The typed form is written too (3 articles), so no spelling correction replaces it.
    const rivals = [1, 2, 3].map((i) => `ورد ${typed} في النص رقم ${i}.`);
    const found = ids(archive(archived, 40, rivals), typed);
    expect(found.filter((id) => id.startsWith('want-'))).toHaveLength(40);
    expect(found).toContain('other-0');
  });

  it('a form the archive never writes is read with the merged letter, not as its most frequent one-edit neighbour: انتضار finds انتظار, not انتشار', () => {
    // انتشار (one letter from انتضار too) is written more often than انتظار.
    const rivals = Array.from({ length: 30 }, (_, i) => `انتشار المرض في المدينة ${i}.`);
    const e = createEngine();
    for (const d of archive('انتظار', 12, rivals)) e.put(d);
    const r = e.search({ q: 'انتضار', size: 50, collapse: false });
    expect(r.hits.map((h) => h.id).filter((id) => id.startsWith('want-'))).toHaveLength(12);
    expect(r.hits.some((h) => h.id.startsWith('other-'))).toBe(false);
    expect(r.suggestion).toBe('انتظار');
  });

  it('a form written in more articles than a slip would be keeps one reading: الاستاد (stadium) does not find الاستاذ', () => {
    // الاستاذ is written 12× as often, but الاستاد stands in 5 articles, more than MIN_DF (3) in an
    // archive this small (one in 5,000 of a large one): a word of its own (rareFormDf).
    const rivals = [1, 2, 3, 4, 5].map((i) => `افتتاح الاستاد الجديد رقم ${i}.`);
    const found = ids(archive('الاستاذ', 60, rivals), 'الاستاد');
    expect(found.sort()).toEqual(['other-0', 'other-1', 'other-2', 'other-3', 'other-4']);
  });

  it('a word written with either letter ranks its own spelling first: ضل above ظل written 13× as often', () => {
    const rivals = ['ضل الطريق في الصحراء.', 'ضل القارب وجهته.', 'ضل المسافر.'];
    const found = ids(archive('ظل', 40, rivals), 'ضل');
    // ضل is written in 3 articles and ظل in 40 (13×): the ظ reading is taken too, below ضل.
    expect(found.slice(0, 3).sort()).toEqual(['other-0', 'other-1', 'other-2']);
  });
});
