/** The bundled sample archive (index-data/sample) reads cleanly and has what the UI needs. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { listInputs, READERS } from '../../src/ingest/formats.ts';
import type { Article } from '../../src/types.ts';

const SAMPLE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../index-data/sample');

async function readSample(): Promise<{ articles: Article[]; problems: string[] }> {
  const { files } = await listInputs([SAMPLE]);
  const articles: Article[] = [];
  const problems: string[] = [];
  for (const f of files) {
    for await (const ev of READERS[f.format](f.file, {})) {
      if (ev.kind === 'article') articles.push(ev.article);
      else problems.push(`${ev.file}:${ev.line} ${ev.reason}`);
    }
  }
  return { articles, problems };
}

describe('index-data/sample', () => {
  it('has 50–70 articles, unique ids, no problems, every one dated, sourced and categorised or a read-also item', async () => {
    const { articles, problems } = await readSample();
    expect(problems).toEqual([]);
    expect(articles.length).toBeGreaterThanOrEqual(50);
    expect(articles.length).toBeLessThanOrEqual(70);
    expect(new Set(articles.map((a) => a.id)).size).toBe(articles.length);
    const main = articles.filter((a) => a.source);
    expect(articles.length - main.length).toBe(1); // the read-also item of the scraped page
    for (const a of main) expect(a.date, a.id).toMatch(/^20(1[6-9]|2[0-5])-\d\d-\d\d$/);
  });

  it('covers what the UI shows: columns, several sources, years, common words, wire copies, quirks', async () => {
    const { articles } = await readSample();
    const values = (f: (a: Article) => string | undefined) => new Set(articles.map(f).filter(Boolean));
    expect(values((a) => a.column).size).toBeGreaterThanOrEqual(4);
    expect(values((a) => a.source).size).toBeGreaterThanOrEqual(4);
    expect(values((a) => a.category).size).toBeGreaterThanOrEqual(6);
    expect(values((a) => a.date?.slice(0, 4)).size).toBe(10);
    expect(articles.filter((a) => a.body.includes('الحكومة') || a.title.includes('الحكومة')).length).toBeGreaterThan(10);
    expect(articles.filter((a) => a.author && /واح/.test(a.author)).length).toBeGreaterThanOrEqual(3);
    const all = articles.map((a) => `${a.title}\n${a.body}\n${(a.tags ?? []).join(' ')}`).join('\n');
    for (const needle of ['عُمان', 'مسارًا', 'هجومٍ', 'إسرائيل', 'اسرائيل', 'مسؤول', 'مسئول', '\u06CC', '\u06A9', 'COVID-19', 'OPEC', '٢٠٢٣', '2025', '@example.org']) {
      expect(all, needle).toContain(needle);
    }
    const page = articles.find((a) => a.column === 'ولنا كلمة' && a.extra?.email);
    expect(page?.tags).toContain('العمل التطوعي');
  });
});
