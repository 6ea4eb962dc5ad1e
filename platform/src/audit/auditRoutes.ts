import { defineRoute, type Db, type Route } from '../kernel';
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

const auditRecordSchema = {
  type: 'object',
  required: ['id', 'at', 'username', 'action', 'targetType', 'targetId', 'details'],
  properties: {
    id: { type: 'integer' },
    at: { type: 'string', format: 'date-time' },
    username: { type: ['string', 'null'] },
    action: { type: 'string', description: '操作，如 matter.publish、session.login' },
    targetType: { type: 'string' },
    targetId: { type: ['string', 'null'] },
    details: { description: '操作的上下文（版本号、日期、意见等）' },
  },
} as const;

export function auditRoutes(deps: { db: Db }): Route[] {
  return [
    defineRoute({
      method: 'get',
      path: '/audit',
      summary: '审计记录（最新在前）：谁、何时、对什么对象做了什么；电子监察、系统管理员和法制审核可查',
      tags: ['audit'],
      access: ['supervisor', 'sysadmin', 'legal'],
      query: auditQuerySchema,
      responses: {
        '200': {
          description: '审计记录',
          schema: { type: 'object', required: ['items'], properties: { items: { type: 'array', items: auditRecordSchema } } },
        },
      },
      errors: [400, 401, 403],
      async handle({ call, query }) {
        const items = await listAudit(deps, call, {
          targetType: query.targetType,
          targetId: query.targetId,
          limit: Number(query.limit ?? 100),
        });
        return { body: { items } };
      },
    }),
  ];
}
