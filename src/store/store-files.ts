/**
 * Names of the store's files in the index folder. Generations are zero-padded so a plain `ls`
 * lists them in order. Other files and folders (e.g. `sample/`) are ignored.
 *   snapshot-<gen>.fhx  everything in the logs before wal-<gen>
 *   wal-<gen>.log       writes after snapshot-<gen> (wal-00000000.log: from an empty index)
 *   LOCK                the writer's pid
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { isTempFile } from './durable-fs.ts';

export const LOCK_FILE = 'LOCK';

const pad = (gen: number) => String(gen).padStart(8, '0');
export const snapshotName = (gen: number) => `snapshot-${pad(gen)}.fhx`;
export const logName = (gen: number) => `wal-${pad(gen)}.log`;

export interface StoreFiles {
  /** Generations, ascending. */
  snapshots: number[];
  logs: number[];
  /** Temp files left by an interrupted atomic write. */
  temps: string[];
}

export function listStoreFiles(dir: string): StoreFiles {
  const out: StoreFiles = { snapshots: [], logs: [], temps: [] };
  for (const name of readdirSync(dir)) {
    let m: RegExpMatchArray | null;
    if ((m = name.match(/^snapshot-(\d+)\.fhx$/))) out.snapshots.push(Number(m[1]));
    else if ((m = name.match(/^wal-(\d+)\.log$/))) out.logs.push(Number(m[1]));
    else if (isTempFile(name) && /^(snapshot-|wal-)/.test(name)) out.temps.push(path.join(dir, name));
  }
  out.snapshots.sort((a, b) => a - b);
  out.logs.sort((a, b) => a - b);
  return out;
}

export function hasStoreFiles(files: StoreFiles): boolean {
  return files.snapshots.length > 0 || files.logs.length > 0;
}
