/** `fahras snapshot <dest>`: writes a consistent copy of the index into a new folder. */
import type { Command } from 'commander';
import { addIndexOption } from '../options.ts';
import { resolveIndexDir } from '../paths.ts';
import { withStore } from '../store.ts';

export function registerSnapshot(program: Command): void {
  const cmd = program
    .command('snapshot')
    .description('write a copy of the index into an empty folder (works while `fahras serve` runs)')
    .argument('<dest>', 'the backup folder (created; must not already hold an index)')
    .addHelpText('after', `
Example:
  fahras snapshot backups/2025-01-31
  fahras serve --index backups/2025-01-31   # serves the copy`);
  addIndexOption(cmd).action(async (dest: string, opts: { index?: string }) => {
    const { dir } = resolveIndexDir(opts.index);
    const written = await withStore(dir, { readOnly: true }, (store) => store.snapshot(dest));
    process.stdout.write(`Snapshot written to ${written}\n`);
  });
}
