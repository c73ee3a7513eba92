import { defineConfig } from 'vitest/config';

// Unit and API tests live beside the code; browser journeys (e2e/) run under Playwright instead.
export default defineConfig({
  root: '.',
  test: {
    include: ['server/**/*.test.ts', 'domain/**/*.test.ts', 'contract/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
