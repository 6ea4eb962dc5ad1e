import { Router } from 'express';
import type { AppContext } from '../http/AppContext';
import { validateInput } from '../http/validateInput';
import { actorOf, requireRole } from '../identity';
import { listAudit } from './listAudit';

export const auditQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    targetType: { type: 'string', pattern: '^[a-z_]{1,32}$', description: '对象类型，如 matter、catalog、user、session' },
    targetId: { type: 'string', maxLength: 64, description: '对象标识，如实施编码' },
    limit: { type: 'string', pattern: '^([1-9]|[1-9][0-9]|1[0-9][0-9]|200)$', description: '条数，1-200，默认 100' },
  },
} as const;

/** The audit trail, newest first: for supervision, system administration and legal review. */
export function auditRouter(ctx: AppContext): Router {
  const router = Router();
  router.get('/audit', async (req, res) => {
    requireRole(actorOf(res), ['supervisor', 'sysadmin', 'legal']);
    const query = validateInput<{ targetType?: string; targetId?: string; limit?: string }>(auditQuerySchema, req.query, { code: 'BAD_QUERY', prefix: '/query' });
    res.json({ items: await listAudit(ctx.db, { targetType: query.targetType, targetId: query.targetId, limit: Number(query.limit ?? 100) }) });
  });
  return router;
}
