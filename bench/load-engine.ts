/**
 * The engine for a bench given a path: engine bytes (bench/snapshot-71k.ts, loaded in memory by
 * deserializeEngine) or an index folder (opened read-only as `fahras serve` does: article text
 * read from the snapshot file on demand; bench/loaded-memory.ts --folder makes one).
 */
import { readFileSync, statSync } from 'node:fs';
import { deserializeEngine, type SearchEngine } from '../src/search/engine.ts';
import { ArchiveStore } from '../src/store/archive-store.ts';

export async function loadBenchEngine(file: string): Promise<SearchEngine> {
  if (!statSync(file).isDirectory()) return deserializeEngine(readFileSync(file)) as SearchEngine;
  return (await ArchiveStore.open(file, { readOnly: true })).engine as SearchEngine;
}
