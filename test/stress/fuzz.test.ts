/**
 * Long fuzzing: 100 000 cases for each of query parser, analyzer, dates and JSON records; 30 000
 * scraped pages (~2 ms each), 10 000 HTML pages (linkedom), 20 000 searches, 500 JSONL files —
 * ~460 000 cases. Every case is time-bounded (test/helpers/fuzz.ts).
 */
import { afterAll } from 'vitest';
import { casesRun, registerFuzzTests } from '../helpers/fuzz-suite.ts';

registerFuzzTests({ cheap: 100_000, scraped: 30_000, html: 10_000, search: 20_000, jsonlFiles: 500 }, 600_000);
afterAll(() => console.log(`fuzz (stress) cases: ${JSON.stringify(casesRun)}`));
