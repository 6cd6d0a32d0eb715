/**
 * The readings of a typed word are remembered per index (reading-memo.ts) until the next write:
 * a search after puts and removals reads the word as the archive now stands.
 */
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/search/engine.ts';
import type { Article } from '../../src/types.ts';

const seatDocs = (n: number, from = 0): Article[] =>
  Array.from({ length: n }, (_, i) => ({ id: `seat-${from + i}`, title: `خبر رقم ${from + i}`, body: `قال رئيس اللجنة في بيان صدر اليوم ${from + i}.` }));
const bareDocs = (n: number, from = 0): Article[] =>
  Array.from({ length: n }, (_, i) => ({ id: `bare-${from + i}`, title: `تعليق ${from + i}`, body: `كتب أحدهم رييس بلا همزة ${from + i}.` }));

describe('remembered word readings follow writes', () => {
  it('a hamza-seat reading appears and disappears as the archive changes', () => {
    const e = createEngine();
    for (const d of [...seatDocs(12), ...bareDocs(1)]) e.put(d);
    const total = () => e.search({ q: 'رييس', size: 50, collapse: false }).total;
    // رئيس is written 12 times as often as رييس: both readings are searched.
    expect(total()).toBe(13);
    expect(total()).toBe(13); // the remembered reading
    // رييس becomes common: the seat reading is no longer taken.
    for (const d of bareDocs(5, 1)) e.put(d);
    expect(total()).toBe(6);
    // Removals make رييس rare again: the seat reading is back.
    for (let i = 1; i < 6; i++) e.remove(`bare-${i}`);
    expect(total()).toBe(13);
    // Removing most رئيس docs makes the seat reading too rare again.
    for (let i = 0; i < 11; i++) e.remove(`seat-${i}`);
    expect(total()).toBe(1);
  });
});
