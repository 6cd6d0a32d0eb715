/**
 * CSV (or TSV) with a header row, streamed through csv-parse. Header names map to Article
 * fields like JSON keys do (`--map` applies). Rows csv-parse cannot read (wrong column count,
 * unclosed quotes) are reported with their line and skipped.
 */
import { parse } from 'csv-parse';
import { openText, readLines, STDIN, type ByteCounter } from './open-input.ts';
import { recordToArticle } from './record.ts';
import type { ReadEvent, ReadOptions } from './types.ts';
import { encodingWarning, type EncodingInfo } from './decode.ts';

const DELIMITERS = [',', ';', '\t', '|'] as const;

/**
 * The delimiter of the header row: `.tsv` → tab; otherwise whichever of , ; tab | occurs most
 * outside quotes (spreadsheets in many locales export with `;`); standard input: `,`.
 */
export async function sniffDelimiter(file: string): Promise<string> {
  if (/\.tsv(\.gz)?$/i.test(file)) return '\t';
  if (file === STDIN) return ','; // cannot read ahead in a pipe
  let header = '';
  for await (const { text } of readLines(file)) {
    header = text;
    break;
  }
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of header) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ',';
  for (const d of DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}

export async function* readCsv(file: string, opts: ReadOptions, counter?: ByteCounter): AsyncGenerator<ReadEvent> {
  const skipped: ReadEvent[] = [];
  const parser = parse({
    columns: (header: string[]) => header.map((h) => h.trim()),
    bom: true,
    delimiter: await sniffDelimiter(file),
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    info: true,
    on_skip: (err) => {
      skipped.push({
        kind: 'problem', severity: 'skip', file,
        line: (err as { lines?: number } | undefined)?.lines,
        reason: 'invalid CSV row', detail: err?.message,
      });
      return undefined;
    },
  });
  const info: EncodingInfo = {};
  const input = await openText(file, counter, info);
  input.on('error', (e) => parser.destroy(e));
  input.pipe(parser);
  for await (const rec of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
    yield* skipped.splice(0);
    const line = rec.info.lines;
    const r = recordToArticle(rec.record, opts.map);
    if (!r.ok) {
      yield { kind: 'problem', severity: 'skip', file, line, reason: r.reason, detail: r.detail };
      continue;
    }
    yield { kind: 'article', article: r.article, file, line };
    for (const w of r.warnings) yield { kind: 'problem', severity: 'warning', file, line, ...w };
  }
  yield* skipped.splice(0);
  if (info.guessed) yield encodingWarning(file, info);
}
