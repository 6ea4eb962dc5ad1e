import { defineConfig } from 'vitest/config';

/** Tests beside the code that open a database themselves; they run with the integration tests. */
const databaseUnitTests = ['platform/**/*.db.test.ts'];

export default defineConfig({
  test: {
    environment: 'node',
    // Two cores: keep the pool small. Test files share a worker's loaded modules (isolate: false):
    // loading the platform per file cost a third of the run, and no test relies on module state
    // of its own (each builds its server and database; module caches hold only compiled schemas).
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          // Pure tests, no database: the seconds-fast loop of `npm run test:watch`.
          name: 'unit',
          include: [
            'platform/**/*.test.ts',
            'schemas/**/*.test.ts',
            'plugins/**/*.test.ts',
            'portal/src/**/*.test.ts',
            'admin-ui/src/**/*.test.ts',
          ],
          exclude: ['**/node_modules/**', ...databaseUnitTests],
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/**/*.test.ts', ...databaseUnitTests],
          // Migrations and seeds run once per run into templates; each file copies one.
          globalSetup: ['tests/support/databaseTemplates.ts'],
          setupFiles: ['tests/support/useMigratedTemplate.ts'],
          isolate: false,
        },
      },
    ],
  },
});
