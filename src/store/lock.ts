/**
 * One writer per index folder: a LOCK file holding "<pid> <hostname>". A lock left by a process
 * that no longer exists (on this host) is taken over; a live one stops the second writer with a
 * message naming the pid. Readers (readOnly) take no lock.
 */
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { StorageError } from '../errors.ts';
import { storageError } from './durable-fs.ts';
import { LOCK_FILE } from './store-files.ts';

/** Folders this process holds open for writing (a second open in the same process is refused). */
const heldHere = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(file: string): { pid: number; host: string } | undefined {
  try {
    const [pid, host = ''] = readFileSync(file, 'utf8').trim().split(/\s+/);
    const n = Number(pid);
    return Number.isInteger(n) && n > 0 ? { pid: n, host } : undefined;
  } catch {
    return undefined;
  }
}

/** Takes the folder's write lock or throws StorageError. Returns the release function. */
export function acquireLock(dir: string, warn: (msg: string) => void): () => void {
  const key = path.resolve(dir);
  const file = path.join(dir, LOCK_FILE);
  const me = `${process.pid} ${os.hostname()}\n`;
  if (heldHere.has(key)) {
    throw new StorageError(
      `The index folder ${dir} is already open for writing in this process`,
      'close the other ArchiveStore first, or open this one with readOnly',
    );
  }
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      writeFileSync(file, me, { flag: 'wx' });
      heldHere.add(key);
      return () => {
        heldHere.delete(key);
        try {
          if (readFileSync(file, 'utf8') === me) unlinkSync(file);
        } catch {
          /* already gone */
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw storageError('create the lock file', file, err);
    }
    const owner = readOwner(file);
    const sameHost = !owner || !owner.host || owner.host === os.hostname();
    if (owner && (!sameHost || (owner.pid !== process.pid && isAlive(owner.pid)))) {
      throw new StorageError(
        `The index folder ${dir} is in use by process ${owner.pid}${sameHost ? '' : ` on host ${owner.host}`} (${file})`,
        `stop that process (e.g. the running "fahras serve") or open the index read-only; if no such process exists, delete ${file}`,
      );
    }
    warn(`Took over a stale lock in ${dir} (left by process ${owner?.pid ?? '?'}, which is no longer running)`);
    try {
      unlinkSync(file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw storageError('remove the stale lock', file, err);
    }
  }
  throw new StorageError(`Could not take the lock ${file}: another process keeps taking it`, 'make sure only one fahras writer runs on this folder');
}
