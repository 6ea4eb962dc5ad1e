import { fileURLToPath } from 'node:url';

/** The seed catalog in the repository, as the server reads it by default. */
export const SEED_DIR = fileURLToPath(new URL('../../schemas/catalog', import.meta.url));
export const SEED_DEPARTMENTS_FILE = `${SEED_DIR}/departments.json`;
