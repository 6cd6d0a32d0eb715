/** The `fahras` commands and their options (commander), without running anything. */
import { Command } from 'commander';
import { registerAnalyze } from './commands/analyze.ts';
import { registerDelete } from './commands/delete.ts';
import { registerIngest } from './commands/ingest.ts';
import { registerReindex } from './commands/reindex.ts';
import { registerRun } from './commands/run.ts';
import { registerSearch } from './commands/search.ts';
import { registerServe } from './commands/serve.ts';
import { registerSnapshot } from './commands/snapshot.ts';
import { registerStats } from './commands/stats.ts';

export function buildProgram(): Command {
  const program = new Command('fahras')
    .description('Fahras (فهرس): full-text search for Arabic news archives')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  for (const register of [registerIngest, registerServe, registerSearch, registerRun, registerAnalyze, registerStats, registerSnapshot, registerReindex, registerDelete]) {
    register(program);
  }
  program.commands.forEach((c) => c.exitOverride());
  program.addHelpText('after', '\nIndex folder: --index DIR, else $FAHRAS_INDEX, else ./index-data. Details: docs/CLI.md');
  return program;
}

