import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['platform/**/*.test.ts', 'schemas/**/*.test.ts', 'plugins/**/*.test.ts', 'tests/**/*.test.ts'],
    environment: 'node',
    // Each integration file boots its own database; two cores, so keep the pool small.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
