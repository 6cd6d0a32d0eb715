/**
 * Disk full, read-only file system and a log file replaced behind the server's back.
 *
 * Disk full / read-only are REAL kernel errors: the server child runs in its own mount namespace
 * over a 256 KiB tmpfs, or over the index folder bind-mounted read-only (test/helpers/tiny-fs.ts; needs `unshare -m`, i.e. root or user namespaces —
 * skipped with a warning elsewhere). The files are read through /proc/<pid>/root and copied out
 * (a crash image: every acknowledged write was fsync'd) to check that nothing acknowledged is lost.
 *
 * The log-replaced case is portable (no privileges): the log file is moved away and a directory put
 * at its path while the server runs — what an operator's `mv`/restore or a vanished mount does.
 */
import { cpSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Article } from '../../src/types.ts';
import { makeArticle, uniqueWord } from '../helpers/articles.ts';
import { authHeaders, killAllChildren, spawnServer, StartFailed } from '../helpers/child-server.ts';
import { postEach, rmDir, serveDir, storeFiles, tempDir } from '../helpers/index-images.ts';
import { getJson } from '../helpers/http.ts';
import { readOnlyPrefix, tinyFsPrefix, tinyFsSupport, viewOf } from '../helpers/tiny-fs.ts';

afterEach(killAllChildren);

const tiny = tinyFsSupport();
if (!tiny.ok) console.warn(`[reliability] SKIPPED disk-full/read-only tests on a real tmpfs: ${tiny.reason}`);

/** An article of ~6 KB (so a 256 KiB file system fills after ~30 writes). */
function bigArticle(i: number): Article {
  const a = makeArticle(i, 'full');
  return { ...a, body: `${a.body} ${'تفاصيل إضافية عن الموضوع والخلفية التاريخية له. '.repeat(60)}` };
}

async function post(url: string, a: Article): Promise<{ status: number; body: any; type: string }> {
  const res = await fetch(`${url}/api/articles`, { method: 'POST', headers: authHeaders(), body: JSON.stringify(a) });
  return { status: res.status, body: await res.json(), type: res.headers.get('content-type') ?? '' };
}

async function searchFinds(url: string, a: Article): Promise<boolean> {
  const r = await getJson(`${url}/api/search?q=${encodeURIComponent(uniqueWord(Number(a.id.split('-').pop())))}`);
  return r.status === 200 && r.body.hits.some((h: { id: string }) => h.id === a.id);
}

/** Starts a normal server on a copy of the files and returns the ids it holds among `candidates`. */
async function idsAfterRestart(dir: string, candidates: Article[]): Promise<{ size: number; present: string[] }> {
  const s = await serveDir(dir);
  try {
    const size = (await getJson(`${s.url}/readyz`)).body.articles as number;
    const present: string[] = [];
    for (const a of candidates) if ((await getJson(`${s.url}/api/articles/${a.id}`)).status === 200) present.push(a.id);
    return { size, present };
  } finally {
    await s.close();
  }
}

describe.skipIf(!tiny.ok)('disk full and read-only file system (real tmpfs in a mount namespace)', () => {
  it('disk full: writes answer 503 storage with a clear message, searches keep working, writes resume once space is freed, nothing acknowledged is lost', async () => {
    const dir = tempDir('fahras-tinyfs-');
    const copy = tempDir('fahras-tinyfs-copy-');
    try {
      const s = await spawnServer(dir, { prefix: tinyFsPrefix(dir, 256) });
      const inside = viewOf(s.pid, dir);
      writeFileSync(path.join(inside, 'filler.bin'), Buffer.alloc(64 * 1024)); // freed later
      const acked: Article[] = [];
      let refused: Awaited<ReturnType<typeof post>> | undefined;
      for (let i = 0; i < 400 && !refused; i++) {
        const r = await post(s.url, bigArticle(i));
        if (r.status === 201) acked.push(bigArticle(i));
        else refused = r;
      }
      expect(refused, 'the 256 KiB file system never filled up').toBeDefined();
      expect(acked.length).toBeGreaterThan(10);
      expect(refused!.status).toBe(503);
      expect(refused!.type).toContain('application/problem+json');
      expect(refused!.body.code).toBe('storage');
      expect(refused!.body.detail).toMatch(/ENOSPC|no space/i);
      expect(refused!.body.hint).toMatch(/disk is full/);

      // Reads still work, and a second write is refused the same way (no crash, no half-written state).
      expect(await searchFinds(s.url, acked[0]!)).toBe(true);
      expect(await searchFinds(s.url, acked.at(-1)!)).toBe(true);
      expect((await getJson(`${s.url}/readyz`)).status).toBe(200);
      const again = await post(s.url, bigArticle(1000));
      expect(again.status).toBe(503);
      const refusedIds = [bigArticle(acked.length).id, bigArticle(1000).id];
      expect((await getJson(`${s.url}/api/articles/${refusedIds[0]}`)).status).toBe(404);

      // Free space: writes are accepted again.
      rmSync(path.join(inside, 'filler.bin'));
      const later = bigArticle(2000);
      expect((await post(s.url, later)).status).toBe(201);
      acked.push(later);
      expect(await searchFinds(s.url, later)).toBe(true);

      // Crash image of the tmpfs (every acknowledged write was fsync'd), then SIGKILL.
      cpSync(inside, copy, { recursive: true, filter: (src) => path.basename(src) !== 'LOCK' });
      await s.kill();
      const after = await idsAfterRestart(copy, [...acked, ...refusedIds.map((id) => ({ id }) as Article)]);
      expect(after.size).toBe(acked.length);
      expect(after.present.sort()).toEqual(acked.map((a) => a.id).sort());
    } finally {
      rmDir(dir);
      rmDir(copy);
    }
  }, 120_000);

  it('read-only folder: a writable start refuses with a clear message; --read-only serves searches and answers writes 503', async () => {
    const dir = tempDir();
    try {
      const seeded = [0, 1, 2, 3, 4].map(bigArticle);
      const seed = await serveDir(dir);
      await postEach(seed.url, seeded);
      await seed.close();

      const failed = await spawnServer(dir, { prefix: readOnlyPrefix(dir) }).then(
        () => undefined,
        (e: unknown) => e as StartFailed,
      );
      expect(failed, 'a writable server started on a read-only folder').toBeInstanceOf(StartFailed);
      expect(failed!.stderr).toMatch(/FAHRAS_START_FAILED .*(read-only|EROFS)/i);

      const s = await spawnServer(dir, { prefix: readOnlyPrefix(dir), env: { FAHRAS_READ_ONLY: '1' } });
      expect(await searchFinds(s.url, seeded[0]!)).toBe(true);
      expect(await searchFinds(s.url, seeded[4]!)).toBe(true);
      const r = await post(s.url, bigArticle(5));
      expect(r.status).toBe(503);
      expect(r.type).toContain('application/problem+json');
      expect(r.body.code).toBe('storage');
      expect(`${r.body.detail} ${r.body.hint}`).toMatch(/read-only/i);
      const del = await fetch(`${s.url}/api/articles/${seeded[0]!.id}`, { method: 'DELETE', headers: authHeaders() });
      expect(del.status).toBe(503);
      expect((await getJson(`${s.url}/healthz`)).status).toBe(200);
      await s.kill();
      const after = await idsAfterRestart(dir, [...seeded, bigArticle(5)]);
      expect(after.present.sort()).toEqual(seeded.map((a) => a.id).sort());
    } finally {
      rmDir(dir);
    }
  }, 120_000);
});

describe('log file replaced by a directory while serving (simulated lost file, no privileges needed)', () => {
  it('writes answer 503 instead of acknowledging into a file that is gone; searches keep working; acknowledged writes survive', async () => {
    const dir = tempDir();
    try {
      const s = await serveDir(dir);
      const acked = [0, 1, 2].map((i) => makeArticle(i, 'moved'));
      await postEach(s.url, acked);
      const log = storeFiles(dir).find((f) => f.startsWith('wal-'))!;
      renameSync(path.join(dir, log), path.join(dir, `${log}.moved`));
      mkdirSync(path.join(dir, log));
      const r = await post(s.url, makeArticle(3, 'moved'));
      expect(r.status).toBeGreaterThanOrEqual(500);
      expect(r.status).toBeLessThan(600);
      expect(r.body.code).toBe('storage');
      expect(r.body.detail.length).toBeGreaterThan(20);
      expect(r.body.hint).toBeTruthy();
      expect(await searchFinds(s.url, acked[1]!)).toBe(true);
      expect((await getJson(`${s.url}/api/articles/${makeArticle(3, 'moved').id}`)).status).toBe(404);
      // Put the file back, then restart: the three acknowledged articles, not the refused one.
      rmSync(path.join(dir, log), { recursive: true });
      renameSync(path.join(dir, `${log}.moved`), path.join(dir, log));
      await s.close().catch(() => {}); // close may fail to write its snapshot: not what this test checks
      const after = await idsAfterRestart(dir, [...acked, makeArticle(3, 'moved')]);
      expect(after.present.sort()).toEqual(acked.map((a) => a.id).sort());
    } finally {
      rmDir(dir);
    }
  });
});
