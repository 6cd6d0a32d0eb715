/**
 * Appends records to one log file with group commit: a batch of records is one write and one
 * fdatasync (which also flushes the file size, so the appended bytes are readable after a crash).
 * A failed append truncates the file back to its last good size, so a later append never lands
 * after half-written bytes.
 */
import { promises as fsp } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { encodeLogHeader } from './log-format.ts';
import { storageError, writeFileAtomic } from './durable-fs.ts';

export class LogWriter {
  private constructor(
    readonly file: string,
    private handle: FileHandle,
    private ino: number,
    /** Bytes known to be durable and intact. */
    private size: number,
    /** True after a failed append until the file is truncated back to `size`. */
    private dirty: boolean,
  ) {}

  /** Creates a new, empty log atomically (so its header is never torn) and opens it. */
  static async create(file: string, gen: number): Promise<LogWriter> {
    await writeFileAtomic(file, [encodeLogHeader(gen)]);
    return LogWriter.open(file, undefined);
  }

  /**
   * Opens an existing log for appending at `validEnd`; bytes beyond it (a torn tail) are cut off.
   */
  static async open(file: string, validEnd: number | undefined): Promise<LogWriter> {
    let handle: FileHandle;
    try {
      handle = await fsp.open(file, 'r+');
    } catch (err) {
      throw storageError('open the log', file, err);
    }
    try {
      const st = await handle.stat();
      const size = validEnd ?? st.size;
      if (st.size !== size) {
        await handle.truncate(size);
        await handle.datasync();
      }
      return new LogWriter(file, handle, st.ino, size, false);
    } catch (err) {
      await handle.close().catch(() => {});
      throw storageError('repair the log', file, err);
    }
  }

  get bytes(): number {
    return this.size;
  }

  /** Appends `data` and makes it durable. Throws StorageError; the file then ends where it did. */
  async append(data: Buffer): Promise<void> {
    await this.checkStillThere();
    try {
      if (this.dirty) {
        await this.handle.truncate(this.size);
        this.dirty = false;
      }
      let off = 0;
      while (off < data.length) {
        off += (await this.handle.write(data, off, data.length - off, this.size + off)).bytesWritten;
      }
      await this.handle.datasync();
      this.size += data.length;
    } catch (err) {
      this.dirty = true;
      await this.handle
        .truncate(this.size)
        .then(() => (this.dirty = false))
        .catch(() => {});
      throw storageError('append to the log', this.file, err);
    }
  }

  /**
   * Refuses to write into a log file that is no longer reachable at its path (folder moved,
   * deleted or replaced): such writes would be acknowledged and then lost.
   */
  private async checkStillThere(): Promise<void> {
    let ino: number;
    try {
      ino = (await fsp.stat(this.file)).ino;
    } catch (err) {
      throw storageError('write to', this.file, err);
    }
    if (ino !== this.ino) {
      throw storageError('write to', this.file, Object.assign(new Error('the file was replaced'), { code: 'ENOENT' }));
    }
  }

  async close(): Promise<void> {
    await this.handle.close().catch(() => {});
  }
}
