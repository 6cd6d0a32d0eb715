/**
 * Bounded crash-safety run (the long one is test/stress/crash.test.ts): a real server child takes
 * 2 000 articles over HTTP and is SIGKILLed at a random moment; after the restart every
 * acknowledged article is found by id and by its unique title word, exactly once.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { killAllChildren } from '../helpers/child-server.ts';
import { runCrashScenario } from '../helpers/crash-scenario.ts';

afterEach(killAllChildren);

describe('crash safety over HTTP (bounded)', () => {
  it('SIGKILL mid-ingest: every acknowledged write survives the restart, once', async () => {
    const seed = Number(process.env.FAHRAS_SEED ?? Date.now() % 1_000_000);
    const report = await runCrashScenario({ total: 2_000, runs: 1, seed, getEvery: 10 });
    console.log(`crash (bounded) seed=${seed}: ${JSON.stringify(report.runs.map(({ warnings, ...r }) => ({ ...r, warnings: warnings.length })))}`);
    expect(report.runs[0]!.ackedAtKill).toBeGreaterThan(0);
    expect(report.finalSize).toBe(2_000);
  }, 120_000);
});
