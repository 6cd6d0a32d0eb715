/**
 * The engine as a snapshot file: what the store writes, and the engine it loads. The engine bytes'
 * regions (src/search/serialize.ts) go into the snapshot header, so that loading keeps only the
 * engine's viewed parts in memory and leaves the article text in the file.
 */
import type { Engine } from '../contracts.ts';
import { deserializeEngine } from '../search/engine.ts';
import { engineRegions } from '../search/serialize.ts';
import type { SnapshotPayload } from './recovery.ts';
import { encodeSnapshotHeader } from './snapshot-format.ts';

/** Header + engine bytes of snapshot-<gen>, for writeFileAtomic. */
export function snapshotFileParts(gen: number, bytes: Uint8Array): Uint8Array[] {
  return [encodeSnapshotHeader(gen, bytes, Date.now(), engineRegions(bytes)), bytes];
}

/** The engine of a snapshot payload; it owns the file descriptor (Engine.close releases it). */
export function loadEngine(payload: SnapshotPayload): Engine {
  return deserializeEngine({ regions: payload.regions, textFile: payload.disk });
}
