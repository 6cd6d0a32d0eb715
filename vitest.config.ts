import { defineConfig } from 'vitest/config';

// Unit, integration and browser tests. Long-running stress tests live in
// test/stress/ and run with `npm run test:stress` (vitest.stress.config.ts).
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/stress/**', 'node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
