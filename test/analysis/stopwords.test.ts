import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/analysis/normalize.ts';
import { STOPWORDS, isStopword } from '../../src/analysis/stopwords.ts';
import { CURATED_OUT, NUMBER_WORDS } from '../../src/analysis/stopword-curation.ts';

const FILE = new URL('../../src/analysis/data/stopwords-ar.txt', import.meta.url);
const lines = readFileSync(FILE, 'utf8').split('\n');
const entries = lines.filter((l) => l && !l.startsWith('#'));

describe('stopword list', () => {
  it('names its MIT sources in the header', () => {
    const header = lines.filter((l) => l.startsWith('#')).join('\n');
    expect(header).toMatch(/mohataher\/arabic-stop-words.*MIT/);
    expect(header).toMatch(/stopwords-iso\/stopwords-ar.*MIT/);
    expect(header).not.toMatch(/linuxscout/i);
  });

  it('is normalized, deduplicated and sorted', () => {
    for (const w of entries) expect(normalize(w)).toBe(w);
    expect(new Set(entries).size).toBe(entries.length);
    expect([...entries].sort()).toEqual(entries);
    expect(STOPWORDS.size).toBe(entries.length);
  });

  it.each(Object.entries(CURATED_OUT))('curated out: %s', (_category, words) => {
    for (const w of words) expect(isStopword(normalize(w)), w).toBe(false);
  });

  it.each([
    ['function words', ['في', 'من', 'على', 'الى', 'عن', 'هذا', 'التي', 'الذي', 'ان', 'قد', 'و']],
    ['number words (kept by measurement)', NUMBER_WORDS.filter((w) => STOPWORDS.has(normalize(w)))],
  ] as const)('stopwords: %s', (_category, words) => {
    expect(words.length).toBeGreaterThan(0);
    for (const w of words) expect(isStopword(normalize(w)), w).toBe(true);
  });
});
