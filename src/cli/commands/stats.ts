/** `fahras stats`: what is in the index. */
import type { Command } from 'commander';
import { addIndexOption } from '../options.ts';
import { resolveIndexDir } from '../paths.ts';
import { withStore } from '../store.ts';

export function registerStats(program: Command): void {
  const cmd = program
    .command('stats')
    .description('count articles, terms, authors, sources and syndicated-copy groups in the index')
    .option('--json', 'print the figures as JSON')
    .addHelpText('after', `
Example:
  fahras stats --index ./my-index`);
  addIndexOption(cmd).action(async (opts: { index?: string; json?: boolean }) => {
    const { dir } = resolveIndexDir(opts.index);
    await withStore(dir, { readOnly: true }, (store) => {
      const s = store.engine.stats();
      const st = store.status();
      if (opts.json) {
        process.stdout.write(JSON.stringify({ index: dir, ...s, store: st }) + '\n');
        return;
      }
      const lines = [
        `Index: ${dir}`,
        `  articles:          ${s.articles}`,
        `  distinct terms:    ${s.terms}`,
        `  authors:           ${s.authors}`,
        `  sources:           ${s.sources}`,
        `  duplicate groups:  ${s.duplicateGroups}`,
        `  dates:             ${s.dateRange ? `${s.dateRange.from} … ${s.dateRange.to}` : '(none)'}`,
        `  log since snapshot: ${st.recordsSinceSnapshot} records, ${(st.logBytes / 1e6).toFixed(1)} MB`,
        `  loaded in:         ${(st.load.snapshotMs + st.load.replayMs).toFixed(0)} ms`,
      ];
      const top = store.engine.authors().slice(0, 5);
      if (top.length) lines.push(`  top authors:       ${top.map((a) => `${a.value} (${a.count})`).join('، ')}`);
      process.stdout.write(lines.join('\n') + '\n');
    });
  });
}
