/**
 * The fuzz properties, registered by test/reliability/fuzz.test.ts (bounded) and
 * test/stress/fuzz.test.ts (long) with their case counts. Seeds are printed by fast-check on a
 * failure; replay with FAHRAS_FUZZ_SEED=<seed>.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, analyzeWord, normalizeTerm } from '../../src/analysis/analyzer.ts';
import { checkArticle } from '../../src/search/article-check.ts';
import { createEngine } from '../../src/search/engine.ts';
import { dateFields, parseDate } from '../../src/ingest/dates.ts';
import { parseHtmlArticle } from '../../src/ingest/html-page.ts';
import { readJsonl } from '../../src/ingest/json-readers.ts';
import { recordToArticle } from '../../src/ingest/record.ts';
import { parsePage, splitPages } from '../../src/ingest/scraped-page.ts';
import { parseQuery } from '../../src/query/parse.ts';
import type { Article } from '../../src/types.ts';
import { makeArticle } from './articles.ts';
import { clearErrorOr, isCalendarDate, QueryError, recordArb, searchOrClearError, textArb, timed, ValidationError } from './fuzz.ts';
import { rmDir, tempDir } from './index-images.ts';

export interface FuzzCounts {
  /** parser, analyzer, dates, records */
  cheap: number;
  /** scraped pages (up to 40 lines each: ~2 ms a case) */
  scraped: number;
  html: number;
  /** full searches through a small engine */
  search: number;
  /** JSONL files written and read back (each holds up to 30 lines) */
  jsonlFiles: number;
}

/** Cases actually run, per target (for docs/design/reliability.md). */
export const casesRun: Record<string, number> = {};

/** `endOnFailure` for the targets whose failures are slow cases: shrinking would re-run them many times. */
function params(numRuns: number, endOnFailure = false): fc.Parameters<unknown> {
  const seed = process.env.FAHRAS_FUZZ_SEED ? Number(process.env.FAHRAS_FUZZ_SEED) : undefined;
  return { numRuns, endOnFailure, ...(seed !== undefined ? { seed } : {}) };
}

function count(target: string): void {
  casesRun[target] = (casesRun[target] ?? 0) + 1;
}

function checkArticleShape(a: Article, where: string): void {
  if (typeof a.id !== 'string' || !a.id.trim()) throw new Error(`${where}: article without an id: ${JSON.stringify(a).slice(0, 300)}`);
  if (typeof a.body !== 'string' || !a.body.trim()) throw new Error(`${where}: article without a body`);
  if (typeof a.title !== 'string') throw new Error(`${where}: title is not a string`);
  if (a.date !== undefined && !isCalendarDate(a.date)) throw new Error(`${where}: date "${a.date}" is not a calendar date`);
  // What a reader produces must be storable: the store's own rules accept it (or say clearly why not).
  clearErrorOr(() => checkArticle(a), [ValidationError]);
}

export function registerFuzzTests(n: FuzzCounts, timeoutMs: number): void {
  describe(`fuzz (${n.cheap} cases per cheap target, ${n.scraped} scraped pages, ${n.html} HTML, ${n.search} searches, ${n.jsonlFiles} JSONL files)`, () => {
    it('parseQuery: a well-formed tree or a QueryError with a position inside the query', () => {
      fc.assert(
        fc.property(textArb(), (s) => {
          count('parseQuery');
          const r = timed('parseQuery', s, () => clearErrorOr(() => parseQuery(s), [QueryError]));
          if (r instanceof QueryError) {
            expect(r.position).toBeGreaterThanOrEqual(0);
            expect(r.position).toBeLessThanOrEqual(s.length);
          } else {
            expect((r as ReturnType<typeof parseQuery>).root.kind).toBe('group');
          }
        }),
        params(n.cheap, true),
      );
    }, timeoutMs);

    it('analyze / analyzeWord / normalizeTerm: never throw; every token is the original substring at its offsets', () => {
      fc.assert(
        fc.property(textArb(), (s) => {
          count('analyze');
          const tokens = timed('analyze', s, () => analyze(s));
          let prevEnd = 0;
          let prevPos = -1;
          for (const t of tokens) {
            if (t.text !== s.slice(t.start, t.end) || t.start < prevEnd || t.end <= t.start || t.position <= prevPos) {
              throw new Error(`bad token ${JSON.stringify(t)} in ${JSON.stringify(s.slice(0, 200))}`);
            }
            if (typeof t.term !== 'string' || typeof t.exact !== 'string') throw new Error(`token without term/exact: ${JSON.stringify(t)}`);
            prevEnd = t.end;
            prevPos = t.position;
          }
          const word = s.slice(0, 60);
          timed('analyzeWord', word, () => analyzeWord(word));
          expect(typeof timed('normalizeTerm', word, () => normalizeTerm(word))).toBe('string');
        }),
        params(n.cheap, true),
      );
    }, timeoutMs);

    it('dates: parseDate gives undefined or a real calendar date; dateFields never throws', () => {
      fc.assert(
        fc.property(fc.oneof(textArb(12), fc.constant('31/02/2023'), fc.constant('٢٩ فبراير ٢٠٢٣')), fc.anything(), (s, raw) => {
          count('dates');
          const d = timed('parseDate', s, () => parseDate(s));
          if (d !== undefined && !isCalendarDate(d)) throw new Error(`parseDate(${JSON.stringify(s)}) = "${d}", not a calendar date`);
          const f = dateFields(raw);
          if (f.date !== undefined && !isCalendarDate(f.date)) throw new Error(`dateFields gave "${f.date}"`);
        }),
        params(n.cheap),
      );
    }, timeoutMs);

    it('JSON records (recordToArticle): a storable article or a reason, never a throw', () => {
      fc.assert(
        fc.property(recordArb(), (raw) => {
          count('record');
          const text = JSON.stringify(raw) ?? '';
          const r = timed('recordToArticle', text, () => recordToArticle(raw));
          if (r.ok) checkArticleShape(r.article, `record ${text.slice(0, 200)}`);
          else expect(r.reason.length).toBeGreaterThan(3);
        }),
        params(n.cheap),
      );
    }, timeoutMs);

    it('scraped pages (splitPages + parsePage): articles with bodies or problems with reasons', () => {
      fc.assert(
        fc.property(fc.array(textArb(12), { maxLength: 40 }).map((lines) => lines.join('\n').slice(0, 10_000)), (text) => {
          count('scrapedPage');
          const blocks = timed('parsePage', text, () => splitPages(text).flatMap((p) => parsePage(p)));
          for (const b of blocks) {
            if (b.article) checkArticleShape(b.article, 'scraped page');
            for (const p of b.problems) expect(p.reason.length).toBeGreaterThan(3);
            if (!b.article) expect(b.problems.some((p) => p.severity === 'skip')).toBe(true);
          }
        }),
        params(n.scraped),
      );
    }, timeoutMs);

    it('HTML pages (parseHtmlArticle): an article with a body or a skip problem, never a throw', () => {
      const html = fc
        .tuple(textArb(10), textArb(10), fc.array(textArb(8), { maxLength: 8 }), textArb(30), fc.boolean())
        .map(([head, title, paras, junk, ld]) =>
          `<html><head>${head}<title>${title}</title>${ld ? `<script type="application/ld+json">{"@type":"NewsArticle","headline":${JSON.stringify(title)},"articleBody":${JSON.stringify(paras.join('\n'))}, "datePublished": ${JSON.stringify(head.slice(0, 20))}}</script>` : ''}</head><body><article>${paras.map((p) => `<p>${p}</p>`).join('')}</article>${junk}</body></html>`.slice(0, 10_000),
        );
      fc.assert(
        fc.property(fc.oneof(html, textArb()), (page) => {
          count('html');
          const r = timed('parseHtmlArticle', page, () => parseHtmlArticle(page));
          if (r.article) checkArticleShape(r.article, 'html page');
          else expect(r.problems.some((p) => p.severity === 'skip')).toBe(true);
        }),
        params(n.html),
      );
    }, timeoutMs);

    it('search through a real engine: results or a QueryError/ValidationError, never another error', () => {
      const engine = createEngine();
      for (let i = 0; i < 60; i++) engine.put(makeArticle(i, 'fz'));
      engine.put({ id: 'fz-html', title: '<script>alert(1)</script> عنوان', body: 'نص <b>غامق</b> & "اقتباس" مصر القاهرة' });
      fc.assert(
        fc.property(textArb(30).map((s) => s.slice(0, 1000)), (q) => {
          count('search');
          timed('engine.search', q, () => searchOrClearError(engine, q));
        }),
        params(n.search),
      );
    }, timeoutMs);

    it('JSONL files (readJsonl): every non-blank line becomes an article or a problem with its line number', async () => {
      const dir = tempDir('fahras-fuzz-');
      let k = 0;
      try {
        await fc.assert(
          fc.asyncProperty(fc.array(fc.oneof(recordArb().map((r) => JSON.stringify(r) ?? 'undefined'), textArb(10)), { minLength: 1, maxLength: 30 }), async (lines) => {
            count('jsonlFile');
            const file = path.join(dir, `f${k++}.jsonl`);
            const text = lines.map((l) => l.replace(/\r?\n/g, ' ')).join('\n');
            writeFileSync(file, text);
            // Lines as readline counts them: \n, \r\n and a lone \r (old Mac files) each end a line.
            const nonBlank = new Set(text.split(/\r\n|\r|\n/).flatMap((l, i) => (l.trim() ? [i + 1] : [])));
            const seen = new Set<number>();
            for await (const ev of readJsonl(file, {})) {
              expect(nonBlank.has(ev.line!)).toBe(true);
              seen.add(ev.line!);
              if (ev.kind === 'article') checkArticleShape(ev.article, `${file}:${ev.line}`);
              else expect(ev.reason.length).toBeGreaterThan(3);
            }
            // Lines that are neither an article nor a skip problem would be silently lost.
            expect([...nonBlank].filter((l) => !seen.has(l))).toEqual([]);
          }),
          params(n.jsonlFiles),
        );
      } finally {
        rmDir(dir);
      }
    }, timeoutMs);
  });
}
