/**
 * Index folders in known states for torn/corrupt-file tests, made through the real server:
 * `crashImage` copies the folder while the server is still running (after the writes were
 * acknowledged, so it is exactly what a power cut would leave: the log is fsync'd on every ack).
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pino, type Logger } from 'pino';
import { startServer, type RunningServer } from '../../src/server/start.ts';
import type { Article } from '../../src/types.ts';
import { authHeaders, KEY } from './child-server.ts';

export const RECORD_MARKER = Buffer.from([0xfa, 0x46, 0x52, 0x01]);

export function tempDir(prefix = 'fahras-rel-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** A logger whose lines (warnings and errors) are collected in `lines`. */
export function collectingLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const logger = pino({ level: 'warn' }, { write: (s: string) => void lines.push(s) });
  return { logger, lines };
}

export async function serveDir(dir: string, logger?: Logger): Promise<RunningServer> {
  return startServer({ indexDir: dir, port: 0, apiKeys: [KEY], logger: logger ?? pino({ level: 'silent' }), rateLimit: false, cache: false });
}

/** Writes each article with its own request (so each is its own log record). */
export async function postEach(url: string, articles: Article[]): Promise<void> {
  for (const a of articles) {
    const res = await fetch(`${url}/api/articles`, { method: 'POST', headers: authHeaders(), body: JSON.stringify(a) });
    if (res.status !== 201) throw new Error(`POST ${a.id}: ${res.status} ${await res.text()}`);
  }
}

export async function postMany(url: string, articles: Article[]): Promise<void> {
  const res = await fetch(`${url}/api/articles`, { method: 'POST', headers: authHeaders(), body: JSON.stringify(articles) });
  if (res.status !== 201) throw new Error(`POST ${articles.length} articles: ${res.status} ${await res.text()}`);
}

/** Copies a live index folder (without its LOCK, whose pid is this test process). */
export function crashImage(dir: string): string {
  const copy = tempDir('fahras-image-');
  cpSync(dir, copy, { recursive: true, filter: (src) => path.basename(src) !== 'LOCK' });
  return copy;
}

export function copyDir(dir: string): string {
  const copy = tempDir('fahras-copy-');
  cpSync(dir, copy, { recursive: true });
  return copy;
}

export const storeFiles = (dir: string) => readdirSync(dir).filter((f) => /^(wal|snapshot)-/.test(f)).sort();

/** Byte offsets where each record of a log file starts. */
export function recordStarts(file: string): number[] {
  const b = readFileSync(file);
  const out: number[] = [];
  for (let i = b.indexOf(RECORD_MARKER); i >= 0; i = b.indexOf(RECORD_MARKER, i + 1)) out.push(i);
  return out;
}

export const rmDir = (dir: string) => rmSync(dir, { recursive: true, force: true });
