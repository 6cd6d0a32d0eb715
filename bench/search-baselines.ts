/**
 * The baselines of `npm run bench search`, each run in its own process by bench/search-child.ts:
 * FlexSearch with its default Document settings and MiniSearch, on title and body, asked the
 * same information need as Fahras' shapes in plain text.
 */
import FlexSearch from 'flexsearch';
import MiniSearch, { type SearchOptions } from 'minisearch';
import type { Article } from '../src/types.ts';
import { timeCalls } from './measure.ts';
import type { QueryReport, Shape } from './search-report.ts';

export interface Baseline {
  query(s: Shape, runs: number): QueryReport;
}

export function buildFlexSearch(docs: readonly Article[]): Baseline {
  const flex = new FlexSearch.Document({ document: { id: 'id', index: ['title', 'body'] } });
  docs.forEach((a, i) => flex.add({ id: i, title: a.title, body: a.body }));
  return {
    query(s, runs) {
      const search = () => flex.search(s.text, { limit: 10 });
      // Results come per field, 10 each: count distinct ids.
      const hits = new Set(search().flatMap((r) => r.result)).size;
      return { name: s.name, hits, search: timeCalls(search, runs) };
    },
  };
}

export function buildMiniSearch(docs: readonly Article[]): Baseline {
  const mini = new MiniSearch({ fields: ['title', 'body'], idField: 'i' });
  mini.addAll(docs.map((a, i) => ({ i, title: a.title, body: a.body })));
  return {
    query(s, runs) {
      const options: SearchOptions = s.name === 'prefix' ? { prefix: true } : s.name === 'phrase' ? { combineWith: 'AND' } : {};
      const search = () => mini.search(s.text, options);
      return { name: s.name, hits: search().length, search: timeCalls(() => search().slice(0, 10), runs) };
    },
  };
}
