/**
 * The `fahras` command (run through bin/fahras.mjs, or `npm start` = `serve`).
 * See docs/CLI.md for every command with examples.
 */
import { CommanderError } from 'commander';
import { reportError } from './errors.ts';
import { buildProgram } from './program.ts';

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
