import type { Logger } from 'pino';
import type { Clock } from './Clock';
import type { Db } from './Db';

/**
 * Everything an operation may be given. Each operation names the slice it uses
 * (`Pick<Deps, 'db' | 'clock'>`), so a test passes only that and a reader sees what it touches.
 * Configuration is not here: modules get their settings at composition (`server/`).
 */
export interface Deps {
  db: Db;
  clock: Clock;
  logger: Logger;
}
