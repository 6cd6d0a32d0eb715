/** Opening the store for a command, with its warnings printed to stderr. */
import { ArchiveStore } from '../store/archive-store.ts';

export interface OpenForCli {
  readOnly?: boolean;
  /** Create an empty index when there is none (ingest); else "no index" is a user error. */
  create?: boolean;
  quiet?: boolean;
}

export async function openStore(dir: string, opts: OpenForCli = {}): Promise<ArchiveStore> {
  return ArchiveStore.open(dir, {
    create: opts.create ?? false,
    readOnly: opts.readOnly ?? false,
    // A command is one process with nobody searching meanwhile: serializing the live engine on the
    // main thread is all a compaction costs. The default worker would rebuild the engine from the
    // files first (re-indexing up to 10 000 logged articles each time: ~70 s of CPU over a 71k ingest).
    compaction: 'inline',
    logger: {
      info: () => {},
      warn: (m) => {
        if (!opts.quiet) process.stderr.write(`fahras: warning: ${m}\n`);
      },
    },
  });
}

/** Runs `fn` with an open store and always closes it. */
export async function withStore<T>(dir: string, opts: OpenForCli, fn: (store: ArchiveStore) => Promise<T> | T): Promise<T> {
  const store = await openStore(dir, opts);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}
