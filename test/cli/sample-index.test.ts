/** The default index built from the bundled sample: seeded once, rebuilt when a new version cannot read it. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtFromSample, rebuildFromSample, SAMPLE_MARKER, seedFromSample } from '../../src/cli/sample-index.ts';
import { SAMPLE_DIR } from '../../src/cli/paths.ts';
import { ArchiveStore } from '../../src/store/archive-store.ts';
import { crc32 } from '../../src/store/crc32.ts';
import { IncompatibleIndexError } from '../../src/store/recovery.ts';
import { listStoreFiles, snapshotName } from '../../src/store/store-files.ts';

/** Rewrites the engine format of the folder's newest snapshot to 3 with valid checksums: an index an older release wrote. */
function makeOlderFormat(dir: string): void {
  const files = listStoreFiles(dir);
  const snap = path.join(dir, snapshotName(files.snapshots.at(-1)!));
  const b = readFileSync(snap);
  b.writeUInt32LE(3, 64 + 8);
  b.writeUInt32LE(crc32(b.subarray(64)), 24);
  b.writeUInt32LE(crc32(b.subarray(0, 60)), 60);
  writeFileSync(snap, b);
}

async function count(dir: string): Promise<number> {
  const store = await ArchiveStore.open(dir, { readOnly: true });
  try {
    return store.engine.size;
  } finally {
    await store.close();
  }
}

describe('sample index', () => {
  it('is seeded with a marker, and rebuilt from the sample (old files backed up) when its format is too old', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fahras-sample-'));
    await seedFromSample(dir, SAMPLE_DIR);
    expect(builtFromSample(dir)).toBe(true);
    expect(readFileSync(path.join(dir, SAMPLE_MARKER), 'utf8')).toMatch(/bundled sample/);
    const articles = await count(dir);
    expect(articles).toBeGreaterThan(60);

    // A writable open compacts into a snapshot; then make that snapshot one this build cannot read.
    const store = await ArchiveStore.open(dir);
    await store.close();
    makeOlderFormat(dir);
    await expect(ArchiveStore.open(dir, { readOnly: true })).rejects.toBeInstanceOf(IncompatibleIndexError);
    const oldFiles = readdirSync(dir).filter((f) => /^(snapshot-|wal-)/.test(f)).sort();

    const backup = await rebuildFromSample(dir, SAMPLE_DIR, new Date('2026-11-30T00:00:00Z'));
    expect(path.basename(backup)).toBe('old-index-2026-11-30T00-00-00-000Z');
    expect(readdirSync(backup).sort()).toEqual(oldFiles);
    expect(await count(dir)).toBe(articles);
    expect(builtFromSample(dir)).toBe(true);
  });

  it('a folder without the marker is not taken for a sample index', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fahras-sample-'));
    expect(builtFromSample(dir)).toBe(false);
    expect(existsSync(path.join(dir, SAMPLE_MARKER))).toBe(false);
  });
});
