import { Router } from 'express';
import type { AppContext } from '../http/AppContext';
import { listDepartments } from './departmentStore';

/** The centre's departments: public, since the guide and the portal name them. */
export function departmentsRouter(ctx: AppContext): Router {
  const router = Router();
  router.get('/departments', async (_req, res) => {
    res.json({ items: await listDepartments(ctx.db) });
  });
  return router;
}
