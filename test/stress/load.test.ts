/**
 * Long load run: 64 connections for 30 s of mixed searches over 5 000 articles while a writer keeps
 * updating and adding articles. 0 errors, 0 timeouts, every answer 2xx; RSS of the server child
 * after a full GC within 10 % of before. rps and p99 are printed for docs/design/reliability.md.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { killAllChildren } from '../helpers/child-server.ts';
import { runLoad } from '../helpers/load.ts';

afterEach(killAllChildren);

describe('load (stress)', () => {
  it('64 connections × 30 s with concurrent writes: 0 errors, 0 timeouts, memory steady', async () => {
    const r = await runLoad({ connections: 64, seconds: 30, seeded: 5_000, writeEveryMs: 10 });
    console.log(`load (stress): ${JSON.stringify(r)}`);
    expect({ errors: r.errors, timeouts: r.timeouts, non2xx: r.non2xx, writeFailures: r.writeFailures }).toEqual({ errors: 0, timeouts: 0, non2xx: 0, writeFailures: [] });
    expect(r.writes).toBeGreaterThan(0);
    expect(r.rssGrowth, `RSS ${r.rssBeforeKiB} KiB → ${r.rssAfterKiB} KiB`).toBeLessThanOrEqual(0.1);
  }, 300_000);
});
