/** `fahras run --queries FILE.jsonl --top 100`: a TREC run file on stdout, for trec_eval. */
import type { Command } from 'commander';
import { readLines } from '../../ingest/open-input.ts';
import { trecRun } from '../../search/trec-run.ts';
import { UsageError } from '../errors.ts';
import { addIndexOption, wholeNumber } from '../options.ts';
import { resolveIndexDir } from '../paths.ts';
import { withStore } from '../store.ts';

/** Queries as JSON lines with `id` and `text` (or `query` / `q`). */
export async function readQueries(file: string): Promise<{ id: string; text: string }[]> {
  const out: { id: string; text: string }[] = [];
  try {
    for await (const { line, text } of readLines(file)) {
      if (!text.trim()) continue;
      let r: Record<string, unknown>;
      try {
        r = JSON.parse(text) as Record<string, unknown>;
      } catch (e) {
        throw new UsageError(`${file}:${line}: invalid JSON (${(e as Error).message})`, 'each line must be {"id": "...", "text": "..."}');
      }
      const q = r.text ?? r.query ?? r.q;
      if ((typeof r.id !== 'string' && typeof r.id !== 'number') || typeof q !== 'string') {
        throw new UsageError(`${file}:${line}: a query needs "id" and "text"`, 'each line must be {"id": "...", "text": "..."}');
      }
      out.push({ id: String(r.id), text: q });
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new UsageError(`no queries file ${file}`, 'check the path given to --queries');
    throw e;
  }
  return out;
}

export function registerRun(program: Command): void {
  const cmd = program
    .command('run')
    .description('run a file of queries and print a TREC run (qid Q0 docid rank score fahras)')
    .requiredOption('--queries <file>', 'JSON lines: {"id": "...", "text": "..."}')
    .option('--top <n>', 'results per query', wholeNumber('--top', 1, 10_000), 100)
    .addHelpText('after', `
Example:
  fahras run --queries ../shared/eval/arcd/queries.jsonl --top 100 --index ./arcd-index > arcd.run`);
  addIndexOption(cmd).action(async (opts: { index?: string; queries: string; top: number }) => {
    const { dir } = resolveIndexDir(opts.index);
    const queries = await readQueries(opts.queries);
    await withStore(dir, { readOnly: true }, (store) => {
      process.stdout.write(trecRun(store.engine, queries, opts.top));
    });
  });
}
