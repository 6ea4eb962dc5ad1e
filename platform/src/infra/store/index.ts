export { openDb } from './openDb';
export { databaseImage } from './databaseImage';
export { migrate, listMigrations } from './migrate';
export { analyze } from './analyze';
