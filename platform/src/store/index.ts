export type { Db, Queryable, QueryResult } from './Db';
export { openDb } from './openDb';
export { migrate, listMigrations } from './migrate';
