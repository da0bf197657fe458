import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/hostile/**/*.test.ts'],
    environment: 'node',
    testTimeout: 180_000,
    hookTimeout: 180_000,
    // Child processes and DuckDB already use both cores; two files at a time keeps the machine busy without thrashing.
    maxWorkers: 2,
  },
});
