import { defineRoute, type Db, type Route } from '../kernel';
import { listAuditPage } from './listAudit';

const civilDate = (description: string) => ({ type: 'string', format: 'date', description }) as const;

export const auditQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    targetType: { type: 'string', pattern: '^[a-z_]{1,32}$', description: '对象类型，如 matter、catalog、user、session' },
    targetId: { type: 'string', maxLength: 64, description: '对象标识，如实施编码' },
    username: { type: 'string', pattern: '^[a-z][a-z0-9_]{0,63}$', description: '操作人的用户名' },
    action: {
      type: 'string',
      pattern: '^[a-z_]{1,32}(\\.[a-z_]{1,32})?\\.?$',
      description: '操作：完整的操作（如 user.create），或以点结尾的前缀（如 user. 列出所有账号操作）',
    },
    from: civilDate('起始日期（含），北京时间的日历日，如 2026-10-01'),
    to: civilDate('截止日期（含），北京时间的日历日'),
    page: { type: 'string', pattern: '^[1-9][0-9]{0,5}$', description: '页码，从 1 起，默认 1' },
    pageSize: { type: 'string', pattern: '^([1-9]|[1-9][0-9]|1[0-9][0-9]|200)$', description: '每页条数，1-200，默认 100' },
    limit: { type: 'string', pattern: '^([1-9]|[1-9][0-9]|1[0-9][0-9]|200)$', description: 'pageSize 的旧名', deprecated: true },
    before: {
      type: 'string',
      pattern: '^[1-9][0-9]{0,15}$',
      description: '只列 id 小于此值的记录：翻页时不因新记录而错位（用上一页最后一条的 id）',
    },
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

const auditPageSchema = {
  type: 'object',
  required: ['items', 'total', 'page', 'pageSize'],
  properties: {
    items: { type: 'array', items: auditRecordSchema },
    total: { type: 'integer', minimum: 0, description: '符合条件的记录总数（不计 before）' },
    page: { type: 'integer', minimum: 1 },
    pageSize: { type: 'integer', minimum: 1 },
  },
} as const;

const numberOrUndefined = (text: string | undefined) => (text === undefined ? undefined : Number(text));

export function auditRoutes(deps: { db: Db }): Route[] {
  return [
    defineRoute({
      method: 'get',
      path: '/audit',
      summary:
        '审计记录（最新在前，分页，可按对象、操作人、操作、日期筛选）：谁、何时、对什么对象做了什么；电子监察、系统管理员和法制审核可查',
      tags: ['audit'],
      access: ['supervisor', 'sysadmin', 'legal'],
      query: auditQuerySchema,
      responses: { '200': { description: '一页审计记录', schema: auditPageSchema } },
      errors: [400, 401, 403],
      async handle({ call, query }) {
        const page = await listAuditPage(deps, call, {
          targetType: query.targetType,
          targetId: query.targetId,
          username: query.username,
          action: query.action,
          from: query.from,
          to: query.to,
          page: numberOrUndefined(query.page),
          pageSize: numberOrUndefined(query.pageSize ?? query.limit),
          before: numberOrUndefined(query.before),
        });
        return { body: page };
      },
    }),
  ];
}
