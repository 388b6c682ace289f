import { defineConfig } from 'vitest/config';

// The project checked by the ecosystem's own tools: npm 10 and 11 (pack, install, publish), tsc,
// publint, attw, vsce and ovsx, Sarif.Multitool, the FHIR validators, axe-core in Chromium,
// pre-commit, actionlint. One file at a time: each already keeps the CPU and disk busy.
export default defineConfig({
  test: {
    include: ['test/unit/ecosystem/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 600_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
