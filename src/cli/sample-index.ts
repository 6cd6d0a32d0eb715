/**
 * The repository's default index (`npm start`), built from the bundled sample archive.
 *
 * A marker file records that the folder was built from the sample. After an upgrade whose index
 * format this build cannot read, `npm start` then rebuilds it from the sample instead of stopping
 * with "run fahras reindex": the quick start keeps working after `git pull`. The old index files
 * are copied to a backup folder beside them first (articles added over the API to the sample
 * index are not lost: they can be re-ingested from there with a matching version).
 */
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { listStoreFiles, logName, snapshotName } from '../store/store-files.ts';
import { ingestPaths } from '../ingest/ingest.ts';
import { UsageError } from './errors.ts';
import { rebuildInto } from './reindex.ts';
import { ingestInto } from './commands/ingest.ts';

export const SAMPLE_MARKER = '.built-from-sample';

function writeMarker(dir: string, sampleDir: string): void {
  writeFileSync(
    path.join(dir, SAMPLE_MARKER),
    `This index was built from the bundled sample archive (${sampleDir}) by \`fahras serve\`.\n` +
      'If a later version cannot read it, `npm start` rebuilds it from the sample (keeping a backup).\n' +
      'Delete this file if the folder now holds an archive of your own.\n',
  );
}

export function builtFromSample(dir: string): boolean {
  return existsSync(path.join(dir, SAMPLE_MARKER));
}

/** Builds the index in `dir` (which holds none) from the sample archive. */
export async function seedFromSample(dir: string, sampleDir: string): Promise<void> {
  const s = await ingestInto(dir, [sampleDir], { progress: false, maxProblems: 20 });
  if (!s.read) throw new UsageError(`the bundled sample in ${sampleDir} could not be read`);
  writeMarker(dir, sampleDir);
}

/**
 * Replaces an index this build cannot read with one built from the sample archive. The old
 * snapshot and log files are copied into `dir/old-index-<time>/` first; returns that folder.
 */
export async function rebuildFromSample(dir: string, sampleDir: string, now = new Date()): Promise<string> {
  const backup = path.join(dir, `old-index-${now.toISOString().replace(/[:.]/g, '-')}`);
  mkdirSync(backup, { recursive: true });
  const files = listStoreFiles(dir);
  for (const name of [...files.snapshots.map(snapshotName), ...files.logs.map(logName)]) {
    copyFileSync(path.join(dir, name), path.join(backup, name));
  }
  let read = 0;
  await rebuildInto(dir, async (tmp) => {
    read = (await ingestPaths(tmp, [sampleDir], {})).read;
  });
  if (!read) throw new UsageError(`the bundled sample in ${sampleDir} could not be read`);
  writeMarker(dir, sampleDir);
  return backup;
}
