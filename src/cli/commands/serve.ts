/**
 * `fahras serve`: the web UI and JSON API. When the index is the repository's default
 * `index-data/` and holds no index yet, it is first built from the bundled sample.
 */
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { pino } from 'pino';
import { installShutdownSignals, startServer } from '../../server/start.ts';
import { hasStoreFiles, listStoreFiles } from '../../store/store-files.ts';
import { UsageError } from '../errors.ts';
import { addIndexOption, wholeNumber } from '../options.ts';
import { isRepoDefaultIndex, resolveIndexDir, SAMPLE_DIR } from '../paths.ts';
import { ingestInto } from './ingest.ts';

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
    if (!hasIndex(choice.dir)) {
      if (isRepoDefaultIndex(choice) && existsSync(SAMPLE_DIR)) {
        process.stderr.write(`No index in ${choice.dir} yet: building it from the bundled sample archive (${SAMPLE_DIR})…\n`);
        const s = await ingestInto(choice.dir, [SAMPLE_DIR], { progress: false, maxProblems: 20 });
        if (!s.read) throw new UsageError(`the bundled sample in ${SAMPLE_DIR} could not be read`);
      } else {
        throw new UsageError(`No index in ${choice.dir}`, `build one first: fahras ingest <files> --index ${choice.dir}`);
      }
    }
    const logger = pino({ level: process.env.FAHRAS_LOG_LEVEL ?? 'info' });
    const server = await startServer({ indexDir: choice.dir, port, host: opts.host, readOnly: opts.readOnly, keyFile: opts.keyFile, logger });
    installShutdownSignals(server, logger);
    process.stdout.write(`Fahras is serving ${choice.dir} at ${server.url}  (Ctrl+C to stop)\n`);
  });
}
