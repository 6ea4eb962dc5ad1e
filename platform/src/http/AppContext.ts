import type { Logger } from 'pino';
import type { Config } from '../config';
import type { Db } from '../store';
import type { Clock } from './Clock';

/** What every router and operation may use; built once in `startServer`. */
export interface AppContext {
  db: Db;
  config: Config;
  logger: Logger;
  clock: Clock;
}
