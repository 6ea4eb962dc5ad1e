import { defineRoute, type Route } from '../../kernel';
import type { CaseDeps } from '../caseDeps';
import { actOnCase } from '../operations/actOnCase';
import { getCase, listAcceptanceCases } from '../operations/readCases';
import { caseActionBody, caseNumberParams, caseQueueQuery, caseQueueSchema, caseSchema } from './caseSchemas';

const tags = ['cases'];
/** Who reads cases: a department's staff (their own department) and the centre-wide roles. */
const READERS = ['window', 'reviewer', 'chief', 'dept_admin', 'legal', 'supervisor'] as const;

/** Thin handlers over the case operations; who may call is checked before any body is read. */
export function caseRoutes(deps: CaseDeps): Route[] {
  return [
    defineRoute({
      method: 'get',
      path: '/cases',
      summary: '本部门的待受理办件（绿色通道优先，先收先办）',
      tags,
      access: ['window', 'reviewer', 'chief', 'dept_admin'],
      query: caseQueueQuery,
      responses: { '200': { description: '待受理的办件', schema: caseQueueSchema } },
      errors: [400, 401, 403],
      async handle({ call }) {
        return { body: { items: await listAcceptanceCases(deps, call) } };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/cases/{number}',
      summary: '办件的办理状态：受理、时限（由日历推算）、在办环节、补正事项',
      tags,
      access: READERS,
      params: caseNumberParams,
      responses: { '200': { description: '办件', schema: caseSchema } },
      errors: [401, 403, 404],
      async handle({ call, params }) {
        return { body: await getCase(deps, call, { number: params.number }) };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/cases/{number}/actions',
      summary: '窗口受理决定：受理、不予受理、一次性告知补正、即办件当场办结',
      description:
        '仅限该办件所属部门的窗口工作人员。revision 须为读到的版本号，否则 409 CASE_REVISION_CONFLICT；同一 idempotencyKey 的重试得到第一次的结果，不再写入。',
      tags,
      access: ['window'],
      params: caseNumberParams,
      body: { json: caseActionBody },
      responses: { '200': { description: '操作后的办件（重试时为第一次的结果）', schema: caseSchema } },
      errors: [400, 401, 403, 404, 409, 422],
      async handle({ call, params, body }) {
        const { view } = await actOnCase(deps, call, { number: params.number, input: body });
        return { body: view };
      },
    }),
  ];
}
