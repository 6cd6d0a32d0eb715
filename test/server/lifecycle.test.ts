/**
 * startServer: API keys from options, files and the environment; graceful shutdown (in-flight
 * requests finish, then the store closes); the CLI entry stops cleanly on SIGTERM.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { keysFromEnv } from '../../src/server/api-keys.ts';
import { appOptionsFromEnv } from '../../src/server/env-config.ts';
import { startServer } from '../../src/server/start.ts';
import { ArchiveStore } from '../../src/store/archive-store.ts';
import { pino } from 'pino';
import { quiet } from './helpers.ts';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const tempDir = (name: string) => mkdtempSync(path.join(tmpdir(), `fahras-${name}-`));

describe('API keys', () => {
  it('reads FAHRAS_API_KEYS (comma-separated) and FAHRAS_API_KEY_FILE (one per line, # comments)', () => {
    const dir = tempDir('keys');
    const file = path.join(dir, 'keys.txt');
    writeFileSync(file, '# editors\nkey-from-file\n\n  spaced-key  \r\n');
    expect(keysFromEnv({ FAHRAS_API_KEYS: ' a, b ,,a' })).toEqual(['a', 'b']);
    expect(keysFromEnv({ FAHRAS_API_KEYS: 'a', FAHRAS_API_KEY_FILE: file })).toEqual(['a', 'key-from-file', 'spaced-key']);
    expect(keysFromEnv({})).toEqual([]);
    expect(() => keysFromEnv({ FAHRAS_API_KEY_FILE: path.join(dir, 'missing') })).toThrow(/Cannot read the API key file .*missing/);
    rmSync(dir, { recursive: true, force: true });
  });

  it('startServer takes keys from keyFile', async () => {
    const dir = tempDir('keyfile');
    writeFileSync(path.join(dir, 'keys'), 'file-key\n');
    const s = await startServer({ indexDir: path.join(dir, 'index'), port: 0, keyFile: path.join(dir, 'keys'), logger: quiet(), rateLimit: false });
    try {
      const put = (key: string) =>
        fetch(`${s.url}/api/articles/k1`, { method: 'PUT', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: '{"title":"t","body":"b"}' });
      expect((await put('wrong')).status).toBe(401);
      expect((await put('file-key')).status).toBe(201);
    } finally {
      await s.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('settings from the environment', () => {
  it.each([
    [{}, {}],
    [{ FAHRAS_CORS_ORIGINS: 'https://a.example, https://b.example' }, { cors: ['https://a.example', 'https://b.example'] }],
    [{ FAHRAS_TRUST_PROXY: 'true' }, { trustProxy: true }],
    [{ FAHRAS_TRUST_PROXY: '2' }, { trustProxy: 2 }],
    [{ FAHRAS_TRUST_PROXY: 'loopback, 10.0.0.0/8' }, { trustProxy: 'loopback, 10.0.0.0/8' }],
    [{ FAHRAS_RATE_LIMIT_READ: '0' }, { rateLimit: { read: 0 } }],
    [{ FAHRAS_RATE_LIMIT_READ: '600', FAHRAS_RATE_LIMIT_WRITE: '10' }, { rateLimit: { read: 600, write: 10 } }],
    [{ FAHRAS_CACHE_ENTRIES: '0' }, { cache: false }],
    [{ FAHRAS_CACHE_ENTRIES: '500' }, { cache: { entries: 500 } }],
  ])('%j → %j', (env, expected) => {
    expect(appOptionsFromEnv(env)).toEqual(expected);
  });

  it('refuses a malformed number, naming the variable', () => {
    expect(() => appOptionsFromEnv({ FAHRAS_RATE_LIMIT_READ: 'lots' })).toThrow(/FAHRAS_RATE_LIMIT_READ must be a whole number/);
  });

  it('startServer applies them, and its own options win', async () => {
    const dir = tempDir('env');
    process.env.FAHRAS_CORS_ORIGINS = 'https://env.example';
    process.env.FAHRAS_RATE_LIMIT_READ = '1';
    try {
      const s = await startServer({ indexDir: dir, port: 0, apiKeys: [], logger: quiet(), rateLimit: { read: 100 } });
      try {
        const res = await fetch(`${s.url}/api/stats`, { headers: { origin: 'https://env.example' } });
        expect(res.headers.get('access-control-allow-origin')).toBe('https://env.example');
        expect((await fetch(`${s.url}/api/stats`)).status).toBe(200); // read limit 100 from options, not 1
      } finally {
        await s.close();
      }
    } finally {
      delete process.env.FAHRAS_CORS_ORIGINS;
      delete process.env.FAHRAS_RATE_LIMIT_READ;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('graceful shutdown', () => {
  it('finishes an in-flight write, refuses new connections, then closes the store', async () => {
    const dir = tempDir('shutdown');
    const s = await startServer({ indexDir: dir, port: 0, apiKeys: ['k'], logger: quiet(), rateLimit: false });
    const line = JSON.stringify({ id: 'inflight', title: 'طلب جار', body: 'كتب نصف هذا الطلب قبل الإغلاق ونصفه بعده' });
    const { port } = new URL(s.url);
    const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/api/articles/bulk', headers: { authorization: 'Bearer k', 'content-type': 'application/x-ndjson', 'content-length': Buffer.byteLength(line) } }, (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode!, body }));
      });
      req.on('error', reject);
      const bytes = Buffer.from(line);
      // Once the server has the request (half its body), start closing, then send the rest.
      s.server.once('request', () => {
        closing = s.close();
        setTimeout(() => req.end(bytes.subarray(20)), 100);
      });
      req.write(bytes.subarray(0, 20));
    });
    let closing: Promise<void> | undefined;
    const res = await response;
    expect(res.status).toBe(201);
    expect(JSON.parse(res.body).counts.added).toBe(1);
    await expect(fetch(`${s.url}/healthz`)).rejects.toThrow();
    await closing;
    const store = await ArchiveStore.open(dir, { readOnly: true });
    expect(store.engine.get('inflight')?.title).toBe('طلب جار');
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the CLI entry logs its URL, serves, and exits 0 on SIGTERM after closing the index', async () => {
    const dir = tempDir('cli');
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/start.ts', '--index', dir, '--port', '0'], {
      cwd: REPO,
      env: { ...process.env, FAHRAS_LOG_LEVEL: 'info', FAHRAS_API_KEYS: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stderr.on('data', (c) => (err += c));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (c) => {
        out += c;
        const m = /"url":"(http:[^"]+)"/.exec(out);
        if (m) resolve(m[1]!);
      });
      child.on('exit', (code) => reject(new Error(`server exited early (${code}): ${err}`)));
    });
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(out).toContain('Fahras stopped');
    expect(out).toContain('writes":"disabled (no API key)');
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('warm-up', () => {
  /** A logger whose info lines are collected. */
  function collecting() {
    const lines: string[] = [];
    return { lines, logger: pino({ level: 'info' }, { write: (s: string) => void lines.push(s) }) };
  }

  it('runs a few searches over the index before it is ready, and can be turned off', async () => {
    const dir = tempDir('warm');
    const store = await ArchiveStore.open(dir);
    await store.put(
      Array.from({ length: 30 }, (_, i) => ({ id: `w${i}`, title: `الحكومة تناقش الميزانية ${i}`, body: `ناقشت الحكومة الميزانية العامة والاقتصاد الوطني في جلستها رقم ${i}.` })),
    );
    await store.close();
    for (const warmUp of [true, false]) {
      const { lines, logger } = collecting();
      const s = await startServer({ indexDir: dir, port: 0, logger, rateLimit: false, warmUp });
      try {
        expect(lines.some((l) => l.includes('Warmed up'))).toBe(warmUp);
        const r = await (await fetch(`${s.url}/api/search?q=${encodeURIComponent('الحكومة')}`)).json();
        expect(r.total).toBe(30);
      } finally {
        await s.close();
      }
    }
    rmSync(dir, { recursive: true, force: true });
  });
});
