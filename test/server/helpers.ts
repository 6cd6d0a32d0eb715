/**
 * Test helpers: a real server (startServer) over a real index in a temp folder, called over HTTP;
 * raw requests over a socket for what fetch would normalize away (raw UTF-8 bytes, `..`).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { ArchiveStore } from '../../src/store/archive-store.ts';
import { startServer, type RunningServer, type StartOptions } from '../../src/server/start.ts';
import type { Article } from '../../src/types.ts';

export const KEY = 'test-key-0123456789';
export const quiet = () => pino({ level: 'silent' });

export interface TestServer extends RunningServer {
  dir: string;
  get(pathAndQuery: string, headers?: Record<string, string>): Promise<Response>;
  write(method: string, pathAndQuery: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  stop(): Promise<void>;
}

/** Seeds `articles` into a fresh index folder, then serves it. */
export async function serve(articles: Article[], opts: Partial<StartOptions> = {}): Promise<TestServer> {
  const dir = mkdtempSync(path.join(tmpdir(), 'fahras-server-'));
  if (articles.length) {
    const store = await ArchiveStore.open(dir);
    await store.put(articles);
    await store.close();
  }
  const running = await startServer({ indexDir: dir, port: 0, apiKeys: [KEY], logger: quiet(), rateLimit: false, ...opts });
  return {
    ...running,
    dir,
    get: (p, headers = {}) => fetch(running.url + p, { headers }),
    write: (method, p, body, headers = {}) =>
      fetch(running.url + p, {
        method,
        headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json', ...headers },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      }),
    async stop() {
      await running.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Sends a request line exactly as given (bytes, not a normalized URL) and reads the whole answer. */
export function rawGet(url: string, target: string | Buffer): Promise<RawResponse> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', reject);
    socket.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head = '', ...rest] = text.split('\r\n\r\n');
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers: Record<string, string> = {};
      for (const l of lines) {
        const i = l.indexOf(':');
        headers[l.slice(0, i).toLowerCase()] = l.slice(i + 1).trim();
      }
      let body = rest.join('\r\n\r\n');
      if (headers['transfer-encoding'] === 'chunked') body = unchunk(body);
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body });
    });
    socket.write(Buffer.concat([Buffer.from('GET '), Buffer.from(target), Buffer.from(' HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n')]));
  });
}

function unchunk(body: string): string {
  const out: Buffer[] = [];
  let rest = Buffer.from(body);
  for (;;) {
    const nl = rest.indexOf('\r\n');
    const size = parseInt(rest.subarray(0, nl).toString(), 16);
    if (!size) return Buffer.concat(out).toString('utf8');
    out.push(rest.subarray(nl + 2, nl + 2 + size));
    rest = rest.subarray(nl + 2 + size + 2);
  }
}
