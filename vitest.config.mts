import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/lsp/**/*.test.ts', 'test/fuzz/**/*.test.ts'],
    testTimeout: 30_000,
    pool: 'threads',
  },
});
