import { describe, expect, it } from 'vitest';
import { TermDict } from '../../src/search/term-dict.ts';

const words = Array.from({ length: 5000 }, (_, i) => `كلمة${i}`);

describe('TermDict', () => {
  it('gives dense ids in first-seen order, through growth, by intern or internHashed', () => {
    const d = new TermDict();
    words.forEach((w, i) => expect(i % 2 ? d.intern(w) : d.internHashed(w, TermDict.hash(w))).toBe(i));
    words.forEach((w, i) => {
      expect(d.get(w)).toBe(i);
      expect(d.intern(w)).toBe(i);
      expect(d.internHashed(w, TermDict.hash(w))).toBe(i);
    });
    expect(d.get('غائب')).toBe(-1);
    expect(d.size).toBe(words.length);
  });

  it('lays out the same hash table whichever way terms were interned', () => {
    const a = new TermDict();
    const b = new TermDict();
    for (const w of words) a.intern(w);
    for (const w of words) b.internHashed(w, TermDict.hash(w));
    expect([...b.hashTable]).toEqual([...a.hashTable]);
  });

  it('keeps interning after restore (hashes of restored terms are computed on first use)', () => {
    const a = new TermDict();
    for (const w of words.slice(0, 3000)) a.intern(w);
    const r = TermDict.restore(a.terms, a.hashTable.slice());
    for (let i = 0; i < 3000; i++) expect(r.intern(words[i]!)).toBe(i);
    for (let i = 3000; i < words.length; i++) expect(r.internHashed(words[i]!, TermDict.hash(words[i]!))).toBe(i);
    for (const w of words.slice(3000)) a.intern(w);
    expect([...r.hashTable]).toEqual([...a.hashTable]);
  });

  it('keeps interning after releaseHashes', () => {
    const a = new TermDict();
    const b = new TermDict();
    for (const w of words.slice(0, 2500)) a.intern(w);
    a.releaseHashes();
    for (const w of words) a.intern(w);
    for (const w of words) b.intern(w);
    words.forEach((w, i) => expect(a.get(w)).toBe(i));
    expect([...a.hashTable]).toEqual([...b.hashTable]);
  });
});
