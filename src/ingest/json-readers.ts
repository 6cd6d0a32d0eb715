/**
 * JSONL/NDJSON (one object per line, streamed) and JSON files (an array of objects, streamed
 * element by element; or one object; or an object wrapping an array such as {"articles": [...]}).
 * Every bad record is reported with its line number; the others are read.
 */
import { recordToArticle } from './record.ts';
import { openText, readLines, type ByteCounter } from './open-input.ts';
import type { ReadEvent, ReadOptions } from './types.ts';
import { encodingWarning, type EncodingInfo } from './decode.ts';

function* fromRecord(raw: unknown, file: string, line: number, opts: ReadOptions): Generator<ReadEvent> {
  const r = recordToArticle(raw, opts.map);
  if (!r.ok) {
    yield { kind: 'problem', severity: 'skip', file, line, reason: r.reason, detail: r.detail };
    return;
  }
  yield { kind: 'article', article: r.article, file, line };
  for (const w of r.warnings) yield { kind: 'problem', severity: 'warning', file, line, ...w };
}

function* parseOne(text: string, file: string, line: number, opts: ReadOptions): Generator<ReadEvent> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    yield { kind: 'problem', severity: 'skip', file, line, reason: 'invalid JSON', detail: (e as Error).message };
    return;
  }
  yield* fromRecord(raw, file, line, opts);
}

export async function* readJsonl(file: string, opts: ReadOptions, counter?: ByteCounter): AsyncGenerator<ReadEvent> {
  const info: EncodingInfo = {};
  for await (const { line, text } of readLines(file, counter, info)) {
    if (!text.trim()) continue;
    yield* parseOne(text, file, line, opts);
  }
  if (info.guessed) yield encodingWarning(file, info);
}

/**
 * Splits a JSON array into its top-level elements as text, chunk by chunk, tracking strings and
 * nesting so commas and brackets inside strings or nested objects do not split.
 */
class ArraySplitter {
  private depth = 0;
  private inString = false;
  private escaped = false;
  private line = 1;
  private buf = '';
  private startLine = 0;
  /** 'before' the opening [, 'in' the array, 'after' the closing ]. */
  state: 'before' | 'in' | 'after' = 'before';
  /** First non-space character of the file (decides the format). */
  first = '';

  *push(chunk: string): Generator<{ text: string; line: number }> {
    for (const ch of chunk) {
      if (this.state === 'before') {
        if (ch === '\n') this.line++;
        if (/\s/.test(ch)) continue;
        this.first = ch;
        if (ch !== '[') return;
        this.state = 'in';
        continue;
      }
      if (this.state === 'after') return;
      if (this.inString) {
        this.buf += ch;
        if (this.escaped) this.escaped = false;
        else if (ch === '\\') this.escaped = true;
        else if (ch === '"') this.inString = false;
        else if (ch === '\n') this.line++;
        continue;
      }
      if (this.depth === 0 && (ch === ',' || ch === ']')) {
        if (this.buf.trim()) yield { text: this.buf, line: this.startLine };
        this.buf = '';
        if (ch === ']') this.state = 'after';
        continue;
      }
      if (ch === '\n') this.line++;
      if (!this.buf.trim() && !/\s/.test(ch)) this.startLine = this.line;
      this.buf += ch;
      if (ch === '"') this.inString = true;
      else if (ch === '{' || ch === '[') this.depth++;
      else if (ch === '}' || ch === ']') this.depth--;
    }
  }

  /** Text left over when the file ended inside the array (truncated file). */
  rest(): { text: string; line: number } | undefined {
    return this.state === 'in' && this.buf.trim() ? { text: this.buf, line: this.startLine } : undefined;
  }
}

const WRAPPER_KEYS = ['articles', 'data', 'items', 'records', 'results', 'docs', 'documents'];

export async function* readJson(file: string, opts: ReadOptions, counter?: ByteCounter): AsyncGenerator<ReadEvent> {
  const info: EncodingInfo = {};
  const stream = await openText(file, counter, info);
  const splitter = new ArraySplitter();
  let whole = '';
  for await (const chunk of stream) {
    const c = (chunk as string).replace(/^\uFEFF/, '');
    if (splitter.state !== 'before' || splitter.first === '') {
      for (const el of splitter.push(c)) yield* parseOne(el.text, file, el.line, opts);
    }
    if (splitter.first && splitter.first !== '[') whole += c;
    else if (splitter.state === 'after') break;
  }
  if (info.guessed) yield encodingWarning(file, info);
  if (splitter.first === '[') {
    const rest = splitter.rest();
    if (rest) yield { kind: 'problem', severity: 'skip', file, line: rest.line, reason: 'invalid JSON', detail: 'the file ends inside the array (truncated?)' };
    return;
  }
  if (!splitter.first) {
    yield { kind: 'problem', severity: 'skip', file, reason: 'empty file' };
    return;
  }
  // One object, an object wrapping an array, or JSONL saved as .json.
  let raw: unknown;
  try {
    raw = JSON.parse(whole);
  } catch {
    const lines = whole.split('\n');
    for (let i = 0; i < lines.length; i++) if (lines[i]!.trim()) yield* parseOne(lines[i]!, file, i + 1, opts);
    return;
  }
  const obj = raw as Record<string, unknown>;
  const key = raw && typeof raw === 'object' ? WRAPPER_KEYS.find((k) => Array.isArray(obj[k])) : undefined;
  if (key) {
    for (const [i, el] of (obj[key] as unknown[]).entries()) {
      yield* fromRecord(el, `${file} (${key}[${i}])`, 1, opts);
    }
  } else yield* fromRecord(raw, file, 1, opts);
}
