/**
 * Bounded load run (16 connections, 5 s) of mixed searches while writes go on: no errors, no
 * timeouts, every answer 2xx, and the server child's RSS after a full GC within 10 % of before.
 * p99 and rps are printed (figures, not assertions: perf lives in `npm run bench`).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { killAllChildren } from '../helpers/child-server.ts';
import { runLoad } from '../helpers/load.ts';

afterEach(killAllChildren);

describe('load (bounded)', () => {
  it('16 connections × 5 s of mixed searches with concurrent writes: 0 errors, 0 timeouts, memory steady', async () => {
    const r = await runLoad({ connections: 16, seconds: 5, seeded: 1_000, writeEveryMs: 20 });
    console.log(`load (bounded): ${JSON.stringify(r)}`);
    expect(r.requests).toBeGreaterThan(0);
    expect({ errors: r.errors, timeouts: r.timeouts, non2xx: r.non2xx, writeFailures: r.writeFailures }).toEqual({ errors: 0, timeouts: 0, non2xx: 0, writeFailures: [] });
    expect(r.writes).toBeGreaterThan(0);
    expect(r.rssGrowth, `RSS ${r.rssBeforeKiB} KiB → ${r.rssAfterKiB} KiB`).toBeLessThanOrEqual(0.1);
  }, 120_000);
});
