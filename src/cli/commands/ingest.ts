/** `fahras ingest <files or folders...>`: reads articles into the index and prints a summary. */
import { createWriteStream } from 'node:fs';
import { Option, type Command } from 'commander';
import { FORMATS, type Format } from '../../ingest/formats.ts';
import { parseFieldMap } from '../../ingest/field-map.ts';
import { ingestPaths, type IngestTarget } from '../../ingest/ingest.ts';
import type { ReadProblem } from '../../ingest/types.ts';
import { UsageError } from '../errors.ts';
import { problemLine, summaryText } from '../format-summary.ts';
import { addIndexOption, wholeNumber } from '../options.ts';
import { resolveIndexDir } from '../paths.ts';
import { createProgress } from '../progress.ts';
import { withStore } from '../store.ts';
import type { ArchiveStore } from '../../store/archive-store.ts';

interface IngestOpts {
  index?: string;
  dryRun?: boolean;
  format?: Format;
  map?: string;
  batch: number;
  json?: boolean;
  progress: boolean;
  progressEvery: number;
  maxProblems: number;
  problemsFile?: string;
}

export function registerIngest(program: Command): void {
  const cmd = program
    .command('ingest')
    .description('add articles from files or folders (JSONL, JSON, CSV, HTML, scraped text pages; .gz too)')
    .argument('<paths...>', 'files or folders (folders are read recursively); - reads standard input')
    .addOption(new Option('--format <format>', 'read every file in this format, whatever its extension').choices([...FORMATS]))
    .option('--map <pairs>', 'rename fields before reading, e.g. headline=title,text=body')
    .option('--batch <n>', 'articles per write to the index', wholeNumber('--batch', 1, 100_000), 500)
    .option('--dry-run', 'read and check the files, report problems, write nothing')
    .option('--json', 'print the summary as JSON on stdout')
    .option('--no-progress', 'no progress bar or progress lines')
    .option('--progress-every <seconds>', 'seconds between progress lines when not on a terminal', wholeNumber('--progress-every', 1, 3600), 5)
    .option('--max-problems <n>', 'print at most this many problem lines (all are counted)', wholeNumber('--max-problems', 0), 200)
    .option('--problems-file <file>', 'write every problem as a JSON line to this file')
    .addHelpText('after', `
Examples:
  fahras ingest articles.jsonl.gz
  fahras ingest ./scraped-pages/ --index ./my-index
  fahras ingest export.csv --map headline=title,content=body
  fahras ingest dump.log --format jsonl
  fahras ingest ./export/ --dry-run          # check the files first
  zcat export.jsonl.gz | fahras ingest -
Exit code: 0 when at least one article was read, 1 when nothing could be read.`);
  addIndexOption(cmd).action(async (paths: string[], opts: IngestOpts) => {
    const map = (() => {
      try {
        return parseFieldMap(opts.map);
      } catch (e) {
        throw new UsageError((e as Error).message);
      }
    })();
    const { dir } = resolveIndexDir(opts.index);
    const summary = await ingestInto(dir, paths, { ...opts, map });
    if (summary.read === 0) process.exitCode = 1;
  });
}

export async function ingestInto(
  dir: string,
  paths: string[],
  opts: { map?: Record<string, string>; format?: Format; dryRun?: boolean; batch?: number; json?: boolean; progress?: boolean; progressEvery?: number; maxProblems?: number; problemsFile?: string },
) {
  const started = Date.now();
  const problemsOut = opts.problemsFile ? createWriteStream(opts.problemsFile) : undefined;
  const maxProblems = opts.maxProblems ?? 200;
  let printed = 0;
  let unprinted = 0;
  const showProblem = (p: ReadProblem) => {
    problemsOut?.write(JSON.stringify({ file: p.file, line: p.line, severity: p.severity, reason: p.reason, detail: p.detail }) + '\n');
    if (printed < maxProblems) {
      printed++;
      progress?.clearLine?.();
      process.stderr.write(problemLine(p) + '\n');
    } else unprinted++;
  };
  const tty = !!process.stderr.isTTY;
  const reporter = opts.progress === false ? undefined : createProgress({ tty, everySeconds: opts.progressEvery ?? 5 });
  const progress = reporter && tty ? { clearLine: () => process.stderr.write('\r\x1b[K') } : undefined;
  const run = (store: IngestTarget | null) =>
    ingestPaths(store, paths, {
      map: opts.map,
      format: opts.format,
      batchSize: opts.batch,
      onProblem: showProblem,
      onDuplicate: (d) =>
        showProblem({
          kind: 'problem', severity: 'skip', file: d.file, line: d.line, reason: 'duplicate',
          detail: `article ${d.id} has the same text as ${d.duplicateOf ?? 'another article'}`,
        }),
      onProgress: (p) => reporter?.update(p),
    });
  // The command's own process: nobody searches the engine while it fills, so it is a bulk load.
  const bulk = (store: ArchiveStore) => {
    store.engine.beginBulk();
    return run(store).finally(() => store.engine.endBulk());
  };
  const summary = await (opts.dryRun ? run(null) : withStore(dir, { create: true }, bulk)).finally(() => reporter?.stop());
  if (problemsOut) await new Promise((r) => problemsOut.end(r));
  if (unprinted) process.stderr.write(`… and ${unprinted} more problem lines (counted below; --problems-file FILE lists them all)\n`);
  const seconds = (Date.now() - started) / 1000;
  if (opts.json) process.stdout.write(JSON.stringify({ index: opts.dryRun ? null : dir, dryRun: !!opts.dryRun, seconds, ...summary }) + '\n');
  else process.stdout.write((opts.dryRun ? 'Dry run: files read and checked, nothing written.\n' : '') + summaryText(summary, seconds));
  return summary;
}
