export { openDb, migrate, listMigrations, analyze, databaseImage } from './store';
export { loadConfig, configSchema, ConfigError, type Config } from './config';
