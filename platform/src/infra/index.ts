export { openDb, migrate, listMigrations } from './store';
export { loadConfig, configSchema, ConfigError, type Config } from './config';
