import { defineRoute, type Route } from '../../kernel';
import type { IntakeDeps } from '../intakeDeps';
import { MAX_IMPACT_APPLICATIONS, materialImpact } from '../operations/materialImpact';

const versionParams = {
  type: 'object',
  required: ['code', 'n'],
  properties: { code: { type: 'string', pattern: '^[0-9A-Z]{19,36}$' }, n: { type: 'string', pattern: '^[1-9][0-9]{0,5}$' } },
} as const;

const names = { type: 'array', items: { type: 'string' } } as const;

const impactSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['days', 'applications', 'changed', 'isCapped', 'examples'],
  properties: {
    days: { type: 'integer', description: '统计最近多少天提交的申请' },
    applications: { type: 'integer', minimum: 0, description: `统计的申请数（最新的至多 ${MAX_IMPACT_APPLICATIONS} 件）` },
    changed: { type: 'integer', minimum: 0, description: '按该版本所需材料会不同的申请数' },
    isCapped: { type: 'boolean', description: '期间的申请多于统计上限，只统计了最新的部分' },
    examples: {
      type: 'array',
      maxItems: 10,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['number', 'submittedAt', 'version', 'added', 'removed'],
        properties: {
          number: { type: 'string', description: '办件编号' },
          submittedAt: { type: 'string', format: 'date-time' },
          version: { type: 'integer', description: '该申请所依据的事项版本' },
          added: { ...names, description: '按该版本需另外提交的材料' },
          removed: { ...names, description: '按该版本不再需要的材料' },
        },
      },
    },
  },
} as const;

/** What a new version would change for recent applicants: read by the staff who edit the matter. */
export function impactRoutes(deps: IntakeDeps): Route[] {
  return [
    defineRoute({
      method: 'get',
      path: '/matters/{code}/versions/{n}/impact',
      summary: '该版本（通常是草稿）对近 90 天申请的影响：多少件申请所需材料会不同，附示例',
      description:
        '每件申请的回答与表单数据，分别按其提交时的版本和该版本计算所需材料（与门户、提交校验同一计算）。本部门事项管理员与法制审核人员可用。',
      tags: ['intake'],
      access: ['dept_admin', 'legal'],
      params: versionParams,
      responses: { '200': { description: '影响', schema: impactSchema } },
      errors: [400, 401, 403, 404],
      async handle({ call, params }) {
        return { body: await materialImpact(deps, call, { code: params.code, version: Number(params.n) }) };
      },
    }),
  ];
}
