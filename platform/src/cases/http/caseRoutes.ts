import { defineRoute, type Route } from '../../kernel';
import type { CaseDeps } from '../caseDeps';
import { actOnCase } from '../operations/actOnCase';
import { actOnTask, TASK_ACTORS } from '../operations/actOnTask';
import { completeCase } from '../operations/completeCase';
import { listTaskQueue } from '../operations/listTaskQueue';
import { setGreenChannel } from '../operations/setGreenChannel';
import { setStaffPost } from '../operations/setStaffPost';
import { getCase, listAcceptanceCases } from '../operations/readCases';
import {
  caseActionBody,
  caseNumberParams,
  caseQueueQuery,
  caseQueueSchema,
  caseSchema,
  completionBody,
  greenChannelBody,
  staffPostBody,
  staffPostParams,
  staffPostSchema,
  taskActionBody,
  taskParams,
} from './caseSchemas';

const tags = ['cases'];
/** Who reads cases: a department's staff (their own department) and the centre-wide roles. */
const READERS = ['window', 'reviewer', 'chief', 'dept_admin', 'legal', 'supervisor'] as const;

/** Thin handlers over the case operations; who may call is checked before any body is read. */
export function caseRoutes(deps: CaseDeps): Route[] {
  return [
    defineRoute({
      method: 'get',
      path: '/cases',
      summary: '办件队列：待受理（acceptance）、我的待办（mine）、本部门待认领（department）；绿色通道优先，再按期限',
      tags,
      access: ['window', 'reviewer', 'chief', 'dept_admin'],
      query: caseQueueQuery,
      responses: { '200': { description: '队列中的办件或任务', schema: caseQueueSchema } },
      errors: [400, 401, 403],
      async handle({ call, query }) {
        const items =
          query.queue === 'acceptance'
            ? await listAcceptanceCases(deps, call)
            : await listTaskQueue(deps, call, { queue: query.queue });
        return { body: { items } };
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
    defineRoute({
      method: 'post',
      path: '/cases/{number}/tasks/{taskId}/actions',
      summary: '办理环节任务：通过、退回、转办、加签、认领、准予、不予许可、终止、催办',
      description:
        '仅限该环节所属部门、对应岗位的工作人员（认领后仅限承办人，加签人只能通过）；催办限本部门首席代表或监督人员。revision 须为读到的版本号，否则 409 CASE_REVISION_CONFLICT；同一 idempotencyKey 的重试得到第一次的结果。',
      tags,
      access: TASK_ACTORS,
      params: taskParams,
      body: { json: taskActionBody },
      responses: { '200': { description: '操作后的办件（重试时为第一次的结果）', schema: caseSchema } },
      errors: [400, 401, 403, 404, 409, 422],
      async handle({ call, params, body }) {
        const { view } = await actOnTask(deps, call, { number: params.number, taskId: params.taskId, input: body });
        return { body: view };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/cases/{number}/completion',
      summary: '办结送达：窗口领取或邮寄（快递单号）',
      description: '仅限该办件所属部门的窗口工作人员，且办件已作出决定。',
      tags,
      access: ['window'],
      params: caseNumberParams,
      body: { json: completionBody },
      responses: { '200': { description: '办结后的办件（重试时为第一次的结果）', schema: caseSchema } },
      errors: [400, 401, 403, 404, 409, 422],
      async handle({ call, params, body }) {
        const { view } = await completeCase(deps, call, { number: params.number, input: body });
        return { body: view };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/cases/{number}/green-channel',
      summary: '绿色通道：开通或取消（本部门首席代表），开通后在各队列中排在最前',
      tags,
      access: ['chief'],
      params: caseNumberParams,
      body: { json: greenChannelBody },
      responses: { '200': { description: '操作后的办件（重试时为第一次的结果）', schema: caseSchema } },
      errors: [400, 401, 403, 404, 409, 422],
      async handle({ call, params, body }) {
        const { view } = await setGreenChannel(deps, call, { number: params.number, input: body });
        return { body: view };
      },
    }),
    defineRoute({
      method: 'put',
      path: '/staff-posts/{userId}',
      summary: 'A/B 岗：指定 B 岗、标记 A 岗缺岗或到岗（本部门管理员）',
      description: 'A 岗缺岗时，其承办的任务出现在 B 岗的“我的待办”中并由 B 岗办理，转办给 A 岗的任务转给 B 岗。',
      tags,
      access: ['dept_admin'],
      params: staffPostParams,
      body: { json: staffPostBody },
      responses: { '200': { description: '保存后的 A/B 岗', schema: staffPostSchema } },
      errors: [400, 401, 403, 404, 422],
      async handle({ call, params, body }) {
        return { body: await setStaffPost(deps, call, { userId: Number(params.userId), ...body }) };
      },
    }),
  ];
}
