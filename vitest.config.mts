import { defineConfig } from 'vitest/config';

// Unit and language-server tests. The ecosystem checks (npm pack and install, npm 10, pre-commit,
// actionlint) run outside tools for minutes of disk and CPU, so they have their own config and step
// (vitest.ecosystem.config.mts), where they don't slow the timing-sensitive tests here.
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/lsp/**/*.test.ts', 'test/fuzz/**/*.test.ts'],
    exclude: ['test/unit/ecosystem/**', '**/node_modules/**'],
    testTimeout: 30_000,
    pool: 'threads',
  },
});
