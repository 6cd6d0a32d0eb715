import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/search/engine.ts';
import { trecRun } from '../../src/search/trec-run.ts';
import { ARCHIVE } from './fixtures.ts';

describe('trecRun', () => {
  it('writes "qid Q0 docid rank score fahras" lines in the order the search box ranks', () => {
    const e = createEngine();
    for (const a of ARCHIVE) e.put(a);
    const run = trecRun(e, [{ id: 'q1', text: 'الاقتصاد العراقي' }, { id: 'q2', text: 'لا شيء يطابق هذا زلزلزل' }], 10);
    const lines = run.trim().split('\n');
    const q1 = lines.filter((l) => l.startsWith('q1 '));
    expect(q1.map((l) => l.split(' ')[2])).toEqual(e.search({ q: 'الاقتصاد العراقي' }).hits.map((h) => h.id));
    for (const [i, l] of q1.entries()) {
      const [qid, q0, , rank, score, tag] = l.split(' ');
      expect([qid, q0, rank, tag]).toEqual(['q1', 'Q0', String(i + 1), 'fahras']);
      expect(Number.isFinite(Number(score))).toBe(true);
    }
    expect(trecRun(e, [], 10)).toBe('');
  });

  it('lists a hit\'s syndicated copies right after it, at its score, as the result page shows them', () => {
    const story = 'أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في المدينة يضم مئتي سرير وأقساما للطوارئ والأطفال والعناية المركزة، وقال الوزير إن المستشفى سيخدم أكثر من نصف مليون نسمة في المنطقة والقرى المجاورة لها';
    const e = createEngine();
    e.put({ id: 'd1', title: 'افتتاح مستشفى جديد', body: story, source: 'okaz', date: '2023-01-01' });
    e.put({ id: 'd2', title: 'مستشفى جديد في المدينة', body: story + ' اليوم', source: 'alriyadh', date: '2023-01-02' });
    e.put({ id: 'd3', title: 'وزارة الصحة تفتتح مستشفى', body: 'افتتحت وزارة الصحة مستشفى للأطفال في العاصمة بحضور الوزير', source: 'was', date: '2023-01-03' });
    const page = e.search({ q: 'مستشفى' });
    const shown = page.hits.flatMap((h) => [h.id, ...h.duplicates.map((d) => d.id)]);
    expect(shown).toHaveLength(3);
    const lines = trecRun(e, [{ id: 'q', text: 'مستشفى' }], 10).trim().split('\n').map((l) => l.split(' '));
    expect(lines.map((l) => l[2])).toEqual(shown);
    expect(lines.map((l) => l[3])).toEqual(['1', '2', '3']);
    const copy = lines.findIndex((l) => l[2] === page.hits.find((h) => h.duplicates.length)!.duplicates[0]!.id);
    expect(lines[copy]![4]).toBe(lines[copy - 1]![4]);
    // --top counts every listed article, copies included.
    expect(trecRun(e, [{ id: 'q', text: 'مستشفى' }], 2).trim().split('\n')).toHaveLength(2);
  });

  it('lists a hit\'s copies by how well they match the query, as the page does', () => {
    // Three papers carry one story; the reader types a run of the third paper's headline. The
    // first paper's shorter headline holds it too and is the hit; the copy whose headline the
    // reader typed comes right under it, before the copy whose headline does not match.
    const story = 'أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في المدينة يضم مئتي سرير وأقساما للطوارئ والأطفال والعناية المركزة، وقال الوزير إن المستشفى سيخدم أكثر من نصف مليون نسمة في المنطقة والقرى المجاورة لها';
    const e = createEngine();
    e.put({ id: 'short', title: 'مستشفى جديد في المدينة', body: story, source: 'okaz', date: '2023-01-01' });
    e.put({ id: 'other', title: 'خبر من وزارة الصحة', body: story + ' اليوم', source: 'was', date: '2023-01-01' });
    e.put({ id: 'typed', title: 'الوزير يفتتح مستشفى جديد في المدينة بحضور الأهالي', body: story + ' أمس', source: 'alriyadh', date: '2023-01-01' });
    const q = 'مستشفى جديد في المدينة';
    const page = e.search({ q });
    expect(page.hits.map((h) => h.id)).toEqual(['short']);
    expect(page.hits[0]!.duplicates.map((d) => d.id)).toEqual(['typed', 'other']);
    expect(trecRun(e, [{ id: 'q', text: q }], 10).trim().split('\n').map((l) => l.split(' ')[2])).toEqual(['short', 'typed', 'other']);
  });
});
