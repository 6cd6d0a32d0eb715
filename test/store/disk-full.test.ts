/**
 * Disk full, for real: a child process runs under `ulimit -f` (file size limit; root cannot
 * bypass it, unlike permissions) with SIGXFSZ ignored, so writes past the limit fail with EFBIG.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ArchiveStore } from '../../src/store/archive-store.ts';
import { makeArticle } from './fixtures/articles.ts';
import { tempDir } from './helpers.ts';

const CHILD = fileURLToPath(new URL('./fixtures/disk-full-child.ts', import.meta.url));
const ROOT = path.resolve(path.dirname(CHILD), '../../..');

describe('disk full', () => {
  it('a full disk refuses writes with StorageError 503; acknowledged writes stay searchable and durable', async () => {
    const dir = tempDir();
    // 256 KiB limit (bash counts 1024-byte blocks); `trap '' XFSZ` makes the signal ignored in node.
    const out = execFileSync(
      'bash',
      ['-c', `trap '' XFSZ; ulimit -f 256; exec "${process.execPath}" --import tsx "${CHILD}" "${dir}"`],
      { cwd: ROOT, encoding: 'utf8' },
    );
    const acked = Number(out.match(/^acked (\d+)$/m)![1]);
    expect(acked).toBeGreaterThan(0);
    expect(out).toMatch(/^refused StorageError 503 Cannot append to the log .*wal-00000000\.log: .*EFBIG/m);
    expect(out).toMatch(new RegExp(`^searchable ${acked} ${acked}$`, 'm'));

    const re = await ArchiveStore.open(dir);
    expect(re.engine.size).toBe(acked);
    for (let i = 0; i < acked; i++) expect(re.engine.get(`gen-${i}`)).toEqual(makeArticle(i));
    expect(re.warnings).toEqual([]);
    await re.close();
  });
});
