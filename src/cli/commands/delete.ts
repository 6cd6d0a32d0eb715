/** `fahras delete <id>`: removes one article from the index. */
import type { Command } from 'commander';
import { NotFoundError } from '../../errors.ts';
import { addIndexOption } from '../options.ts';
import { resolveIndexDir } from '../paths.ts';
import { withStore } from '../store.ts';

export function registerDelete(program: Command): void {
  const cmd = program
    .command('delete')
    .description('remove one article (by id) from the index')
    .argument('<id>', 'the article id, as shown by `fahras search`')
    .addHelpText('after', `
Example:
  fahras delete sample-017`);
  addIndexOption(cmd).action(async (id: string, opts: { index?: string }) => {
    const { dir } = resolveIndexDir(opts.index);
    const existed = await withStore(dir, {}, (store) => store.delete(id));
    if (!existed) throw new NotFoundError(`No article with id "${id}" in ${dir}`);
    process.stdout.write(`Deleted ${id}\n`);
  });
}
