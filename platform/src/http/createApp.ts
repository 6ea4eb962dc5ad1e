import express from 'express';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Route } from '../kernel';
import type { Session } from '../identity';
import { errorHandler, notFoundHandler } from './errorHandler';
import type { HttpSettings } from './HttpSettings';
import { mountRoute } from './mountRoute';
import { ADMIN_CSP, PORTAL_CSP, webAppHandler } from './webAppHandler';
import { sessionMiddleware } from './sessionMiddleware';

const toExpressPath = (path: string) => path.replace(/\{([^}]+)\}/g, ':$1');

/**
 * The web face: request ids and timing, security headers, the session, every module's routes
 * under /api, and the one error mapping. It knows routes only as data (`kernel/Route`).
 */
export function createApp({
  routes,
  settings,
  logger,
  findSession,
  portalDir,
  adminDir,
}: {
  routes: readonly Route[];
  /** The built portal (portal/dist), served at `/`; absent: no pages, only the API. */
  portalDir?: string;
  /** The built staff app (admin-ui/dist), served at `/admin/`. */
  adminDir?: string;
  settings: HttpSettings;
  logger: Logger;
  findSession: (token: string) => Promise<Session | undefined>;
}): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', settings.trustProxy);
  app.set('query parser', 'simple');

  app.use((req, res, next) => {
    const id = randomUUID();
    res.setHeader('X-Request-Id', id);
    const started = process.hrtime.bigint();
    const elapsedMs = () => Number(process.hrtime.bigint() - started) / 1e6;
    // Server-Timing lets clients and the benchmark see time spent in the server, without the network.
    const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => typeof res;
    res.writeHead = ((...args: unknown[]) => {
      if (!res.headersSent) res.setHeader('Server-Timing', `app;dur=${elapsedMs().toFixed(2)}`);
      return writeHead(...args);
    }) as typeof res.writeHead;
    res.on('finish', () => {
      logger.info({ reqId: id, method: req.method, url: req.originalUrl, status: res.statusCode, ms: elapsedMs() }, 'request');
    });
    next();
  });
  app.use((_req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'no-store');
    next();
  });

  app.use('/api', sessionMiddleware({ findSession, settings }));
  const router = express.Router();
  for (const route of routes) router[route.method](toExpressPath(route.path), mountRoute(route, settings));
  app.use('/api', router);
  app.use('/api', notFoundHandler(routes));
  // Before the portal: its fallback would answer /admin/… with the portal's index.html.
  if (adminDir !== undefined) app.use('/admin', webAppHandler({ dir: adminDir, logger, csp: ADMIN_CSP, name: '工作人员系统' }));
  if (portalDir !== undefined) app.use(webAppHandler({ dir: portalDir, logger, csp: PORTAL_CSP, name: '门户' }));
  app.use(errorHandler(logger));
  return app;
}
