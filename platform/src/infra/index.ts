export { openDb, migrate, listMigrations, analyze } from './store';
export { loadConfig, configSchema, ConfigError, type Config } from './config';
