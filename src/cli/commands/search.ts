/**
 * `fahras search <query>`: human-readable results, or with --json exactly what
 * `GET /api/search` answers: the options go through the server's parseSearchParams.
 */
import type { Command } from 'commander';
import { parseSearchParams } from '../../server/params.ts';
import type { SearchResponse } from '../../types.ts';
import { htmlToTerminal } from '../html-to-terminal.ts';
import { addIndexOption, collect } from '../options.ts';
import { resolveIndexDir } from '../paths.ts';
import { withStore } from '../store.ts';

interface SearchOpts {
  index?: string;
  json?: boolean;
  author?: string[];
  column?: string[];
  source?: string[];
  category?: string[];
  tag?: string[];
  from?: string;
  to?: string;
  sort?: string;
  page?: string;
  size?: string;
  facets?: string;
  collapse: boolean;
}

/** The options as the query-string record the HTTP API would receive. */
export function toQueryRecord(q: string, o: SearchOpts): Record<string, unknown> {
  const rec: Record<string, unknown> = { q };
  for (const k of ['author', 'column', 'source', 'category', 'tag'] as const) if (o[k]?.length) rec[k] = o[k]!.length === 1 ? o[k]![0] : o[k];
  for (const k of ['from', 'to', 'sort', 'page', 'size', 'facets'] as const) if (o[k] !== undefined) rec[k] = o[k];
  if (o.collapse === false) rec.collapse = 'false';
  return rec;
}

function printHuman(res: SearchResponse, tty: boolean): void {
  const out: string[] = [];
  const first = (res.page - 1) * res.size + 1;
  if (!res.total) out.push(`No results for «${res.query}»${res.suggestion ? ` — did you mean «${res.suggestion}»?` : ''}`);
  else {
    out.push(`${res.total} result${res.total === 1 ? '' : 's'} for «${res.query}» (${res.took_ms} ms)` +
      (res.hits.length ? `, showing ${first}–${first + res.hits.length - 1}` : '') +
      (res.relaxed ? ' — no article has all the words; best partial matches' : ''));
  }
  res.hits.forEach((h, i) => {
    const meta = [h.source, h.column, h.author, h.date].filter(Boolean).join(' · ');
    out.push('', `${first + i}. ${htmlToTerminal(h.titleHtml ?? h.title, tty)}`);
    if (meta) out.push(`   ${meta}`);
    if (h.snippet) out.push(`   ${htmlToTerminal(h.snippet, tty)}`);
    out.push(`   id: ${h.id}${h.duplicates.length ? `   (also in ${h.duplicates.length} other paper${h.duplicates.length === 1 ? '' : 's'}: ${h.duplicates.map((d) => d.source ?? d.id).join('، ')})` : ''}`);
  });
  for (const [name, values] of Object.entries(res.facets)) {
    if (values?.length) out.push('', `${name}: ${values.slice(0, 10).map((v) => `${v.value} (${v.count})`).join('، ')}`);
  }
  process.stdout.write(out.join('\n') + '\n');
}

export function registerSearch(program: Command): void {
  const cmd = program
    .command('search')
    .description('search the index (same query language and JSON as the web API)')
    .argument('<query...>', 'the query: words, "a phrase", +must, -not, word*, a OR b, author:…, date:2023-12')
    .option('--json', 'print the same JSON as GET /api/search')
    .option('--author <name>', 'only this author (repeatable)', collect)
    .option('--column <name>', 'only this column (repeatable)', collect)
    .option('--source <name>', 'only this source/newspaper (repeatable)', collect)
    .option('--category <name>', 'only this category (repeatable)', collect)
    .option('--tag <tag>', 'only articles with this tag (repeatable)', collect)
    .option('--from <date>', 'from this date: YYYY, YYYY-MM or YYYY-MM-DD')
    .option('--to <date>', 'up to this date (inclusive)')
    .option('--sort <order>', 'relevance, newest or oldest')
    .option('--page <n>', 'result page, from 1')
    .option('--size <n>', 'results per page')
    .option('--facets <names>', 'comma-separated: author,column,source,category,tag,year,month')
    .option('--no-collapse', 'list syndicated copies separately')
    .addHelpText('after', `
Examples:
  fahras search "الشراكة المجتمعية"
  fahras search عمان --source "جريدة الوطن" --from 2020 --sort newest
  fahras search --json "COVID-19" --facets source,year`);
  addIndexOption(cmd).action(async (words: string[], opts: SearchOpts) => {
    const { dir } = resolveIndexDir(opts.index);
    const req = parseSearchParams(toQueryRecord(words.join(' '), opts));
    await withStore(dir, { readOnly: true }, (store) => {
      const res = store.engine.search(req);
      if (opts.json) process.stdout.write(JSON.stringify(res) + '\n');
      else printHuman(res, !!process.stdout.isTTY);
    });
  });
}
