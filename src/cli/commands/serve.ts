/**
 * `fahras serve`: the web UI and JSON API. When the index is the repository's default
 * `index-data/` and holds no index yet, it is first built from the bundled sample; when that
 * sample index is from a version this build cannot read, it is rebuilt (sample-index.ts).
 */
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { pino } from 'pino';
import { installShutdownSignals, startServer } from '../../server/start.ts';
import { hasStoreFiles, listStoreFiles } from '../../store/store-files.ts';
import { UsageError } from '../errors.ts';
import { addIndexOption, wholeNumber } from '../options.ts';
import { isRepoDefaultIndex, resolveIndexDir, SAMPLE_DIR } from '../paths.ts';
import { IncompatibleIndexError } from '../../store/recovery.ts';
import { FahrasError } from '../../errors.ts';
import { builtFromSample, rebuildFromSample, seedFromSample } from '../sample-index.ts';

export function hasIndex(dir: string): boolean {
  return existsSync(dir) && hasStoreFiles(listStoreFiles(dir));
}

export function registerServe(program: Command): void {
  const cmd = program
    .command('serve')
    .description('serve the search UI and API (default http://127.0.0.1:3000)')
    .option('--port <n>', 'port (default: $PORT, else 3000; 0 = any free port)')
    .option('--host <host>', 'address to listen on (0.0.0.0 for every interface)', '127.0.0.1')
    .option('--read-only', 'never write to the index (no lock: several servers can share a folder)')
    .option('--key-file <file>', 'file with API keys (one per line) that may add/delete articles over HTTP')
    .addHelpText('after', `
Examples:
  npm start                                  # the bundled sample archive on http://127.0.0.1:3000
  fahras serve --index ./my-index --port 8080
  PORT=8080 fahras serve --host 0.0.0.0`);
  addIndexOption(cmd).action(async (opts: { index?: string; port?: string; host: string; readOnly?: boolean; keyFile?: string }) => {
    const choice = resolveIndexDir(opts.index);
    const portText = opts.port ?? process.env.PORT ?? '3000';
    const port = wholeNumber(opts.port ? '--port' : 'PORT', 0, 65535)(portText);
    const sampleIndex = isRepoDefaultIndex(choice) && existsSync(SAMPLE_DIR);
    if (!hasIndex(choice.dir)) {
      if (!sampleIndex) throw new UsageError(`No index in ${choice.dir}`, `build one first: fahras ingest <files> --index ${choice.dir}`);
      process.stderr.write(`No index in ${choice.dir} yet: building it from the bundled sample archive (${SAMPLE_DIR})…\n`);
      await seedFromSample(choice.dir, SAMPLE_DIR);
    }
    const logger = pino({ level: process.env.FAHRAS_LOG_LEVEL ?? 'info' });
    const start = () => startServer({ indexDir: choice.dir, port, host: opts.host, readOnly: opts.readOnly, keyFile: opts.keyFile, logger });
    let server;
    try {
      server = await start();
    } catch (e) {
      if (!(e instanceof IncompatibleIndexError) || !sampleIndex) throw e;
      if (!builtFromSample(choice.dir) || opts.readOnly) {
        throw new FahrasError(e.message, 400, 'incompatible', `if ${choice.dir} holds only the bundled sample, rebuild it with: npx fahras reindex ${SAMPLE_DIR}; else from your own source files: npx fahras reindex <files or folders>`);
      }
      process.stderr.write(`The sample index in ${choice.dir} is from an older version (${e.message}): rebuilding it from the bundled sample archive…\n`);
      const backup = await rebuildFromSample(choice.dir, SAMPLE_DIR);
      process.stderr.write(`Rebuilt. The old index files were copied to ${backup}\n`);
      server = await start();
    }
    installShutdownSignals(server, logger);
    process.stdout.write(`Fahras is serving ${choice.dir} at ${server.url}  (Ctrl+C to stop)\n`);
  });
}
