/**
 * The `fahras` command run as a real child process (node bin/fahras.mjs …) against temporary index
 * folders built from test/fixtures (written for this project).
 */
import { execFile, spawn } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseSearchParams } from '../../src/server/params.ts';
import { ArchiveStore } from '../../src/store/archive-store.ts';
import { buildProgram } from '../../src/cli/program.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FIX = path.join(ROOT, 'test/fixtures/ingest');
const BIN = path.join(ROOT, 'bin/fahras.mjs');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function fahras(args: string[], env: Record<string, string> = {}, stdin?: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, FAHRAS_INDEX: '', ...env }, maxBuffer: 20e6 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
    if (stdin !== undefined) child.stdin!.end(stdin);
    else child.stdin!.end();
  });
}

/** Each spawn starts tsx (3–15 s on a loaded machine); tests that spawn several need room. */
const SPAWN_TIMEOUT = 240_000;

const noStack = (s: string) => expect(s).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);

let work: string;
let index: string;
let firstIngest: Run;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'fahras-cli-'));
  index = path.join(work, 'index');
  // The fixtures, one of them gzipped, in a nested folder.
  const input = path.join(work, 'input');
  await mkdir(path.join(input, 'nested'), { recursive: true });
  for (const f of await readdir(FIX)) {
    if (f === 'mixed-bad.jsonl') await writeFile(path.join(input, 'nested', `${f}.gz`), gzipSync(await readFile(path.join(FIX, f))));
    else await copyFile(path.join(FIX, f), path.join(input, f));
  }
  firstIngest = await fahras(['ingest', input, '--index', index, '--json']);
}, SPAWN_TIMEOUT);

describe('fahras ingest', { timeout: SPAWN_TIMEOUT }, () => {
  it('reads every format (gz too), reports each bad record with file and line, and sums up', () => {
    expect(firstIngest.code).toBe(0);
    const s = JSON.parse(firstIngest.stdout);
    // 3 (array) -1, csv 3, page 2, html 2, jsonl 4, two-pages 3
    expect(s).toMatchObject({ files: 7, read: 16, added: 16, updated: 0, unchanged: 0, duplicates: 0 });
    expect(s.skipped).toEqual({ 'missing body': 3, 'invalid JSON': 1, 'not an object': 1, 'invalid CSV row': 1 });
    expect(s.warnings).toEqual({ 'unparseable date': 3 });
    const gz = path.join('nested', 'mixed-bad.jsonl.gz');
    for (const line of [3, 4, 7]) expect(firstIngest.stderr).toContain(`${gz}:${line}: skipped:`);
    expect(firstIngest.stderr).toContain('articles.csv:5: skipped: invalid CSV row');
    noStack(firstIngest.stderr);
  });

  it('ingesting the same files again adds nothing', async () => {
    const again = await fahras(['ingest', path.join(work, 'input'), '--index', index, '--json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ read: 16, added: 0, updated: 0, unchanged: 16, duplicates: 0 });
  });

  it('reports a copy of a stored text under another id as a duplicate', async () => {
    const f = path.join(work, 'copy.jsonl');
    const original = (await readFile(path.join(FIX, 'mixed-bad.jsonl'), 'utf8')).split('\n')[0]!;
    await writeFile(f, JSON.stringify({ ...JSON.parse(original), id: 'copy-of-j-1' }) + '\n');
    const r = await fahras(['ingest', f, '--index', index, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ read: 1, added: 0, duplicates: 1 });
    expect(r.stderr).toContain('copy-of-j-1 has the same text as j-1');
  });

  it('reads standard input with -', async () => {
    const csv = await readFile(path.join(FIX, 'articles.csv'), 'utf8');
    const r = await fahras(['ingest', '-', '--format', 'csv', '--index', path.join(work, 'stdin-index'), '--json'], {}, csv);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ read: 3, added: 3 });
    expect(r.stderr).toContain('-:5: skipped: invalid CSV row');
  });

  it('--dry-run reads and reports without creating an index', async () => {
    const dir = path.join(work, 'dry');
    const r = await fahras(['ingest', path.join(work, 'input'), '--index', dir, '--dry-run', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ dryRun: true, read: 16, added: 0, skipped: { 'invalid JSON': 1 } });
    expect(existsSync(dir)).toBe(false);
  });

  it('exits 1 with a plain message when nothing could be read', async () => {
    const r = await fahras(['ingest', path.join(work, 'no-such-file.jsonl'), '--index', path.join(work, 'other')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no-such-file.jsonl: skipped: missing file (no such file or folder)');
    expect(r.stdout).toContain('Read 0 articles');
    noStack(r.stderr);
  });

  it('rejects a malformed --map in plain language', async () => {
    const r = await fahras(['ingest', FIX, '--index', path.join(work, 'other2'), '--map', 'title']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--map: "title" is not old=new');
    noStack(r.stderr);
  });
});

describe('fahras analyze', { timeout: SPAWN_TIMEOUT }, () => {
  it('--json prints {"tokens": [...]} and nothing else', async () => {
    const text = 'والمسؤولون في عُمان 2023';
    const r = await fahras(['analyze', '--json', text]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['tokens']);
    expect(out.tokens).toHaveLength(4);
    for (const t of out.tokens) {
      expect(Object.keys(t)).toEqual(expect.arrayContaining(['text', 'start', 'end', 'term', 'exact']));
      expect(text.slice(t.start, t.end)).toBe(t.text);
    }
    expect(out.tokens[2]).toMatchObject({ text: 'عُمان', exact: 'عمان' });
  });
});

describe('fahras search, stats, delete, snapshot, reindex, run', { timeout: SPAWN_TIMEOUT }, () => {
  it('search --json prints what GET /api/search answers', async () => {
    const r = await fahras(['search', '--json', 'المهرجان', '--index', index, '--facets', 'source,year', '--size', '5']);
    expect(r.code).toBe(0);
    const got = JSON.parse(r.stdout);
    const store = await ArchiveStore.open(index, { readOnly: true });
    const want = store.engine.search(parseSearchParams({ q: 'المهرجان', facets: 'source,year', size: '5' }));
    await store.close();
    expect({ ...got, took_ms: 0 }).toEqual({ ...JSON.parse(JSON.stringify(want)), took_ms: 0 });
    expect(got.total).toBeGreaterThan(0);
  });

  it('search prints readable results and explains bad options', async () => {
    const r = await fahras(['search', 'المهرجان', '--index', index]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/results? for «المهرجان»/);
    expect(r.stdout).toContain('id: ');
    const bad = await fahras(['search', 'x', '--index', index, '--sort', 'sideways']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('sort');
    noStack(bad.stderr);
  });

  it('stats --json counts the articles', async () => {
    const r = await fahras(['stats', '--json', '--index', index]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ articles: 16 });
  });

  it('delete removes an article and says so; an unknown id is a plain error', async () => {
    const d = await fahras(['delete', 'csv-1', '--index', index]);
    expect(d).toMatchObject({ code: 0, stdout: 'Deleted csv-1\n' });
    const again = await fahras(['delete', 'csv-1', '--index', index]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('No article with id "csv-1"');
    noStack(again.stderr);
    const s = await fahras(['stats', '--json', '--index', index]);
    expect(JSON.parse(s.stdout).articles).toBe(15);
  });

  it('snapshot writes a copy that can be opened', async () => {
    const dest = path.join(work, 'backup');
    const r = await fahras(['snapshot', dest, '--index', index]);
    expect(r.code).toBe(0);
    const s = await fahras(['stats', '--json', '--index', dest]);
    expect(JSON.parse(s.stdout).articles).toBe(15);
    const twice = await fahras(['snapshot', dest, '--index', index]);
    expect(twice.code).toBe(1);
    noStack(twice.stderr);
  });

  it('reindex rebuilds from the stored articles and keeps them all', async () => {
    const r = await fahras(['reindex', '--index', index]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('15 articles');
    const files = (await readdir(index)).filter((f) => /^(snapshot|wal)-/.test(f));
    expect(files.filter((f) => f.startsWith('snapshot-'))).toHaveLength(1);
    const s = await fahras(['search', '--json', 'قطار', '--index', index]);
    expect(JSON.parse(s.stdout).hits[0].title).toBe('قطار الضواحي يبدأ رحلاته التجريبية');
  });

  it('reindex <files> rebuilds a folder from source files, replacing what was there', async () => {
    const dir = path.join(work, 'rebuilt');
    const first = await fahras(['ingest', path.join(FIX, 'array.json'), '--index', dir, '--json']);
    expect(JSON.parse(first.stdout).read).toBe(2);
    const r = await fahras(['reindex', path.join(FIX, 'column-page.txt'), '--index', dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Rebuilt');
    const s = await fahras(['stats', '--json', '--index', dir]);
    expect(JSON.parse(s.stdout).articles).toBe(2); // the column and its read-also item, not the array
    expect((await readdir(dir)).filter((f) => f.startsWith('.reindex'))).toEqual([]);
  });

  it('run prints a TREC run for a queries file', async () => {
    const q = path.join(work, 'queries.jsonl');
    await writeFile(q, ['{"id": "q1", "text": "قطار الضواحي"}', '{"id": "q2", "text": "مهرجان"}'].join('\n'));
    const r = await fahras(['run', '--queries', q, '--top', '3', '--index', index]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const l of lines) expect(l).toMatch(/^q[12] Q0 \S+ [1-3] -?\d+\.\d+ fahras$/);
    expect(lines[0]).toMatch(/^q1 Q0 u-[0-9a-f]{16} 1 /);
  });

  it('a missing index is a plain error, not a stack trace', async () => {
    const r = await fahras(['search', 'x', '--index', path.join(work, 'nothing-here')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('No index');
    noStack(r.stderr);
  });

  it('every command has --help', async () => {
    const names = buildProgram().commands.map((c) => c.name());
    expect(names.sort()).toEqual(['analyze', 'delete', 'ingest', 'reindex', 'run', 'search', 'serve', 'snapshot', 'stats']);
    for (const c of buildProgram().commands) {
      expect(c.helpInformation(), c.name()).toContain(`Usage: fahras ${c.name()}`);
      expect(c.description().length, c.name()).toBeGreaterThan(10);
    }
    // One real run of the top-level help and one command's help, with its examples.
    const top = await fahras(['--help']);
    expect(top.code).toBe(0);
    for (const n of names) expect(top.stdout).toContain(n);
    const ingest = await fahras(['ingest', '--help']);
    expect(ingest.code).toBe(0);
    expect(ingest.stdout).toContain('Examples:');
  });
});

describe('fahras serve', { timeout: SPAWN_TIMEOUT }, () => {
  it('serves the index over HTTP on the given port and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, [BIN, 'serve', '--index', index, '--port', '0'], { cwd: ROOT, env: { ...process.env, FAHRAS_LOG_LEVEL: 'warn' } });
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d) => {
        out += d;
        const m = /at (http:\/\/\S+)/.exec(out);
        if (m) resolve(m[1]!);
      });
      child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${out}`)));
    });
    const res = await fetch(`${url}/api/search?q=${encodeURIComponent('قطار')}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { total: number };
    expect(body.total).toBeGreaterThan(0);
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(existsSync(path.join(index, 'LOCK'))).toBe(false);
  });
});
