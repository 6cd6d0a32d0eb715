/** Legacy encodings: windows-1256 files (old Arabic Excel exports and sites), UTF-16, declared charsets. */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { chooseEncoding } from '../../src/ingest/decode.ts';
import { READERS, type Format } from '../../src/ingest/formats.ts';
import type { ReadArticle, ReadEvent, ReadProblem } from '../../src/ingest/types.ts';

/** Encodes text in windows-1256 (Node has no encoder for it: invert the decoder's table). */
function cp1256(text: string): Buffer {
  const dec = new TextDecoder('windows-1256');
  const table = new Map<string, number>();
  for (let b = 0; b < 256; b++) table.set(dec.decode(Uint8Array.of(b)), b);
  return Buffer.from(Array.from(text, (ch) => {
    const b = table.get(ch);
    if (b === undefined) throw new Error(`not in windows-1256: ${ch}`);
    return b;
  }));
}

const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);

async function read(name: string, bytes: Buffer, format: Format) {
  const dir = await mkdtemp(path.join(tmpdir(), 'fahras-enc-'));
  const file = path.join(dir, name);
  await writeFile(file, bytes);
  const events: ReadEvent[] = [];
  for await (const ev of READERS[format](file, {})) events.push(ev);
  return {
    articles: events.filter((e): e is ReadArticle => e.kind === 'article').map((e) => e.article),
    problems: events.filter((e): e is ReadProblem => e.kind === 'problem').map((p) => p.reason),
  };
}

const CSV = 'title,body,source\nعنوان الخبر,نص الخبر عن الأمطار الغزيرة.,جريدة الساحل\n';
const PAGE = 'نقطة ضوء : عنوان المقال\nتاريخ النشر: 3 آذار 2024\nنص المقال.\nالمصدر: صحيفة الأفق\n';

describe('encodings', () => {
  it.each([
    ['windows-1256 CSV (guessed, warned)', 'a.csv', cp1256(CSV), 'csv' as Format, ['guessed encoding']],
    ['windows-1256 CSV, gzipped', 'a.csv.gz', gzipSync(cp1256(CSV)), 'csv' as Format, ['guessed encoding']],
    ['UTF-16LE CSV with BOM', 'b.csv', utf16le(CSV), 'csv' as Format, []],
    ['UTF-8 CSV with BOM', 'c.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(CSV)]), 'csv' as Format, []],
  ])('%s', async (_name, file, bytes, format, warnings) => {
    const { articles, problems } = await read(file, bytes, format);
    expect(articles).toEqual([expect.objectContaining({ title: 'عنوان الخبر', body: 'نص الخبر عن الأمطار الغزيرة.', source: 'جريدة الساحل' })]);
    expect(problems).toEqual(warnings);
  });

  it('reads a windows-1256 scraped page', async () => {
    const { articles, problems } = await read('p.txt', cp1256(PAGE), 'page');
    expect(articles[0]).toMatchObject({ column: 'نقطة ضوء', title: 'عنوان المقال', date: '2024-03-03', source: 'صحيفة الأفق' });
    expect(problems).toEqual(['guessed encoding']);
  });

  it('uses the charset an HTML page declares, without a warning', async () => {
    const html = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1256"><title>عنوان</title></head><body><article><p>نص عربي قديم.</p></article></body></html>';
    const { articles, problems } = await read('old.html', cp1256(html), 'html');
    expect(articles[0]).toMatchObject({ title: 'عنوان', body: 'نص عربي قديم.' });
    expect(problems).toEqual([]);
  });

  it('keeps UTF-8 when a multi-byte character is cut at the end of the 64 KiB sample', () => {
    const text = Buffer.from('ا'.repeat(40_000)); // 80,000 bytes
    expect(chooseEncoding(text.subarray(0, 65_537))).toMatchObject({ encoding: 'utf-8', guessed: false });
  });
});
