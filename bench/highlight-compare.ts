/**
 * Output check for highlighting speed work: records snippetHtml / highlightHtml output for a large,
 * fixed set of (article, query) pairs from the real corpus, or compares today's output with a
 * recording. Any speed-up of src/highlight must leave every output byte-identical.
 *
 *   npx tsx bench/highlight-compare.ts record /tmp/highlight-before.json.gz
 *   npx tsx bench/highlight-compare.ts check  /tmp/highlight-before.json.gz
 *
 * The recording holds corpus text: keep it outside the repository (../shared is research-licensed).
 * Cases per sampled article: words of its title (1–3, as written), title and body phrases, prefixes,
 * body words as written and respelled (diacritics, tatweel, hamza, ta marbuta, alef maqsura), field
 * queries, OR and NOT, stopwords, misses, Latin words, numbers, emails and URLs found in the body;
 * snippets with the engine's options and others; the title, and every 8th body, highlighted whole.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync, gunzipSync } from 'node:zlib';
import { loadCorpus } from './corpus.ts';
import { highlightHtml, snippetHtml, type SnippetOptions } from '../src/highlight/highlight.ts';
import { parseQuery } from '../src/query/parse.ts';
import { matchSpecFromQuery, EMPTY_MATCH_SPEC } from '../src/query/match-spec.ts';
import { seededRandom } from '../eval/known-item.ts';
import type { Article } from '../src/types.ts';

const ENGINE: SnippetOptions = { fragments: 2, words: 24 };
const OTHER_OPTIONS: SnippetOptions[] = [{}, { fragments: 1, words: 5 }, { fragments: 3, words: 60 }];

function bodyWords(body: string): string[] {
  return body.split(/[\s«»"'().,،؛:!؟?\-–]+/u).filter((w) => w.length > 0);
}

/** Respellings a user might type for an Arabic word. */
function variants(w: string): string[] {
  const out: string[] = [];
  if (w.length > 1) out.push(w[0] + '\u064E' + w.slice(1) + '\u064F'); // fatha, damma
  if (w.length > 2) out.push(w.slice(0, 2) + '\u0640' + w.slice(2)); // tatweel
  if (/^ا/.test(w)) out.push('أ' + w.slice(1));
  if (/^[أإآ]/.test(w)) out.push('ا' + w.slice(1));
  if (/ة$/.test(w)) out.push(w.slice(0, -1) + 'ه');
  if (/ه$/.test(w)) out.push(w.slice(0, -1) + 'ة');
  if (/ى$/.test(w)) out.push(w.slice(0, -1) + 'ي');
  if (/ي$/.test(w)) out.push(w.slice(0, -1) + 'ى');
  if (/ؤ|ئ/.test(w)) out.push(w.replace(/[ؤئ]/g, 'ء'));
  return out;
}

function queriesFor(a: Article, rnd: () => number): string[] {
  const pick = <T>(xs: T[]): T | undefined => (xs.length ? xs[Math.floor(rnd() * xs.length)] : undefined);
  const title = bodyWords(a.title).filter((w) => /\p{L}/u.test(w));
  const body = bodyWords(a.body);
  const arabic = body.filter((w) => /^[\u0621-\u064A\u064B-\u0652\u0640]+$/.test(w));
  const q: string[] = [];
  if (title.length) q.push(title.slice(0, 1 + Math.floor(rnd() * 3)).join(' '));
  if (title.length >= 2) q.push(`"${title[0]} ${title[1]}"`, `title:${title[title.length - 1]} ${title[0]}`);
  const w = pick(arabic);
  if (w) {
    q.push(w, `${w.slice(0, 2 + Math.floor(rnd() * 4))}*`);
    for (const v of variants(w)) if (rnd() < 0.5) q.push(v);
  }
  const i = Math.floor(rnd() * Math.max(1, body.length - 3));
  if (body.length > 3) q.push(`"${body[i]} ${body[i + 1]}"`, `body:"${body[i]} ${body[i + 1]} ${body[i + 2]}"`);
  const w2 = pick(arabic);
  if (w && w2) q.push(`${w} OR ${w2}`, `-${w} ${w2}`, `+${w2} في`);
  const latin = pick(body.filter((x) => /^[A-Za-z][A-Za-z0-9]*$/.test(x)));
  if (latin) q.push(latin, `${latin.slice(0, 2).toLowerCase()}*`);
  const num = pick(body.filter((x) => /^[0-9٠-٩]+$/.test(x)));
  if (num) q.push(num);
  const email = /[\w.+-]+@[\w-]+(\.[\w-]+)+/.exec(a.body)?.[0];
  if (email) q.push(`"${email}"`);
  const url = /https?:\/\/[^\s"«»]+/.exec(a.body)?.[0];
  if (url) q.push(`"${url}"`);
  if (rnd() < 0.2) q.push('في', 'كلمةغيرموجودة', 'السعودية الاقتصاد', 'ﻻ', 'café');
  return q;
}

function sample(all: Article[]): Article[] {
  const picked = new Set<number>();
  for (let i = 0; i < all.length; i += 15) picked.add(i);
  const extra = (test: (a: Article) => boolean, max: number) => {
    let n = 0;
    for (let i = 0; i < all.length && n < max; i++) if (!picked.has(i) && test(all[i]!)) picked.add(i), n++;
  };
  extra((a) => {
    const n = a.body.split(/\s+/).length;
    return n >= 800 && n <= 1300;
  }, 300);
  extra((a) => a.body.includes('@'), 150);
  extra((a) => a.body.includes('http'), 150);
  extra((a) => /[A-Za-z]{3}/.test(a.body), 150);
  extra((a) => /[\u064B-\u0652]/.test(a.body), 150); // diacritized
  extra((a) => /[\uFB50-\uFEFF\u00C0-\u024F]/.test(a.body), 150); // presentation forms, accented Latin
  extra((a) => a.body.split(/\s+/).length > 3000, 30);
  return [...picked].sort((x, y) => x - y).map((i) => all[i]!);
}

/** Every output, in a fixed order. */
function outputs(articles: Article[]): string[] {
  const rnd = seededRandom(20261129);
  const out: string[] = [];
  articles.forEach((a, k) => {
    out.push(snippetHtml(a.body, EMPTY_MATCH_SPEC, ENGINE), highlightHtml(a.title, EMPTY_MATCH_SPEC));
    for (const q of queriesFor(a, rnd)) {
      let spec;
      try {
        spec = matchSpecFromQuery(parseQuery(q));
      } catch {
        continue; // a query error is not our concern here
      }
      out.push(`#${a.id} ${q}`, snippetHtml(a.body, spec, ENGINE), highlightHtml(a.title, spec));
      out.push(snippetHtml(a.body, spec, OTHER_OPTIONS[k % OTHER_OPTIONS.length]));
      if (k % 8 === 0) out.push(highlightHtml(a.body, spec));
    }
  });
  return out;
}

const [mode, file] = process.argv.slice(2);
if ((mode !== 'record' && mode !== 'check') || !file) {
  console.error('usage: highlight-compare.ts record|check <file.json.gz outside the repo>');
  process.exit(2);
}
const articles = sample(loadCorpus());
const c0 = process.cpuUsage();
const now = outputs(articles);
const cpu = process.cpuUsage(c0);
console.log(`${articles.length} articles, ${now.length} outputs, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU`);
if (mode === 'record') {
  writeFileSync(file, gzipSync(JSON.stringify(now)));
  console.log(`recorded to ${file}`);
} else {
  const before = JSON.parse(gunzipSync(readFileSync(file)).toString('utf8')) as string[];
  let bad = 0;
  let label = '';
  for (let i = 0; i < Math.max(before.length, now.length); i++) {
    if (now[i]?.startsWith('#')) label = now[i]!;
    if (before[i] === now[i]) continue;
    if (++bad <= 5) console.log(`DIFFERENT at ${i} (${label}):\n  before: ${before[i]?.slice(0, 400)}\n  now:    ${now[i]?.slice(0, 400)}`);
  }
  console.log(bad === 0 ? `identical: all ${now.length} outputs` : `${bad} of ${now.length} outputs differ`);
  process.exit(bad === 0 ? 0 : 1);
}
