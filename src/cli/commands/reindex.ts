/**
 * `fahras reindex [files...]`: rebuilds the index with this version's analysis and engine, from the
 * stored articles, or from the given source files when the stored index cannot be read any more.
 */
import type { Command } from 'commander';
import { FahrasError } from '../../errors.ts';
import { ingestPaths } from '../../ingest/ingest.ts';
import { IncompatibleIndexError } from '../../store/recovery.ts';
import { UsageError } from '../errors.ts';
import { summaryText } from '../format-summary.ts';
import { addIndexOption } from '../options.ts';
import { resolveIndexDir } from '../paths.ts';
import { rebuildInto, readStoredArticles } from '../reindex.ts';

export function registerReindex(program: Command): void {
  const cmd = program
    .command('reindex')
    .description('rebuild the index with this version (from the stored articles, or from source files)')
    .argument('[paths...]', 'source files or folders to rebuild from (default: the articles already stored)')
    .addHelpText('after', `
Stop \`fahras serve\` on the same folder first. Examples:
  fahras reindex                        # after an analyzer change: same articles, new index
  fahras reindex ./archive/ --index ./my-index   # when the stored index is from an incompatible version`);
  addIndexOption(cmd).action(async (paths: string[], opts: { index?: string }) => {
    const { dir } = resolveIndexDir(opts.index);
    const started = Date.now();
    if (paths.length) {
      let summary;
      const n = await rebuildInto(dir, async (tmp) => {
        summary = await ingestPaths(tmp, paths, {
          onProblem: (p) => process.stderr.write(`${p.line ? `${p.file}:${p.line}` : p.file}: ${p.reason}${p.detail ? ` (${p.detail})` : ''}\n`),
        });
        if (!summary.read) throw new UsageError('nothing could be read from the given files; the index was left as it was');
      });
      process.stdout.write(summaryText(summary!, (Date.now() - started) / 1000));
      process.stdout.write(`Rebuilt ${dir}: ${n} articles\n`);
      return;
    }
    let articles;
    try {
      articles = await readStoredArticles(dir);
    } catch (e) {
      if (e instanceof IncompatibleIndexError) {
        throw new FahrasError(`${e.message}`, 400, 'incompatible', `rebuild it from your source files: fahras reindex <files or folders> --index ${dir}`);
      }
      throw e;
    }
    const n = await rebuildInto(dir, async (tmp) => {
      for (let i = 0; i < articles.length; i += 1000) await tmp.put(articles.slice(i, i + 1000));
    });
    process.stdout.write(`Reindexed ${dir}: ${n} articles in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  });
}
