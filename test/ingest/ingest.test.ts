/** ingestPaths into a real ArchiveStore in a temp folder: tallies, updates, duplicates, bad files. */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ingestPaths } from '../../src/ingest/ingest.ts';
import type { ReadProblem } from '../../src/ingest/types.ts';
import { ArchiveStore } from '../../src/store/archive-store.ts';

const jsonl = (rows: object[]) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';
let store: ArchiveStore | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});

async function setup() {
  const dir = await mkdtemp(path.join(tmpdir(), 'fahras-ingest-'));
  store = await ArchiveStore.open(path.join(dir, 'index'));
  return { dir, store };
}

describe('ingestPaths', () => {
  it('same id → updated, same URL under a new id → updated, same text under a new id → duplicate', async () => {
    const { dir, store } = await setup();
    const first = path.join(dir, 'a.jsonl');
    await writeFile(first, jsonl([
      { id: 'x1', title: 'عنوان', body: 'نص أول عن المدارس.' },
      { id: 'x2', title: 'عنوان ٢', body: 'نص ثان عن المستشفيات.', url: 'https://e.example/2' },
    ]));
    expect(await ingestPaths(store, [first])).toMatchObject({ read: 2, added: 2 });
    const second = path.join(dir, 'b.jsonl');
    await writeFile(second, jsonl([
      { id: 'x1', title: 'عنوان معدل', body: 'نص أول عن المدارس.' },
      { id: 'other', title: 'عنوان ٢', body: 'نص معدل عن المستشفيات.', url: 'https://e.example/2' },
      { id: 'copy', title: 'نسخة', body: 'نص أول عن المدارس.' },
      { id: 'x1', title: 'عنوان معدل', body: 'نص أول عن المدارس.' },
    ]));
    const dups: unknown[] = [];
    const s = await ingestPaths(store, [second], { batchSize: 2, onDuplicate: (d) => dups.push(d) });
    expect(s).toMatchObject({ read: 4, added: 0, updated: 2, unchanged: 1, duplicates: 1 });
    expect(dups).toEqual([expect.objectContaining({ id: 'copy', duplicateOf: 'x1', line: 3 })]);
    expect(store.engine.get('x1')?.title).toBe('عنوان معدل');
    expect(store.engine.get('x2')?.body).toBe('نص معدل عن المستشفيات.');
    expect(store.engine.size).toBe(2);
  });

  it('keeps going past a corrupt .gz and a missing path, and reports both', async () => {
    const { dir, store } = await setup();
    await writeFile(path.join(dir, 'broken.jsonl.gz'), Buffer.from([0x1f, 0x8b, 8, 0, 1, 2, 3, 4, 5, 6, 7]));
    await writeFile(path.join(dir, 'good.jsonl'), jsonl([{ title: 'ت', body: 'نص سليم.' }]));
    const problems: ReadProblem[] = [];
    const s = await ingestPaths(store, [dir, path.join(dir, 'nope.csv')], { onProblem: (p) => problems.push(p) });
    expect(s).toMatchObject({ files: 2, read: 1, added: 1, skipped: { 'unreadable file': 1, 'missing file': 1 } });
    expect(problems.map((p) => [path.basename(p.file), p.reason])).toEqual([
      ['nope.csv', 'missing file'],
      ['broken.jsonl.gz', 'unreadable file'],
    ]);
  });

  it('reports progress in bytes up to the total', async () => {
    const { dir, store } = await setup();
    await writeFile(path.join(dir, 'p.jsonl'), jsonl(Array.from({ length: 30 }, (_, i) => ({ id: `p${i}`, title: `عنوان ${i}`, body: `نص رقم ${i} في الاختبار.` }))));
    const seen: { articles: number; bytesRead: number; bytesTotal: number }[] = [];
    await ingestPaths(store, [dir], { batchSize: 10, onProgress: (p) => seen.push(p) });
    const last = seen.at(-1)!;
    expect(last.articles).toBe(30);
    expect(last.bytesRead).toBe(last.bytesTotal);
    expect(seen.map((p) => p.articles)).toEqual([...seen.map((p) => p.articles)].sort((a, b) => a - b));
  });
});
