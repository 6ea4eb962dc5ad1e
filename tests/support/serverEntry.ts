import { readFileSync } from 'node:fs';
import { setDatabaseImage } from '../../platform/src/infra/store/databaseImage';

/**
 * `npm start`'s entry (platform/src/main.ts) for tests that run the server as a child process. A
 * new PGlite data directory starts from the template tarball named by MATTERFLOW_TEST_IMAGE, so
 * that such a test does not pay for initdb, migrations and the seed; the server's start-up runs in
 * full all the same, and an existing data directory is opened as it is.
 */
const image = process.env.MATTERFLOW_TEST_IMAGE;
if (image) setDatabaseImage(new Blob([readFileSync(image)]));
await import('../../platform/src/main');
