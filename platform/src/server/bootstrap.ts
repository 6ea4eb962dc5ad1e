import pino, { type Logger } from 'pino';
import type { Config } from '../config';
import type { AppContext } from '../http/AppContext';
import { systemClock, type Clock } from '../http/Clock';
import { createApp } from '../http/createApp';
import { openDb } from '../store';
import { metaSchemas } from '../metaschema/metaSchemas';
import { checkStoredDocuments } from '../catalog/checkStoredDocuments';
import { loadSeedCatalog } from '../catalog/seed/loadSeedCatalog';
import { settleVersionStates } from '../catalog';
import { seedDemoAccounts } from '../identity';
import { seedDepartments } from '../departments';

export interface Bootstrapped {
  ctx: AppContext;
  app: ReturnType<typeof createApp>;
}

/**
 * Everything that must hold before the server listens: schemas compile, migrations are applied,
 * every stored document is readable, the seed catalog and (in demo mode) the demo accounts exist.
 */
export async function bootstrap({
  config,
  clock = systemClock,
  logger = pino({ level: config.logLevel }),
  shouldSeedCatalog = true,
}: {
  config: Config;
  clock?: Clock;
  logger?: Logger;
  shouldSeedCatalog?: boolean;
}): Promise<Bootstrapped> {
  metaSchemas();
  const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir === ':memory:' ? undefined : config.dataDir });
  const ctx: AppContext = { db, config, logger, clock };
  try {
    await checkStoredDocuments(ctx);
    // Versions whose effective or cancel date passed while no server ran get their stored status.
    await settleVersionStates(db, clock.today());
    await seedDepartments(ctx);
    if (shouldSeedCatalog) await loadSeedCatalog(ctx);
    if (config.isDemo) await seedDemoAccounts(ctx);
  } catch (error) {
    await db.close();
    throw error;
  }
  return { ctx, app: createApp(ctx) };
}
