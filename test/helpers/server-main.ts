/**
 * A server child process for reliability tests: `node --import tsx test/helpers/server-main.ts <indexDir>`.
 * Calls the real startServer on 127.0.0.1, port 0, with the keys in FAHRAS_API_KEYS, rate limits off
 * (the load and crash tests send thousands of requests from one address), logs at warn to stderr;
 * FAHRAS_READ_ONLY=1 opens the index read-only.
 * Prints `FAHRAS_URL <url>` on stdout once serving; on a failed start prints `FAHRAS_START_FAILED <message>`
 * on stderr and exits 1. SIGTERM closes gracefully.
 */
import { pino } from 'pino';
import { startServer } from '../../src/server/start.ts';

const indexDir = process.argv[2];
if (!indexDir) {
  process.stderr.write('usage: server-main.ts <indexDir>\n');
  process.exit(2);
}
// Test-only: with --expose-gc, SIGUSR2 runs a full GC so memory can be read from /proc after it
// (the product has no debug endpoint; this lives in the test entry point only).
const gc = (globalThis as { gc?: () => void }).gc;
if (gc) process.on('SIGUSR2', () => gc());

const logger = pino({ level: process.env.FAHRAS_LOG_LEVEL ?? 'warn' }, pino.destination(2));
try {
  const running = await startServer({ indexDir, port: 0, host: '127.0.0.1', logger, rateLimit: false, readOnly: process.env.FAHRAS_READ_ONLY === '1' });
  process.stdout.write(`FAHRAS_URL ${running.url}\n`);
  process.on('SIGTERM', () => {
    running.close().then(() => process.exit(0), () => process.exit(1));
  });
} catch (err) {
  process.stderr.write(`FAHRAS_START_FAILED ${(err as Error).message}${(err as { hint?: string }).hint ? ` (${(err as { hint?: string }).hint})` : ''}\n`);
  process.exit(1);
}
