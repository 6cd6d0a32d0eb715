/**
 * Which reader a file gets: by extension (after `.gz`), else by sniffing the first bytes.
 *   .jsonl .ndjson → jsonl    .json → json (array, object, or JSONL saved as .json)
 *   .csv .tsv → csv           .html .htm .xhtml → html     .txt .text → scraped page
 * Folders are walked recursively; hidden files and unknown extensions inside folders are skipped
 * (and counted). A file named explicitly with an unknown extension is sniffed. `-` is standard
 * input, read as JSONL unless a format is forced.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { readCsv } from './csv-reader.ts';
import { readHtml } from './html-page.ts';
import { readJson, readJsonl } from './json-readers.ts';
import { openText, STDIN, type ByteCounter } from './open-input.ts';
import { readScrapedPages } from './scraped-page.ts';
import type { ReadEvent, ReadOptions } from './types.ts';

export const FORMATS = ['jsonl', 'json', 'csv', 'html', 'page'] as const;
export type Format = (typeof FORMATS)[number];

export const FORMAT_BY_EXTENSION: Readonly<Record<string, Format>> = {
  '.jsonl': 'jsonl', '.ndjson': 'jsonl', '.json': 'json',
  '.csv': 'csv', '.tsv': 'csv',
  '.html': 'html', '.htm': 'html', '.xhtml': 'html',
  '.txt': 'page', '.text': 'page',
};

export const READERS: Readonly<Record<Format, (file: string, opts: ReadOptions, counter?: ByteCounter) => AsyncGenerator<ReadEvent>>> = {
  jsonl: readJsonl, json: readJson, csv: readCsv, html: readHtml, page: readScrapedPages,
};

export function formatByName(file: string): Format | undefined {
  return FORMAT_BY_EXTENSION[path.extname(file.replace(/\.gz$/i, '')).toLowerCase()];
}

/** Guesses from the content's first characters: < → html, [ → json, { → jsonl, else a page. */
export async function sniffFormat(file: string): Promise<Format> {
  const stream = await openText(file);
  let head = '';
  for await (const chunk of stream) {
    head += chunk as string;
    if (head.length > 512) break;
  }
  stream.destroy();
  const s = head.replace(/^\uFEFF/, '').trimStart();
  if (s.startsWith('<')) return 'html';
  if (s.startsWith('[')) return 'json';
  if (s.startsWith('{')) return 'jsonl';
  return 'page';
}

export interface InputFile {
  file: string;
  format: Format;
  size: number;
}

export interface Listing {
  files: InputFile[];
  /** Paths that do not exist or cannot be read, with the reason. */
  missing: { file: string; reason: string }[];
  /** Files inside folders skipped for their extension. */
  ignored: string[];
}

/**
 * Expands files and folders (recursively, sorted) into the files to read. With `forced`, every
 * file (any extension) is read in that format.
 */
export async function listInputs(paths: string[], forced?: Format): Promise<Listing> {
  const out: Listing = { files: [], missing: [], ignored: [] };
  async function walk(p: string, explicit: boolean): Promise<void> {
    if (p === STDIN) {
      out.files.push({ file: STDIN, format: forced ?? 'jsonl', size: 0 });
      return;
    }
    let st;
    try {
      st = await stat(p);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      out.missing.push({ file: p, reason: code === 'ENOENT' ? 'no such file or folder' : `cannot read (${code})` });
      return;
    }
    if (st.isDirectory()) {
      const names = (await readdir(p)).filter((n) => !n.startsWith('.')).sort();
      for (const n of names) await walk(path.join(p, n), false);
      return;
    }
    const byName = forced ?? formatByName(p);
    if (byName) out.files.push({ file: p, format: byName, size: st.size });
    else if (explicit) out.files.push({ file: p, format: await sniffFormat(p), size: st.size });
    else out.ignored.push(p);
  }
  for (const p of paths) await walk(p, true);
  return out;
}
