import express, { type Router } from 'express';
import { randomUUID } from 'node:crypto';
import type { AppContext } from './AppContext';
import { errorHandler, notFoundHandler } from './errorHandler';
import { requireJson } from './requireJson';
import { healthRouter } from './healthRouter';
import { openApiDocument, openApiRouter } from '../openapi';
import { sessionMiddleware, sessionRouter } from '../identity';
import { catalogRouter, exchangeRouter } from '../catalog';
import { departmentsRouter } from '../departments';
import { auditRouter } from '../audit';

/** Routers that accept non-JSON bodies (spreadsheet uploads) and parse them themselves. */
function rawBodyRouters(ctx: AppContext): Router[] {
  return [exchangeRouter(ctx)];
}

function jsonRouters(ctx: AppContext): Router[] {
  return [healthRouter(ctx), openApiRouter(), sessionRouter(ctx), departmentsRouter(ctx), catalogRouter(ctx), auditRouter(ctx)];
}

export function createApp(ctx: AppContext): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', ctx.config.isProduction ? 'loopback' : false);
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
      ctx.logger.info({ reqId: id, method: req.method, url: req.originalUrl, status: res.statusCode, ms: elapsedMs() }, 'request');
    });
    next();
  });
  app.use((_req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'no-store');
    next();
  });

  app.use('/api', sessionMiddleware(ctx));
  for (const router of rawBodyRouters(ctx)) app.use('/api', router);
  app.use('/api', requireJson, express.json({ limit: ctx.config.bodyLimit, strict: true }));
  for (const router of jsonRouters(ctx)) app.use('/api', router);

  app.use('/api', notFoundHandler(openApiDocument().paths as Record<string, Record<string, unknown>>));
  app.use(errorHandler(ctx.logger));
  return app;
}
