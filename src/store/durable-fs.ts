/**
 * The file-system steps that make a write survive a crash or power loss:
 * write to a temp file → fsync it → rename over the final name → fsync the folder
 * (the rename itself is only durable once the directory entry is flushed).
 * Every failure becomes a StorageError that says which file, what the OS said, and what to do.
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { StorageError } from '../errors.ts';

/** OS error codes that mean "this folder cannot take writes", with the advice for each. */
const ADVICE: Record<string, string> = {
  ENOSPC: 'the disk is full: free some space, then retry',
  EDQUOT: 'the disk quota is exhausted: free some space, then retry',
  EFBIG: 'the file size limit was reached (ulimit -f): raise the limit or compact the index',
  EROFS: 'the file system is mounted read-only: remount it read-write or use another --index folder',
  EACCES: 'permission denied: give this user write access to the folder or use another --index folder',
  EPERM: 'operation not permitted: give this user write access to the folder or use another --index folder',
  ENOTDIR: 'a path component is a file, not a folder: the index folder was moved or replaced',
  ENOENT: 'the file or folder no longer exists: the index folder was moved or deleted',
  EIO: 'the disk reported an I/O error: check the disk, then restart from the last snapshot',
};

/** Wraps an OS error from `action` on `file` into a StorageError (503) with a fix. */
export function storageError(action: string, file: string, err: unknown): StorageError {
  const code = (err as NodeJS.ErrnoException)?.code ?? '';
  const reason = err instanceof Error ? err.message : String(err);
  const hint = ADVICE[code] ?? 'check that the index folder is writable and the disk has space';
  return new StorageError(`Cannot ${action} ${file}: ${reason}`, hint);
}

/** fsync a folder so that creations, renames and deletions inside it are durable. */
export async function fsyncDir(dir: string): Promise<void> {
  const h = await fsp.open(dir, 'r');
  try {
    await h.sync();
  } finally {
    await h.close();
  }
}

/**
 * Writes `chunks` to `file` atomically: readers see either the old file or the whole new one,
 * never a part, even after a crash. Throws StorageError.
 */
export async function writeFileAtomic(file: string, chunks: readonly Uint8Array[]): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    const h = await fsp.open(tmp, 'w');
    try {
      for (const c of chunks) {
        let off = 0;
        while (off < c.length) off += (await h.write(c, off, c.length - off)).bytesWritten;
      }
      await h.sync();
    } finally {
      await h.close();
    }
    await fsp.rename(tmp, file);
    await fsyncDir(path.dirname(file));
  } catch (err) {
    await fsp.rm(tmp, { force: true }).catch(() => {});
    throw storageError('write', file, err);
  }
}

/** True for temp files left by writeFileAtomic when a process died mid-write. */
export function isTempFile(name: string): boolean {
  return /\.\d+\.tmp$/.test(name);
}
