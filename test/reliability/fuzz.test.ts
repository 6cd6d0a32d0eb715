/**
 * Bounded fuzzing (2 000 cases per cheap target) of the query parser, the analyzer, the ingest
 * parsers (JSON records, JSONL files, scraped pages, HTML, dates) and full searches; every case is
 * time-bounded (test/helpers/fuzz.ts). The long run is test/stress/fuzz.test.ts.
 */
import { afterAll } from 'vitest';
import { casesRun, registerFuzzTests } from '../helpers/fuzz-suite.ts';

registerFuzzTests({ cheap: 2_000, scraped: 500, html: 300, search: 500, jsonlFiles: 30 }, 60_000);
afterAll(() => console.log(`fuzz (bounded) cases: ${JSON.stringify(casesRun)}`));
