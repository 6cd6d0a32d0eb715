/** The engine as a snapshot file: what the store writes. */
import { encodeSnapshotHeader } from './snapshot-format.ts';

/** Header + engine bytes of snapshot-<gen>, for writeFileAtomic. */
export function snapshotFileParts(gen: number, bytes: Uint8Array): Uint8Array[] {
  return [encodeSnapshotHeader(gen, bytes), bytes];
}
