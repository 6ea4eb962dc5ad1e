import { Router } from 'express';
import type { AppContext } from './AppContext';

export function healthRouter(ctx: AppContext): Router {
  const router = Router();
  router.get('/health', async (_req, res) => {
    const started = Date.now();
    await ctx.db.query('SELECT 1');
    res.json({ status: 'ok', database: ctx.db.kind, dbLatencyMs: Date.now() - started, time: ctx.clock.now().toISOString() });
  });
  return router;
}
