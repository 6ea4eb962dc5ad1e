export { loadConfig, type Config } from './loadConfig';
