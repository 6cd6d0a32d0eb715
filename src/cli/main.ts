/**
 * The `fahras` command (run through bin/fahras.mjs, or `npm start` = `serve`).
 * See docs/CLI.md for every command with examples.
 */
import { Command, CommanderError } from 'commander';
import { registerAnalyze } from './commands/analyze.ts';
import { registerDelete } from './commands/delete.ts';
import { registerIngest } from './commands/ingest.ts';
import { registerReindex } from './commands/reindex.ts';
import { registerRun } from './commands/run.ts';
import { registerSearch } from './commands/search.ts';
import { registerServe } from './commands/serve.ts';
import { registerSnapshot } from './commands/snapshot.ts';
import { registerStats } from './commands/stats.ts';
import { reportError } from './errors.ts';

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

export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      // Commander already printed the message (or the help / version).
      return err.exitCode;
    }
    return reportError(err);
  }
}

const code = await main(process.argv);
if (code !== 0) process.exitCode = code;
