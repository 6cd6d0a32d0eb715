/**
 * The per-rule spelling stress on a built engine (eval/spelling-stress.ts, `npm run eval -- --spelling`):
 * known-item windows of 3–6 headline words, each rule of eval/spelling-rules.ts applied alone to
 * every word it fits; per rule found@10 and MRR@10 typed with the rule and verbatim, on the same
 * windows. Prints a markdown table.
 */
import { writeFileSync } from 'node:fs';
import type { SearchEngine } from '../src/search/engine.ts';
import { seededRandom, titleKey } from './known-item.ts';
import { applyRule, SPELLING_RULES } from './spelling-rules.ts';
import { rankedIds } from '../src/search/trec-run.ts';

export function runSpellingStress(e: SearchEngine, n: number, seed: number, only?: string): void {
  const slots = e.docs.slots;
  const ids: string[] = [];
  const titles: string[] = [];
  const byTitle = new Map<string, string[]>();
  for (let d = 0; d < slots; d++) {
    const id = e.docs.idOf(d);
    const t = e.docs.titleOf(d);
    if (id === undefined || t === undefined || e.docs.dead.data[d]) continue;
    ids.push(id);
    titles.push(t);
    const k = titleKey(t);
    if (!k) continue;
    const list = byTitle.get(k);
    if (list) list.push(id);
    else byTitle.set(k, [id]);
  }

  interface Target { words: string[]; relevant: Set<string>; pick: number }
  /** Windows in a seeded order: each article's window is fixed by its index, so every rule sees the same ones. */
  function* targets(): Generator<Target> {
    const r = seededRandom(seed);
    const seen = new Set<number>();
    for (let tries = 0; tries < ids.length * 3 && seen.size < ids.length; tries++) {
      const i = Math.floor(r() * ids.length);
      if (seen.has(i)) continue;
      seen.add(i);
      const words = titles[i]!.split(/\s+/).map((w) => w.replace(/^[^\p{L}\p{N}\p{M}]+|[^\p{L}\p{N}\p{M}]+$/gu, '')).filter((w) => /[\p{L}\p{N}]/u.test(w));
      if (words.length < 3) continue;
      const rw = seededRandom(seed ^ (i * 2654435761));
      const len = Math.min(words.length, 3 + Math.floor(rw() * 4));
      const start = Math.floor(rw() * (words.length - len + 1));
      yield { words: words.slice(start, start + len), relevant: new Set(byTitle.get(titleKey(titles[i]!)) ?? [ids[i]!]), pick: i };
    }
  }

  const rrCache = new Map<string, number>();
  function reciprocalRank(q: string, relevant: Set<string>): number {
    const key = `${q}\u0000${[...relevant][0]}`;
    const hit = rrCache.get(key);
    if (hit !== undefined) return hit;
    const ranked = rankedIds(e, q, 10);
    const at = ranked.findIndex((h) => relevant.has(h.id));
    const rr = at < 0 ? 0 : 1 / (at + 1);
    rrCache.set(key, rr);
    return rr;
  }

  const fmt = (x: number) => x.toFixed(3);
  console.log(`\nspelling stress: up to ${n} queries per rule, seed ${seed}, ${ids.length} articles`);
  console.log('| rule | queries | found@10 | MRR@10 | baseline found@10 | baseline MRR@10 | ΔMRR |');
  console.log('|---|---|---|---|---|---|---|');
  const rules = [{ name: '(no rule: verbatim)', kind: 'query' as const, apply: (w: string[]) => w }, ...SPELLING_RULES].filter((x) => !only || x.name.includes(only));
  const cpuRules = process.cpuUsage();
  /** STRESS_DUMP=file: every query's reciprocal rank (rule, typed text, rr), to diff two versions. */
  const dump: string[] = [];
  for (const rule of rules) {
    let count = 0, found = 0, rrSum = 0, baseFound = 0, baseSum = 0;
    for (const t of targets()) {
      if (count >= n) break;
      const typed = rule.name.startsWith('(no rule') ? t.words.join(' ') : applyRule(rule, t.words, seededRandom(seed ^ t.pick ^ 0x5bd1e995));
      if (typed === undefined) continue;
      count++;
      const rr = reciprocalRank(typed, t.relevant);
      const base = reciprocalRank(t.words.join(' '), t.relevant);
      if (rr > 0) found++;
      if (base > 0) baseFound++;
      rrSum += rr;
      baseSum += base;
      if (process.env.STRESS_DUMP) dump.push(`${rule.name}\t${typed}\t${rr.toFixed(3)}`);
      if (process.env.STRESS_SHOW && rr < base) console.error(`  [${rule.name}] «${typed}» rr ${rr.toFixed(2)} < ${base.toFixed(2)} «${t.words.join(' ')}»`);
    }
    const c = Math.max(1, count);
    console.log(`| ${rule.name} | ${count} | ${fmt(found / c)} | ${fmt(rrSum / c)} | ${fmt(baseFound / c)} | ${fmt(baseSum / c)} | ${(rrSum - baseSum) / c >= 0 ? '+' : ''}${fmt((rrSum - baseSum) / c)} |`);
  }
  if (process.env.STRESS_DUMP) writeFileSync(process.env.STRESS_DUMP, dump.join('\n') + '\n');
  const u = process.cpuUsage(cpuRules);
  console.error(`(spelling stress queries: ${((u.user + u.system) / 1e6).toFixed(1)} s CPU)`);
}
