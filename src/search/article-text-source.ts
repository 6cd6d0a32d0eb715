/**
 * Where the stored articles' text bytes live: in memory (engine bytes given to deserializeEngine)
 * or in the snapshot file the index was loaded from, read on demand with a positional read
 * (a few µs per article from the page cache), so a serving process never holds the text.
 *
 * The file is kept open by descriptor, not by name: a compaction writes a new snapshot under
 * another name and later deletes this one; on POSIX the deleted file stays readable through the
 * open descriptor (its disk space is freed when the descriptor is closed). On Windows libuv opens
 * files with FILE_SHARE_DELETE, so the deletion succeeds too and the file lingers until closed.
 */
import { closeSync, readSync } from 'node:fs';
import { StorageError } from '../errors.ts';

export interface ArticleTextSource {
  readonly byteLength: number;
  /** Bytes [from, to) of the text (a view or a fresh buffer; do not modify). */
  read(from: number, to: number): Uint8Array;
  /** Copies bytes [from, from + dst.byteLength) into dst. */
  readInto(dst: Uint8Array, from: number): void;
  /** Releases the file (no-op in memory); reads afterwards throw. */
  close(): void;
}

export function memoryTextSource(bytes: Uint8Array): ArticleTextSource {
  return {
    byteLength: bytes.byteLength,
    read: (from, to) => bytes.subarray(from, to),
    readInto: (dst, from) => dst.set(bytes.subarray(from, from + dst.byteLength)),
    close() {},
  };
}

/** A byte range of an open file. */
export interface FileRange {
  fd: number;
  position: number;
  length: number;
}

/** Closes descriptors of engines dropped without close() (a safety net; close() is the rule). */
const unclosed = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd);
  } catch {
    /* already gone */
  }
});

export class FileTextSource implements ArticleTextSource {
  private fd: number | undefined;
  private readonly position: number;
  readonly byteLength: number;

  /** Takes ownership of `range.fd`. */
  constructor(range: FileRange, byteLength: number) {
    if (byteLength > range.length) throw new Error('article text is longer than its part of the file');
    this.fd = range.fd;
    this.position = range.position;
    this.byteLength = byteLength;
    unclosed.register(this, range.fd, this);
  }

  read(from: number, to: number): Uint8Array {
    const out = Buffer.allocUnsafe(to - from);
    this.readInto(out, from);
    return out;
  }

  readInto(dst: Uint8Array, from: number): void {
    if (this.fd === undefined) {
      throw new StorageError('The index was closed: its snapshot file is no longer open', 'open the index again to read its articles');
    }
    if (from < 0 || from + dst.byteLength > this.byteLength) throw new RangeError('article text read out of range');
    let done = 0;
    while (done < dst.byteLength) {
      const n = readSync(this.fd, dst, done, dst.byteLength - done, this.position + from + done);
      if (n === 0) throw new StorageError('The snapshot file the index was loaded from is shorter than when it was loaded', 'restart the server (the file was truncated)');
      done += n;
    }
  }

  close(): void {
    if (this.fd === undefined) return;
    unclosed.unregister(this);
    const fd = this.fd;
    this.fd = undefined;
    closeSync(fd);
  }
}
