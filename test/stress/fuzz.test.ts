/**
 * Long fuzzing: 100 000 cases for each cheap target (query parser, analyzer, dates, JSON records,
 * scraped pages), 20 000 HTML pages (linkedom is ~1 ms a page), 30 000 searches, 1 000 JSONL files.
 * Every case is time-bounded (test/helpers/fuzz.ts).
 */
import { afterAll } from 'vitest';
import { casesRun, registerFuzzTests } from '../helpers/fuzz-suite.ts';

registerFuzzTests({ cheap: 100_000, html: 20_000, search: 30_000, jsonlFiles: 1_000 }, 600_000);
afterAll(() => console.log(`fuzz (stress) cases: ${JSON.stringify(casesRun)}`));
