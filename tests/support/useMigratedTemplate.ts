import { useTemplate } from './testDatabase';

// vitest setupFiles: a database a test opens itself (openDb({})) starts migrated, from the template.
useTemplate('migrated');
