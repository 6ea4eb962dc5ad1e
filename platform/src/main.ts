import pino from 'pino';
import { loadConfig, type Config } from './infra';
import { preferSmallHeap } from './server/smallHeap';
import { startServer } from './server/startServer';
import { isNewEmbeddedStore, prepareDataDirApart } from './server/prepareDataDirApart';

preferSmallHeap();

let config: Config;
try {
  config = loadConfig();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
const logger = pino({ level: config.logLevel });

try {
  if (isNewEmbeddedStore(config)) {
    logger.info({ dataDir: config.dataDir }, '首次启动：正在创建并初始化数据目录 / first start: preparing the data directory');
    await prepareDataDirApart();
  }
  const running = await startServer({ config, logger });
  logger.info(
    {
      url: running.url,
      database: running.deps.db.kind,
      dataDir: config.databaseUrl ? undefined : config.dataDir,
      demo: config.isDemo,
    },
    'Matterflow listening',
  );
  let isStopping = false;
  const stop = (signal: string) => {
    if (isStopping) return;
    isStopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  // A closed terminal, or a wrapper (npm, a supervisor) killed without passing the signal on, must not
  // leave a server holding the port and the data-directory lock: an orphan is re-parented, so watch ppid.
  process.on('SIGHUP', () => stop('SIGHUP'));
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) stop('parent exited');
  }, 1_000).unref();
} catch (error) {
  logger.fatal({ err: error }, error instanceof Error ? error.message : 'start-up failed');
  process.exit(1);
}
