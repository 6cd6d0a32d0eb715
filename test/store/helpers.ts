import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

/** A fresh temp folder, removed after the test file. */
export function tempDir(prefix = 'fahras-store-'): string {
  const d = mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(d);
  return d;
}

/**
 * A copy of an index folder exactly as it is on disk right now: what a restart would find if the
 * process died at this moment (no close, no final compaction).
 */
export function crashImage(dir: string): string {
  const d = tempDir('fahras-image-');
  cpSync(dir, d, { recursive: true });
  return d;
}

export const storeFiles = (dir: string) => readdirSync(dir).filter((f) => /^(snapshot-|wal-)/.test(f)).sort();
