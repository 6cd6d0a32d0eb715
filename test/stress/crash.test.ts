/**
 * Long crash-safety run: a real server child takes a 10 000-article ingest over HTTP and is
 * SIGKILLed at a random moment, 5 times over the same index folder (each run re-sends what was
 * not acknowledged). After each restart: every acknowledged article is found by a search for its
 * unique title word exactly once, every 20th by GET /api/articles/:id, the index loads, and the
 * final size is exactly 10 000. Runs 2 and 4 send SIGTERM first and SIGKILL 0–400 ms later, so
 * the kill lands inside the graceful shutdown (compaction writing a snapshot). Replay a failure with FAHRAS_SEED=<seed printed below>.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { killAllChildren } from '../helpers/child-server.ts';
import { runCrashScenario } from '../helpers/crash-scenario.ts';

afterEach(killAllChildren);

describe('crash safety over HTTP (stress)', () => {
  it('5 SIGKILLs at random moments of a 10k ingest: nothing acknowledged is lost or doubled', async () => {
    const seed = Number(process.env.FAHRAS_SEED ?? Date.now() % 1_000_000);
    const report = await runCrashScenario({ total: 10_000, runs: 5, seed, batch: 100, concurrency: 6, getEvery: 20, termFirstEvery: 2 });
    console.log(`crash (stress) seed=${seed}, ${report.verifiedLookups} lookups verified:`);
    for (const r of report.runs) console.log(`  run ${r.run}: ${r.termFirst ? "SIGTERM then " : ""}killed after ${r.killAfterMs} ms with ${r.ackedAtKill} acknowledged; ${r.sizeAfterRestart} after restart; warnings: ${r.warnings.join(' | ').slice(0, 400)}`);
    expect(report.runs.length).toBe(5);
    expect(report.runs.every((r) => r.ackedAtKill > 0)).toBe(true);
    expect(report.finalSize).toBe(10_000);
  }, 900_000);
});
