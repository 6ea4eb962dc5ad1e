export { openDb } from './openDb';
export { migrate, listMigrations } from './migrate';
export { analyze } from './analyze';
