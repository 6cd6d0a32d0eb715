/**
 * Starts the HTTP server over an index folder: listen first (so /healthz answers and /readyz says
 * 503 while a large index loads), open the store, warm it up (a few searches, so the first readers
 * do not wait for the JIT), then resolve. `close()` shuts down gracefully:
 * stop accepting, let in-flight requests finish (force-close after `graceMs`), close the store,
 * flush the log. `installShutdownSignals` wires close() to SIGTERM/SIGINT for the CLI.
 *
 * Run directly: `tsx src/server/start.ts --index <dir> [--port 8080] [--host 127.0.0.1] [--read-only]
 * [--key-file f] [--rate-limit-read n] [--rate-limit-write n] [--cache-entries n]` (0 = off); the
 * `fahras serve` command does the same.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { pino, type Logger } from 'pino';
import { ArchiveStore } from '../store/archive-store.ts';
import { SearchEngine } from '../search/engine.ts';
import { warmUp } from '../search/warm-up.ts';
import { cleanKeys, keysFromEnv, readKeyFile } from './api-keys.ts';
import { createApp, type AppOptions } from './app.ts';
import { answerClientErrors } from './client-errors.ts';
import { appOptionsFromEnv } from './env-config.ts';

export interface StartOptions extends Omit<AppOptions, 'store' | 'apiKeys' | 'logger'> {
  indexDir: string;
  /** Default 8080; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1 (set 0.0.0.0 to serve the LAN). */
  host?: string;
  /** Keys accepted for writes. When neither this nor keyFile is given: FAHRAS_API_KEYS / FAHRAS_API_KEY_FILE. */
  apiKeys?: string[];
  /** File with one key per line. */
  keyFile?: string;
  logger?: Logger;
  /** Open the index read-only (no writes, no lock): several servers may share one folder. */
  readOnly?: boolean;
  /** How long close() waits for in-flight requests before cutting connections (default 10 s). */
  graceMs?: number;
  /** Run a few searches after the load, before /readyz says ready (search/warm-up.ts; default true). */
  warmUp?: boolean;
}

export interface RunningServer {
  url: string;
  server: http.Server;
  store: ArchiveStore;
  close(): Promise<void>;
}

function apiKeysFor(opts: StartOptions): string[] {
  if (opts.apiKeys === undefined && opts.keyFile === undefined) return keysFromEnv();
  return cleanKeys([...(opts.apiKeys ?? []), ...(opts.keyFile ? readKeyFile(opts.keyFile) : [])]);
}

/** Drops keys whose value is undefined, so they do not hide settings from the environment. */
function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function listen(server: http.Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) => {
      const hint = err.code === 'EADDRINUSE' ? ` Port ${port} is in use: pick another with --port (0 = any free port).` : '';
      reject(new Error(`Cannot listen on ${host}:${port}: ${err.message}.${hint}`));
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
}

export async function startServer(opts: StartOptions): Promise<RunningServer> {
  const logger = opts.logger ?? pino({ level: process.env.FAHRAS_LOG_LEVEL ?? 'info' });
  const apiKeys = apiKeysFor(opts);
  const host = opts.host ?? '127.0.0.1';
  const { indexDir, port = 8080, keyFile: _k, readOnly, graceMs = 10_000, warmUp: warm = true, ...appOpts } = opts;

  const opening = ArchiveStore.open(indexDir, {
    readOnly,
    logger: { info: (m) => logger.info(m), warn: (m) => logger.warn(m) },
  }).then(async (store) => {
    if (warm && store.engine instanceof SearchEngine && store.engine.size > 0) {
      const ms = await warmUp(store.engine);
      logger.info({ ms: Math.round(ms) }, 'Warmed up (first searches run before ready)');
    }
    return store;
  });
  opening.catch(() => {}); // awaited below; avoid an unhandled rejection while listening
  const app = createApp({ ...appOptionsFromEnv(), ...definedOnly(appOpts), store: opening, apiKeys, logger });
  const server = http.createServer(app);
  answerClientErrors(server);
  server.keepAliveTimeout = 5_000;
  server.requestTimeout = 30_000;

  await listen(server, port, host);
  let store: ArchiveStore;
  try {
    store = await opening;
  } catch (err) {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    throw err;
  }
  const addr = server.address() as AddressInfo;
  const shownHost = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  const url = `http://${shownHost}:${addr.port}`;
  logger.info({ url, articles: store.engine.size, writes: apiKeys.length ? 'enabled' : 'disabled (no API key)' }, 'Fahras is serving');

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> =>
    (closing ??= (async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Idle keep-alive sockets go now; busy ones as soon as their response is done.
      const sweep = setInterval(() => server.closeIdleConnections(), 100);
      const force = setTimeout(() => server.closeAllConnections(), graceMs);
      server.closeIdleConnections();
      await closed;
      clearInterval(sweep);
      clearTimeout(force);
      await store.close();
      logger.info('Fahras stopped');
      logger.flush();
    })());

  return { url, server, store, close };
}

/** SIGTERM/SIGINT → graceful close, then exit; a second signal exits at once. */
export function installShutdownSignals(running: Pick<RunningServer, 'close'>, logger: Logger): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn(`${signal} again: exiting without waiting`);
      process.exit(1);
    }
    stopping = true;
    logger.info(`${signal}: finishing in-flight requests, then closing the index`);
    running.close().then(
      () => process.exit(0),
      (err) => {
        logger.error({ err }, 'shutdown failed');
        logger.flush();
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}

/** A whole number ≥ 0 from a flag, or undefined when absent. */
function count(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n)) throw new Error(`--${name} must be a whole number ≥ 0, got "${value}"`);
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      index: { type: 'string', default: 'index-data/sample' },
      port: { type: 'string', default: process.env.PORT ?? '8080' },
      host: { type: 'string', default: process.env.HOST ?? '127.0.0.1' },
      'key-file': { type: 'string' },
      'read-only': { type: 'boolean', default: false },
      /** Reads / writes per client per minute; 0 turns limiting off. */
      'rate-limit-read': { type: 'string' },
      'rate-limit-write': { type: 'string' },
      /** Entries of the response cache; 0 turns it off. */
      'cache-entries': { type: 'string' },
    },
  });
  const logger = pino({ level: process.env.FAHRAS_LOG_LEVEL ?? 'info' });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0–65535, got "${values.port}"`);
  const read = count('rate-limit-read', values['rate-limit-read']);
  const write = count('rate-limit-write', values['rate-limit-write']);
  const entries = count('cache-entries', values['cache-entries']);
  const running = await startServer({
    indexDir: values.index!,
    port,
    host: values.host!,
    keyFile: values['key-file'],
    readOnly: values['read-only'],
    logger,
    rateLimit: read === undefined && write === undefined ? undefined : { ...(read !== undefined ? { read } : {}), ...(write !== undefined ? { write } : {}) },
    cache: entries === undefined ? undefined : entries === 0 ? false : { entries },
  });
  installShutdownSignals(running, logger);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: Error) => {
    console.error(`fahras server: ${err.message}`);
    process.exit(1);
  });
}
