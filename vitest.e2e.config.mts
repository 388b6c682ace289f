import { defineConfig } from 'vitest/config';

// The real-workbench tests (test/e2e/): one file at a time, each with its own code-server and browser.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 240_000,
    pool: 'forks',
    fileParallelism: false,
    maxWorkers: 1,
    // One retry: on a loaded 2-core CI machine a workbench wait (a quick-fix menu, a reload) has timed
    // out once per run in a different test each time; a real defect fails both attempts.
    retry: 1,
  },
});
