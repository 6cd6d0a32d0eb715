/**
 * A real tiny filesystem for disk-full and read-only tests: the server child runs in its own mount
 * namespace (`unshare -m`, needs root or user namespaces) over a tmpfs of a few hundred KB mounted
 * on the index folder, so ENOSPC and EROFS come from the kernel, not from a mock. The test reaches
 * the files through /proc/<pid>/root. A live read-write → read-only remount is refused by the kernel
 * (EBUSY) while the server holds its log open for writing, so "read-only" is tested as an index
 * folder bind-mounted read-only before the server starts.
 */
import { spawnSync } from 'node:child_process';

/** Whether `unshare -m` + tmpfs mounts work here (the reason when they do not). */
export function tinyFsSupport(): { ok: boolean; reason?: string } {
  const r = spawnSync('unshare', ['-m', 'sh', '-c', 'd=$(mktemp -d) && mount -t tmpfs -o size=64k tmpfs "$d" && umount "$d" && rmdir "$d"'], { encoding: 'utf8' });
  if (r.error) return { ok: false, reason: `unshare not available: ${r.error.message}` };
  if (r.status !== 0) return { ok: false, reason: `unshare -m / mount tmpfs refused: ${r.stderr.trim()}` };
  return { ok: true };
}

/** Command prefix that mounts a `sizeKiB` tmpfs on `dir` in a private mount namespace, then execs. */
export function tinyFsPrefix(dir: string, sizeKiB: number): string[] {
  return ['unshare', '-m', '--propagation', 'private', 'sh', '-c', `mount -t tmpfs -o size=${sizeKiB}k tmpfs "$0" && exec "$@"`, dir];
}

/** Command prefix that bind-mounts `dir` onto itself read-only in a private mount namespace, then execs. */
export function readOnlyPrefix(dir: string): string[] {
  return ['unshare', '-m', '--propagation', 'private', 'sh', '-c', 'mount --bind "$0" "$0" && mount -o remount,bind,ro "$0" && exec "$@"', dir];
}

/** The index folder as the child sees it (through its mount namespace). */
export const viewOf = (pid: number, dir: string) => `/proc/${pid}/root${dir}`;
