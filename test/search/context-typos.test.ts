/**
 * A typo that lands on another written word, corrected by the neighbouring query word
 * (src/search/context-typos.ts): a rare typed word never written beside its neighbour, a form one
 * edit away written ≥ 3× as often is written beside it in ≥ 3 articles, so the word is also read
 * (and marked) as that form. Real engines on small fixtures;
 * typoMinDocs 0 so the rule runs on them (its default keeps it out of small archives).
 */
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/search/engine.ts';
import { DEFAULT_RANKING } from '../../src/search/ranking-params.ts';
import type { Article } from '../../src/types.ts';

/**
 * `n` articles writing `meant` beside `ctx` (in the order of `pair`), `typedIn` (3) writing `typed`
 * (a real word of its own) elsewhere, and `extra` articles.
 */
function archive(pair: string, typed: string, n = 12, extra: string[] = [], typedIn = 3): Article[] {
  const docs: Article[] = [];
  for (let i = 0; i < n; i++) docs.push({ id: `want-${i}`, title: `خبر رقم ${i}`, body: `ذكر التقرير أن ${pair} تغير خلال الأسبوع ${i}.` });
  for (let i = 0; i < typedIn; i++) docs.push({ id: `typed-${i}`, title: `نبأ ${i}`, body: `كتب المراسل عن ${typed} مطولا ${i}.` });
  extra.forEach((body, i) => docs.push({ id: `extra-${i}`, title: `نص ${i}`, body }));
  docs.push({ id: 'none', title: 'خبر لا صلة له', body: 'الطقس معتدل اليوم في معظم المناطق.' });
  return docs;
}

function search(docs: Article[], q: string, typoMinDocs = 0) {
  const e = createEngine({ ranking: { typoMinDocs } });
  for (const d of docs) e.put(d);
  const r = e.search({ q, size: 50, collapse: false });
  return { ids: r.hits.map((h) => h.id), hits: r.hits, relaxed: r.relaxed, suggestion: r.suggestion, view: (id: string) => e.view(id, q)! };
}

describe('a typo that lands on another written word, read as the form its neighbour is written beside', () => {
  it.each([
    ['a letter dropped', 'خلفية الصورة', 'خلية', 'خلية الصورة', 'خلفية'],
    ['a letter added', 'سفير مصر', 'مصير', 'سفير مصير', 'مصر'],
    ['a letter changed', 'مجلس الأمن', 'الأمم', 'مجلس الأمم', 'الأمن'],
    ['two letters swapped', 'وزير العمل', 'العلم', 'وزير العلم', 'العمل'],
  ])('%s: «%s» typed with %s («%s») is found first and marked', (_kind, pair, typed, q, meant) => {
    const r = search(archive(pair, typed), q);
    // Without the reading no article holds both words: the query was relaxed, the typed word's
    // articles (rarer, so higher idf) first.
    expect(r.relaxed).toBe(false);
    expect(r.ids.slice(0, 12).every((id) => id.startsWith('want-'))).toBe(true);
    expect(r.hits[0]!.snippet).toMatch(new RegExp(`<mark>[^<]*${meant}`));
    expect(r.view(r.ids[0]!).bodyHtml).toMatch(new RegExp(`<mark>[^<]*${meant}`));
    // The typed word is a word of its own (3 articles): maybe meant, so not suggested away.
    expect(r.suggestion).toBeUndefined();
  });

  it('a typed form the archive (almost) never writes is suggested as the form meant («هل تقصد»)', () => {
    // خلية in one article: the reader sees what was searched for.
    const r = search(archive('خلفية الصورة', 'خلية', 12, [], 1), 'خلية الصورة');
    expect(r.ids[0]).toMatch(/^want-/);
    expect(r.suggestion).toBe('خلفية الصورة');
  });
});

describe('no correction', () => {
  const corrected = (r: ReturnType<typeof search>) => r.hits.some((h) => /<mark>[^<]*خلفية/.test(h.snippet));

  it('a correctly typed pair the archive does not write side by side, whose neighbour is not written beside the context either', () => {
    const r = search(archive('خلفية الموضوع', 'خلية', 12, ['الصورة واضحة.', 'الصورة جديدة.']), 'خلية الصورة');
    expect(corrected(r)).toBe(false);
    expect(r.ids.some((id) => id.startsWith('want-'))).toBe(false);
  });

  it('a typed pair the archive writes side by side even once is a phrase of its own', () => {
    const r = search(archive('خلفية الصورة', 'خلية', 12, ['وصف خلية الصورة بدقة.']), 'خلية الصورة');
    expect(r.ids).toEqual(['extra-0']);
    expect(r.suggestion).toBeUndefined();
  });

  it('a typed word written in more than one article in 1,000 (RARE_SHARE, at least 3) is read as typed', () => {
    // خلية in 4 articles of 17: above the floor of 3.
    const r = search(archive('خلفية الصورة', 'خلية', 12, ['خلية أخرى.']), 'خلية الصورة');
    expect(corrected(r)).toBe(false);
  });

  it('a stopword neighbour is no context: «خلية في» does not read خلفية', () => {
    const r = search(archive('خلفية في', 'خلية'), 'خلية في');
    expect(r.ids.every((id) => id.startsWith('typed-'))).toBe(true);
    expect(corrected(r)).toBe(false);
  });

  it('a question needs few of its words: a wrong reading would add rivals', () => {
    const r = search(archive('خلفية الصورة', 'خلية'), 'ما خلية الصورة؟');
    expect(corrected(r)).toBe(false);
  });

  it('a quoted phrase is exact', () => {
    const r = search(archive('خلفية الصورة', 'خلية'), '"خلية الصورة"');
    expect(r.ids).toEqual([]);
  });

  it('an archive under typoMinDocs articles (default 20,000): its counts are too small to tell a typo from a word', () => {
    const r = search(archive('خلفية الصورة', 'خلية'), 'خلية الصورة', DEFAULT_RANKING.typoMinDocs);
    expect(r.relaxed).toBe(true);
    expect(corrected(r)).toBe(false);
  });
});
