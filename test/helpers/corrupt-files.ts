/**
 * Torn logs and flipped snapshot bytes, checked through a real server start (startServer in this
 * process for the many-offset loops, the `fahras serve` CLI for the end-to-end cases). Shared by
 * test/reliability (a sample of offsets) and test/stress (every offset / hundreds of bytes).
 */
import { readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Article } from '../../src/types.ts';
import { makeArticle } from './articles.ts';
import { collectingLogger, copyDir, crashImage, postEach, postMany, recordStarts, rmDir, serveDir, storeFiles, tempDir } from './index-images.ts';

export interface TornImage {
  dir: string;
  log: string;
  kept: Article[];
  last: Article;
  /** [start, end) of the last record in the log. */
  lastRecord: [number, number];
}

/** 12 articles, one log record each, the last one small; no snapshot. */
export async function tornLogImage(): Promise<TornImage> {
  const dir = tempDir();
  const s = await serveDir(dir);
  const kept = Array.from({ length: 11 }, (_, i) => makeArticle(i, 'torn'));
  const last: Article = { id: 'torn-last', title: 'خبر قصير', body: 'نص قصير جدا للسجل الأخير' };
  try {
    await postEach(s.url, [...kept, last]);
    const image = crashImage(dir);
    const files = storeFiles(image);
    const logName = files.find((f) => f.startsWith('wal-'))!;
    const log = path.join(image, logName);
    const starts = recordStarts(log);
    if (starts.length !== 12) throw new Error(`expected 12 records in ${logName}, found ${starts.length}`);
    return { dir: image, log: logName, kept, last, lastRecord: [starts.at(-1)!, statSync(log).size] };
  } finally {
    await s.close();
    rmDir(dir);
  }
}

/** Truncates a copy of the image at `offset` and starts a server on it; returns what it serves. */
export async function startTruncated(img: TornImage, offset: number, alsoWrite = false): Promise<{ articles: number; hasLast: boolean; keptOk: boolean; warnings: string[]; afterWrite?: number }> {
  const dir = copyDir(img.dir);
  try {
    truncateSync(path.join(dir, img.log), offset);
    const { logger, lines } = collectingLogger();
    const s = await serveDir(dir, logger);
    let afterWrite: number | undefined;
    try {
      const ready = (await (await fetch(`${s.url}/readyz`)).json()) as { articles: number };
      const hasLast = (await fetch(`${s.url}/api/articles/${img.last.id}`)).status === 200;
      const sample = [img.kept[0]!, img.kept[img.kept.length - 1]!];
      let keptOk = true;
      for (const a of sample) {
        const r = (await (await fetch(`${s.url}/api/articles/${a.id}`)).json()) as { article?: Article };
        keptOk &&= r.article?.body === a.body;
      }
      if (alsoWrite) {
        // The log was cut back to its last good record: a new write after it must survive a restart.
        await postEach(s.url, [img.last]);
      }
      await s.close();
      if (alsoWrite) {
        const again = await serveDir(dir);
        afterWrite = ((await (await fetch(`${again.url}/readyz`)).json()) as { articles: number }).articles;
        await again.close();
      }
      return { articles: ready.articles, hasLast, keptOk, warnings: [...s.store.warnings, ...lines], afterWrite };
    } catch (err) {
      await s.close();
      throw err;
    }
  } finally {
    rmDir(dir);
  }
}

export interface SnapshotImage {
  dir: string;
  /** The newest snapshot file name (the one tests damage) and the previous one. */
  newest: string;
  previous: string;
  /** Articles written before snapshot 1, between snapshot 1 and 2, and after snapshot 2 (log only). */
  batches: Article[][];
}

/** Two snapshots (graceful closes compact) and a log with writes after the newest. */
export async function snapshotImage(): Promise<SnapshotImage> {
  const dir = tempDir();
  const batches = [0, 1, 2].map((b) => Array.from({ length: 15 }, (_, i) => makeArticle(b * 15 + i, 'snap')));
  try {
    for (const b of batches.slice(0, 2)) {
      const s = await serveDir(dir);
      await postMany(s.url, b);
      await s.close(); // close() folds the log into a new snapshot
    }
    const s = await serveDir(dir);
    await postMany(s.url, batches[2]!);
    const image = crashImage(dir);
    await s.close();
    const snaps = storeFiles(image).filter((f) => f.startsWith('snapshot-'));
    if (snaps.length < 2) throw new Error(`expected two snapshots, found ${storeFiles(image).join(', ')}`);
    return { dir: image, newest: snaps.at(-1)!, previous: snaps.at(-2)!, batches };
  } finally {
    rmDir(dir);
  }
}

export function flipByte(file: string, at: number): void {
  const b = readFileSync(file);
  b[at] = b[at]! ^ 0x5a;
  writeFileSync(file, b);
}

/** Flips one byte of the newest snapshot in a copy and starts a server on it. */
export async function startFlipped(img: SnapshotImage, at: number): Promise<{ articles: number; missing: string[]; warnings: string[] }> {
  const dir = copyDir(img.dir);
  try {
    flipByte(path.join(dir, img.newest), at);
    const { logger, lines } = collectingLogger();
    const s = await serveDir(dir, logger);
    try {
      const ready = (await (await fetch(`${s.url}/readyz`)).json()) as { articles: number };
      const missing: string[] = [];
      for (const a of img.batches.flat()) {
        const r = (await (await fetch(`${s.url}/api/articles/${a.id}`)).json()) as { article?: Article };
        if (r.article?.body !== a.body) missing.push(a.id);
      }
      return { articles: ready.articles, missing, warnings: [...s.store.warnings, ...lines] };
    } finally {
      await s.close();
    }
  } finally {
    rmDir(dir);
  }
}
