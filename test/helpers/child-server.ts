/**
 * Spawns the real server as a child process (test/helpers/server-main.ts, or the `fahras serve` CLI)
 * and tracks every child so `killAllChildren()` in an afterEach/afterAll can clean up even when a
 * test failed half-way. Loopback only.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SERVER_MAIN = path.join(ROOT, 'test/helpers/server-main.ts');
const CLI = path.join(ROOT, 'bin/fahras.mjs');
export const KEY = 'reliability-key-0123456789';

export interface ChildServer {
  url: string;
  pid: number;
  child: ChildProcess;
  /** Everything the child wrote to stderr so far (warnings, errors). */
  stderr(): string;
  /** Everything the child wrote to stdout so far (the CLI logs there). */
  stdout(): string;
  /** SIGKILL, resolves once the process is gone. */
  kill(): Promise<void>;
  /** Full GC in the child (needs nodeArgs ['--expose-gc'] and server-main), then settle. */
  gc(): Promise<void>;
  /** SIGTERM (graceful close), resolves with the exit code. */
  stop(): Promise<number | null>;
}

const live = new Set<ChildProcess>();

export interface SpawnOptions {
  /** Use `node bin/fahras.mjs serve --index DIR --port 0` instead of the test entry point. */
  cli?: boolean;
  env?: Record<string, string>;
  /** Extra node flags, e.g. ['--expose-gc'] (then SIGUSR2 makes server-main run a full GC). */
  nodeArgs?: string[];
  /** Runs `[...prefix, node, ...args]` instead, e.g. inside `unshare -m` (the prefix must exec node). */
  prefix?: string[];
  /** ms to wait for the server to say it is serving (default 60 s: a 2-core machine under load). */
  timeoutMs?: number;
}

export class StartFailed extends Error {
  constructor(readonly code: number | null, readonly stderr: string) {
    super(`server exited with ${code} before serving: ${stderr.trim().slice(-2000)}`);
  }
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/** Starts a server over `indexDir`; rejects with StartFailed (exit code + stderr) when it does not start. */
export function spawnServer(indexDir: string, opts: SpawnOptions = {}): Promise<ChildServer> {
  const args = opts.cli
    ? [CLI, 'serve', '--index', indexDir, '--port', '0', '--host', '127.0.0.1']
    : [...(opts.nodeArgs ?? []), '--import', 'tsx', SERVER_MAIN, indexDir];
  const [cmd, ...cmdArgs] = opts.prefix?.length ? [...opts.prefix, process.execPath, ...args] : [process.execPath, ...args];
  const child = spawn(cmd!, cmdArgs, {
    cwd: ROOT,
    env: { ...process.env, FAHRAS_API_KEYS: KEY, FAHRAS_LOG_LEVEL: 'warn', ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(child);
  child.once('exit', () => live.delete(child));
  let out = '';
  let err = '';
  child.stderr!.on('data', (d) => (err += d));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start within ${opts.timeoutMs ?? 60_000} ms; stderr: ${err.slice(-2000)}`));
    }, opts.timeoutMs ?? 60_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new StartFailed(code, err + out));
    });
    child.stdout!.on('data', (d) => {
      out += d;
      // server-main prints `FAHRAS_URL <url>`; the CLI prints `Fahras is serving <dir> at <url>`.
      const m = out.match(/FAHRAS_URL (\S+)\n/) ?? out.match(/ at (http:\/\/127\.0\.0\.1:\d+)/);
      if (!m) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      child.once('exit', () => live.delete(child));
      resolve({
        url: m[1]!,
        pid: child.pid!,
        child,
        stderr: () => err,
        stdout: () => out,
        async kill() {
          const gone = exited(child);
          child.kill('SIGKILL');
          await gone;
        },
        async gc() {
          for (let i = 0; i < 3; i++) {
            child.kill('SIGUSR2');
            await new Promise((r) => setTimeout(r, 300));
          }
        },
        async stop() {
          const gone = exited(child);
          child.kill('SIGTERM');
          return gone;
        },
      });
    });
  });
}

/** SIGKILLs every child still running (call from afterEach/afterAll). */
export async function killAllChildren(): Promise<void> {
  await Promise.all(
    [...live].map((c) => {
      const gone = exited(c);
      c.kill('SIGKILL');
      return gone;
    }),
  );
}

/** Resident set size and peak of a process in KiB, from /proc/<pid>/status (Linux). */
export function rssKiB(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string) => Number(status.match(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm'))?.[1] ?? NaN);
  return { rss: field('VmRSS'), peak: field('VmHWM') };
}

export const authHeaders = (contentType = 'application/json') => ({ authorization: `Bearer ${KEY}`, 'content-type': contentType });
