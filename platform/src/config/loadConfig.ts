import { resolve } from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  isProduction: boolean;
  /** Demo mode seeds one account per role; never in production. */
  isDemo: boolean;
  logLevel: string;
  bodyLimit: string;
  /** Region (行政区划代码) of this centre; the seed catalog is written for it. */
  region: string;
  /** Sessions idle longer than this many minutes expire. */
  sessionMinutes: number;
}

function readPort(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 3000;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be an integer between 0 and 65535, got "${raw}"`);
  }
  return port;
}

function readDataDir(raw: string | undefined): string {
  const value = raw?.trim() || './data';
  // ':memory:' keeps the embedded database in memory (tests, throwaway demos).
  return value === ':memory:' ? value : resolve(value);
}

/** Reads the environment once at start-up; a bad value stops the process with a message. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const isProduction = env.NODE_ENV === 'production';
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  return {
    port: readPort(env.PORT),
    host: env.HOST?.trim() || '0.0.0.0',
    dataDir: readDataDir(env.DATA_DIR),
    databaseUrl,
    isProduction,
    isDemo: !isProduction && env.MATTERFLOW_DEMO !== 'false',
    logLevel: env.LOG_LEVEL?.trim() || (env.NODE_ENV === 'test' ? 'silent' : 'info'),
    bodyLimit: env.BODY_LIMIT?.trim() || '1mb',
    region: env.MATTERFLOW_REGION?.trim() || '439901',
    sessionMinutes: Number(env.SESSION_MINUTES ?? 480) || 480,
  };
}
