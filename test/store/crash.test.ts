/**
 * SIGKILL in the middle of a 10 000-article ingest (a real child process writing batches of 100
 * and compacting every 2 500 records), then restart: every acknowledged batch is there, and
 * re-running the same ingest completes it with no duplicates.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ArchiveStore } from '../../src/store/archive-store.ts';
import { makeArticle } from './fixtures/articles.ts';
import { tempDir } from './helpers.ts';

const CHILD = fileURLToPath(new URL('./fixtures/ingest-child.ts', import.meta.url));
const ROOT = path.resolve(path.dirname(CHILD), '../../..');
const TOTAL = 10_000;

interface ChildRun {
  acked: number;
  lines: string[];
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** Runs the ingest child; kills it with SIGKILL once `killAfterAcks` batches were acknowledged. */
function runChild(dir: string, killAfterAcks?: number, total = TOTAL, compactEvery = 2500): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dir, String(total), '100', String(compactEvery)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const run: ChildRun = { acked: 0, lines: [], code: null, signal: null };
    let buf = '';
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      let nl;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        run.lines.push(line);
        const m = line.match(/^ack (\d+) (\d+)$/);
        if (m) {
          run.acked = Math.max(run.acked, Number(m[2]) + 1);
          if (killAfterAcks !== undefined && run.lines.length === killAfterAcks) child.kill('SIGKILL');
        }
      }
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      run.code = code;
      run.signal = signal;
      if (killAfterAcks === undefined && code !== 0) reject(new Error(`ingest child failed (${code}): ${stderr}`));
      else resolve(run);
    });
  });
}

describe('crash during ingest', () => {
  it('SIGKILL mid-ingest: every acknowledged article survives, re-running completes without duplicates', async () => {
    const dir = tempDir();
    const killed = await runChild(dir, 37);
    expect(killed.signal).toBe('SIGKILL');
    expect(killed.acked).toBeGreaterThanOrEqual(3700);
    expect(killed.acked).toBeLessThan(TOTAL);

    const store = await ArchiveStore.open(dir, { compactEveryRecords: 0 });
    expect(store.engine.size).toBeGreaterThanOrEqual(killed.acked);
    for (let i = 0; i < killed.acked; i++) {
      const a = store.engine.get(`gen-${i}`);
      if (!a) throw new Error(`acknowledged article gen-${i} is missing after the crash`);
      expect(a).toEqual(makeArticle(i));
    }
    expect(store.engine.search({ q: 'تقرير', size: 10 }).total).toBeGreaterThan(0);
    await store.close();

    const rerun = await runChild(dir);
    const done = rerun.lines.at(-1)!.split(' ');
    expect(done[0]).toBe('done');
    const [added, unchanged, size] = done.slice(1).map(Number);
    expect(size).toBe(TOTAL);
    expect(added! + unchanged!).toBe(TOTAL);
    expect(unchanged).toBeGreaterThanOrEqual(killed.acked);

    const final = await ArchiveStore.open(dir, { readOnly: true });
    expect(final.engine.size).toBe(TOTAL);
    expect(final.warnings).toEqual([]);
    await final.close();
  }, 240_000);
});

describe('read-only openers beside a live writer', () => {
  it('every read-only open succeeds while another process ingests and compacts', async () => {
    const dir = tempDir();
    let finished = false;
    const writer = runChild(dir, undefined, 3000, 300).finally(() => (finished = true));
    let opens = 0;
    let last = 0;
    while (!finished) {
      await new Promise((r) => setTimeout(r, 50));
      let reader: ArchiveStore;
      try {
        reader = await ArchiveStore.open(dir, { readOnly: true });
      } catch (err) {
        if (/No index in/.test((err as Error).message)) continue; // the writer has not created it yet
        throw err;
      }
      expect(reader.engine.size).toBeGreaterThanOrEqual(last);
      last = reader.engine.size;
      opens++;
      await reader.close();
    }
    await writer;
    expect(opens).toBeGreaterThan(0);
    const final = await ArchiveStore.open(dir, { readOnly: true });
    expect(final.engine.size).toBe(3000);
    await final.close();
  }, 240_000);
});
