import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pino, { type Logger } from 'pino';
import { metaSchemas } from '@matterflow/schemas';
import { analyze, openDb, type Config } from '../infra';
import { SYSTEM_ACTOR, systemClock, type Clock, type Deps, type Route } from '../kernel';
import { createApp } from '../http';
import { backfillNamePinyin, checkStoredDocuments, loadSeedCatalog, settleVersionStates } from '../catalog';
import { findSession, seedDemoAccounts } from '../identity';
import { seedDepartments } from '../departments';
import { calendarWarnings, seedCalendars } from '../calendar';
import { seedLaws } from '../laws';
import { composeRoutes, sessionSettingsOf } from './composeRoutes';
import { filesSetupOf, type FilesSetup } from './composeFiles';
import { pluginSetupOf } from './composePlugins';
import type { PluginHost } from '../plugins';
import { sweepOrphanFiles } from '../files';
import { caseTimerHandlers, openMissingCases } from '../cases';
import type { TimerHandlers } from '../scheduler';

export interface Bootstrapped {
  deps: Deps;
  config: Config;
  routes: Route[];
  app: ReturnType<typeof createApp>;
  /** The file storage and scanner the routes were given. */
  files: FilesSetup;
  /** What the scheduler runs for each timer kind (startServer polls with them). */
  timerHandlers: TimerHandlers;
  /** The plugin host: what intake and cases call plugins through (kernel/PluginHooks). */
  plugins: PluginHost;
  /** Flushes plugin usage and stops the sandbox's workers (before the database closes). */
  closePlugins(): Promise<void>;
}

/**
 * The composition root. Everything that must hold before the server listens: schemas compile,
 * migrations are applied, every stored document is readable, the seed catalog and (in demo mode)
 * the demo accounts exist.
 */
export async function bootstrap({
  config,
  clock = systemClock,
  logger = pino({ level: config.logLevel }),
  shouldSeedCatalog = true,
  // Built by `npm run build` (npm start runs it first).
  portalDir = fileURLToPath(new URL('../../../portal/dist', import.meta.url)),
  adminDir = fileURLToPath(new URL('../../../admin-ui/dist', import.meta.url)),
}: {
  config: Config;
  clock?: Clock;
  logger?: Logger;
  shouldSeedCatalog?: boolean;
  /** The built portal served at `/`. */
  portalDir?: string;
  /** The built staff app served at `/admin/`. */
  adminDir?: string;
}): Promise<Bootstrapped> {
  metaSchemas();
  const db = await openDb({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir === ':memory:' ? undefined : config.dataDir,
  });
  const deps: Deps = { db, clock, logger };
  const files = filesSetupOf(config);
  try {
    await checkStoredDocuments(deps);
    await backfillNamePinyin(deps);
    // Versions whose effective or cancel date passed while no server ran get their stored status.
    await settleVersionStates(db, { today: clock.today(), at: clock.now() });
    await seedDepartments(deps, { file: join(config.seedDir, 'departments.json') });
    await seedCalendars(deps, { region: config.region });
    for (const warning of await calendarWarnings(deps, { region: config.region })) logger.warn(warning, warning.message);
    // The register before the catalog: the seed's publish checks read the levels and repeals from it.
    await seedLaws(deps, { file: join(config.seedDir, 'laws.json') });
    const seeded = shouldSeedCatalog ? await loadSeedCatalog({ ...deps, region: config.region }, { dir: config.seedDir }) : 0;
    if (config.isDemo) await seedDemoAccounts(deps);
    // Before the first request: an upload cut off by a crash leaves staged bytes or a blob with no row.
    await sweepOrphanFiles(deps, files.storage);
    // Applications without a case (submitted before the case engine) get theirs and their deadline.
    await openMissingCases({ ...deps, region: config.region }, { actor: SYSTEM_ACTOR });
    if (!files.scanner)
      logger.warn(
        '未配置病毒扫描（CLAMD_SOCKET 或 CLAMD_HOST）：上传的文件标为未扫描，工作人员不能打开 / no virus scanner configured',
      );
    // The seed wrote the whole catalog; the planner should know (PGlite has no autovacuum). Not on
    // every start: statistics are stored, and ANALYZE of a large catalog would slow each restart.
    if (seeded > 0) await analyze(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  const plugins = pluginSetupOf(deps, config);
  const routes = composeRoutes(deps, config, files, plugins);
  const sessions = sessionSettingsOf(config);
  const app = createApp({
    routes,
    logger,
    settings: { bodyLimitBytes: config.bodyLimitBytes, isSecureCookies: config.isProduction, trustProxy: config.trustProxy },
    findSession: (token) => findSession({ db, clock, sessions }, token),
    portalDir,
    adminDir,
  });
  return {
    deps,
    config,
    routes,
    app,
    files,
    timerHandlers: caseTimerHandlers({ ...deps, region: config.region, plugins: plugins.host }),
    plugins: plugins.host,
    closePlugins: () => plugins.close(),
  };
}
