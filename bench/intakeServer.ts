import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import pino from 'pino';
import { createApp } from '../platform/src/http';
import { findSession } from '../platform/src/identity';
import { loadConfig } from '../platform/src/infra';
import { defineRoute, type Db, type Route } from '../platform/src/kernel';
import { bootstrap } from '../platform/src/server/bootstrap';
import { sessionSettingsOf } from '../platform/src/server/composeRoutes';

/**
 * The server of the submission benchmark: the real composition (bootstrap: every module's routes,
 * the session, CSRF and body checks, request logging) with one more route, the baseline, that only
 * this process has: a signed-in POST whose handler inserts one row. Submissions are measured
 * against it, so the ratio is what intake costs beyond the web face and one write.
 */
function baselineRoute(db: Db): Route {
  return defineRoute({
    method: 'post',
    path: '/bench/rows',
    summary: 'Benchmark baseline: one row inserted',
    tags: ['bench'],
    access: 'user',
    body: {
      json: {
        type: 'object',
        properties: { note: { type: 'string', maxLength: 100 } },
        required: ['note'],
        additionalProperties: false,
      },
    },
    responses: { '201': { description: 'The row', schema: { type: 'object' } } },
    errors: [400, 401, 403],
    async handle({ body }) {
      const { rows } = await db.query<{ id: string }>('INSERT INTO bench_rows (note, at) VALUES ($1, now()) RETURNING id', [
        body.note,
      ]);
      return { status: 201, body: { id: Number(rows[0]?.id) } };
    },
  });
}

/**
 * With BENCH_CPU_PROFILE=<file>, SIGUSR2 starts a CPU profile and the next SIGUSR2 writes it to
 * <file> (node refuses --cpu-prof in NODE_OPTIONS, and a whole-process profile is mostly start-up
 * and uploads): a driver brackets just the submits with two signals.
 */
function profileOnSignal(file: string | undefined): void {
  if (!file) return;
  const session = new Session();
  session.connect();
  let isRunning = false;
  process.on('SIGUSR2', () => {
    isRunning = !isRunning;
    void (isRunning
      ? session.post('Profiler.enable').then(() => session.post('Profiler.start'))
      : session.post('Profiler.stop').then(({ profile }) => writeFileSync(file, JSON.stringify(profile))));
  });
}

profileOnSignal(process.env.BENCH_CPU_PROFILE);
const config = loadConfig();
const logger = pino({ level: config.logLevel });
const booted = await bootstrap({ config, logger });
const { db } = booted.deps;
await db.exec('CREATE TABLE IF NOT EXISTS bench_rows (id bigserial PRIMARY KEY, note text NOT NULL, at timestamptz NOT NULL)');
const app = createApp({
  routes: [...booted.routes, baselineRoute(db)],
  logger,
  settings: { bodyLimitBytes: config.bodyLimitBytes, isSecureCookies: config.isProduction, trustProxy: config.trustProxy },
  findSession: (token) => findSession({ db, clock: booted.deps.clock, sessions: sessionSettingsOf(config) }, token),
});
const server = app.listen(config.port, config.host, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  console.log(JSON.stringify({ url: `http://127.0.0.1:${port}`, msg: 'Matterflow listening (intake benchmark)' }));
});
process.on('SIGTERM', () => server.close(() => void db.close().then(() => process.exit(0))));
