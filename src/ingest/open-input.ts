/**
 * Opening input files: `.gz` is gunzipped transparently (by name or by the 1F 8B magic bytes),
 * and compressed bytes read are counted for the progress bar.
 */
import { createReadStream, type ReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { AutoDecoder, type EncodingInfo } from './decode.ts';

/** Bytes read from disk (for progress and ETA): finished files plus the open file's position. */
export interface ByteCounter {
  /** Bytes of files already finished. */
  bytes: number;
  /** The file being read (its `bytesRead` is polled, so reading is never slowed or disturbed). */
  current?: ReadStream;
}

export const bytesSoFar = (c: ByteCounter) => c.bytes + (c.current?.bytesRead ?? 0);

async function isGzip(file: string): Promise<boolean> {
  const fh = await open(file, 'r');
  try {
    const buf = Buffer.alloc(2);
    const { bytesRead } = await fh.read(buf, 0, 2, 0);
    return bytesRead === 2 && buf[0] === 0x1f && buf[1] === 0x8b;
  } finally {
    await fh.close();
  }
}

/** The path that means standard input (`cat x.jsonl | fahras ingest -`); never gunzipped. */
export const STDIN = '-';

/**
 * A UTF-8 text stream of the file's content, decompressed if needed and decoded from its
 * encoding (see decode.ts); `info` receives the encoding chosen.
 */
export async function openText(file: string, counter?: ByteCounter, info: EncodingInfo = {}): Promise<Readable> {
  const decoder = new AutoDecoder(info);
  if (file === STDIN) {
    process.stdin.on('error', (e) => decoder.destroy(e));
    process.stdin.pipe(decoder);
  } else {
    const gz = file.endsWith('.gz') || (await isGzip(file));
    const raw = createReadStream(file);
    if (counter) counter.current = raw;
    raw.on('error', (e) => decoder.destroy(e));
    if (gz) {
      const gunzip = createGunzip();
      gunzip.on('error', (e) => decoder.destroy(e));
      raw.pipe(gunzip).pipe(decoder);
    } else raw.pipe(decoder);
  }
  decoder.setEncoding('utf8');
  return decoder;
}

/** The whole (decompressed) file as a string, BOM removed; for formats that are not streamed. */
export async function readText(file: string, counter?: ByteCounter, info?: EncodingInfo): Promise<string> {
  const stream = await openText(file, counter, info);
  let s = '';
  for await (const chunk of stream) s += chunk as string;
  return s.replace(/^\uFEFF/, '');
}

/** Lines of the file with 1-based numbers, streamed (a big JSONL file is never whole in memory). */
export async function* readLines(file: string, counter?: ByteCounter, info?: EncodingInfo): AsyncGenerator<{ line: number; text: string }> {
  const rl = createInterface({ input: await openText(file, counter, info), crlfDelay: Infinity });
  let n = 0;
  for await (const text of rl) {
    n++;
    yield { line: n, text: n === 1 ? text.replace(/^\uFEFF/, '') : text };
  }
}
