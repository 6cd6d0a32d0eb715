/**
 * Bytes → text for every input format. Arabic archives often come in the legacy Windows code
 * page windows-1256 (old CSV exports from Excel, old news sites), which is never valid UTF-8.
 * The first 64 KiB decide, in order:
 *   1. a byte-order mark: UTF-8 EF BB BF, UTF-16LE FF FE, UTF-16BE FE FF;
 *   2. valid UTF-8 → UTF-8 (bytes pass through untouched);
 *   3. a declared charset in the first 4 KiB (`<meta charset=…>`, `charset=…`, `encoding="…"`);
 *   4. otherwise windows-1256, flagged as guessed so the reader can warn.
 */
import { Transform, type TransformCallback } from 'node:stream';

export interface EncodingInfo {
  encoding?: string;
  /** True when no BOM, valid UTF-8 or declaration decided it. */
  guessed?: boolean;
}

const HEAD_BYTES = 64 * 1024;
const DECLARED = /(?:charset|encoding)\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/i;

function validUtf8(buf: Buffer): boolean {
  try {
    // stream: a multi-byte character cut at the end of the sample is not an error.
    new TextDecoder('utf-8', { fatal: true }).decode(buf, { stream: true });
    return true;
  } catch {
    return false;
  }
}

function declared(buf: Buffer): string | undefined {
  const m = DECLARED.exec(buf.subarray(0, 4096).toString('latin1'));
  if (!m) return undefined;
  try {
    return new TextDecoder(m[1]!).encoding;
  } catch {
    return undefined; // unknown label
  }
}

/** Chooses the encoding of a file from its first bytes (see the module comment). */
export function chooseEncoding(head: Buffer): { encoding: string; guessed: boolean; bom: number } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', guessed: false, bom: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', guessed: false, bom: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', guessed: false, bom: 2 };
  if (validUtf8(head)) return { encoding: 'utf-8', guessed: false, bom: 0 };
  const d = declared(head);
  if (d && d !== 'utf-8') return { encoding: d, guessed: false, bom: 0 };
  return { encoding: 'windows-1256', guessed: true, bom: 0 };
}

/** A byte stream → UTF-8 byte stream, decoding from the chosen encoding. */
export class AutoDecoder extends Transform {
  private head: Buffer[] = [];
  private headLength = 0;
  private decoder?: TextDecoder;
  private passThrough = false;

  constructor(private readonly info: EncodingInfo) {
    super();
  }

  private decide(): void {
    const head = Buffer.concat(this.head);
    this.head = [];
    const c = chooseEncoding(head);
    this.info.encoding = c.encoding;
    this.info.guessed = c.guessed;
    this.passThrough = c.encoding === 'utf-8';
    if (!this.passThrough) this.decoder = new TextDecoder(c.encoding);
    this.emitChunk(head.subarray(this.passThrough ? 0 : c.bom));
  }

  private emitChunk(chunk: Buffer): void {
    if (!chunk.length) return;
    if (this.passThrough) this.push(chunk);
    else this.push(Buffer.from(this.decoder!.decode(chunk, { stream: true }), 'utf8'));
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    if (this.info.encoding === undefined) {
      this.head.push(chunk);
      this.headLength += chunk.length;
      if (this.headLength >= HEAD_BYTES) this.decide();
    } else this.emitChunk(chunk);
    done();
  }

  override _flush(done: TransformCallback): void {
    if (this.info.encoding === undefined) this.decide();
    if (this.decoder) {
      const rest = this.decoder.decode();
      if (rest) this.push(Buffer.from(rest, 'utf8'));
    }
    done();
  }
}

/** The warning a reader gives when the encoding was guessed. */
export function encodingWarning(file: string, info: EncodingInfo) {
  return {
    kind: 'problem' as const, severity: 'warning' as const, file, reason: 'guessed encoding',
    detail: `not UTF-8 and no charset declared: read as ${info.encoding} (Arabic Windows); convert the file to UTF-8 if the text looks wrong`,
  };
}
