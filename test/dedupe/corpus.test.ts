import { describe, expect, it } from 'vitest';
import { hasCorpus, loadCorpus } from '../../bench/corpus.ts';
import { NearDuplicateIndex } from '../../src/dedupe/near-duplicates.ts';

const shared = hasCorpus();
if (!shared) console.warn('test/dedupe/corpus.test.ts: SKIPPED (../shared/corpus not found beside the checkout)');

describe.skipIf(!shared)('near-duplicates on 3,000 real articles (../shared/corpus)', () => {
  it('groups identical bodies of 20+ words, keeps groups small, round-trips', () => {
    const docs = shared ? loadCorpus(3000) : [];
    const idx = new NearDuplicateIndex();
    for (const d of docs) idx.add(d.id, d.body);
    const byBody = new Map<string, string[]>();
    for (const d of docs) {
      if (d.body.split(/\s+/).length < 20) continue;
      const k = d.body.replace(/\s+/g, ' ').trim();
      byBody.set(k, [...(byBody.get(k) ?? []), d.id]);
    }
    let pairs = 0;
    for (const ids of byBody.values()) {
      for (const other of ids.slice(1)) {
        pairs++;
        expect(idx.groupOf(ids[0]!)).toContain(other);
      }
    }
    expect(pairs).toBeGreaterThan(0);
    const groups = idx.groups();
    expect(Math.max(...groups.map((g) => g.length))).toBeLessThanOrEqual(30);
    const back = NearDuplicateIndex.fromJSON(JSON.parse(JSON.stringify(idx.toJSON())));
    expect(back.groups()).toEqual(groups);
  });
});
