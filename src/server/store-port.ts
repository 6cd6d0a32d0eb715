/**
 * What the HTTP layer needs from the archive store (src/store/archive-store.ts `ArchiveStore`
 * satisfies it structurally). Declared here so the server depends on a small, explicit surface.
 */
import type { Engine } from '../contracts.ts';
import type { Article } from '../types.ts';

export type StoreWriteStatus = 'added' | 'updated' | 'unchanged' | 'duplicate';

export interface StoreWriteResult {
  id: string;
  status: StoreWriteStatus;
  /** For `duplicate`: the id of the article this one copies. */
  duplicateOf?: string;
}

export interface ApiStore {
  readonly engine: Engine;
  /** Resolves once the articles are durable on disk; throws StorageError when they cannot be. */
  put(articles: Article[]): Promise<StoreWriteResult[]>;
  /** Removes an article; resolves to whether it existed (a store may resolve to void). */
  delete(id: string): Promise<boolean | void> | boolean | void;
  close(): Promise<void> | void;
}
