import { defineRoute, type Route } from '../../kernel';
import type { CaseDeps } from '../caseDeps';
import { actOnCase } from '../operations/actOnCase';
import { SUPPLEMENT_ANSWERERS, answerSupplement } from '../operations/answerSupplement';
import { readCaseProgress } from '../operations/readCaseProgress';
import { caseProgressSchema, supplementAnswerBody, supplementAnsweredSchema } from './applicantSchemas';
import { actOnTask, TASK_ACTORS } from '../operations/actOnTask';
import { withdrawCase } from '../operations/withdrawCase';
import { readCaseWarnings } from '../warnings/readCaseWarnings';
import { completeCase } from '../operations/completeCase';
import { attachResult } from '../operations/attachResult';
import { listTaskQueue } from '../operations/listTaskQueue';
import { readTask } from '../operations/readTask';
import { readTaskColleagues } from '../operations/readTaskColleagues';
import { setGreenChannel } from '../operations/setGreenChannel';
import { setStaffPost } from '../operations/setStaffPost';
import { getCase, listAcceptanceCases } from '../operations/readCases';
import {
  caseActionBody,
  caseNumberParams,
  caseQueueQuery,
  caseQueueSchema,
  caseSchema,
  caseWarningsSchema,
  completionBody,
  greenChannelBody,
  resultBody,
  staffPostBody,
  staffPostParams,
  staffPostSchema,
  taskActionBody,
  taskColleaguesSchema,
  taskParams,
  taskSchema,
  withdrawalBody,
  withdrawnSchema,
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
      summary: '办件操作：受理、不予受理、一次性告知补正、即办件当场办结；特别程序的启动与结束、延长期限',
      description:
        '受理类操作仅限该办件所属部门的窗口工作人员；特别程序限在办任务的承办人（结束也可由本部门首席代表），延长期限限本部门首席代表。revision 须为读到的版本号，否则 409 CASE_REVISION_CONFLICT；同一 idempotencyKey 的重试得到第一次的结果，不再写入。',
      tags,
      access: ['window', 'reviewer', 'chief'],
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
      method: 'get',
      path: '/cases/{number}/tasks/{taskId}',
      summary: '一个在办任务：环节期限、本环节提供的操作、可退回的环节、当前用户可做的操作',
      tags,
      access: [...TASK_ACTORS, 'dept_admin'],
      params: taskParams,
      responses: { '200': { description: '在办任务', schema: taskSchema } },
      errors: [401, 403, 404, 409],
      async handle({ call, params }) {
        return { body: await readTask(deps, call, { number: params.number, taskId: params.taskId }) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/cases/{number}/tasks/{taskId}/colleagues',
      summary: '转办、加签可选的人员：本环节承办部门中可接办或可会签的在岗人员',
      description: '仅限可办理该任务的人员（该环节所属部门、对应岗位）。',
      tags,
      access: TASK_ACTORS,
      params: taskParams,
      responses: { '200': { description: '可选的人员', schema: taskColleaguesSchema } },
      errors: [401, 403, 404, 409],
      async handle({ call, params }) {
        return { body: await readTaskColleagues(deps, call, { number: params.number, taskId: params.taskId }) };
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
      description: '仅限该办件所属部门的窗口工作人员，且办件已作出决定。准予许可的可同时附上结果文件（resultFileId）。',
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
      path: '/cases/{number}/result',
      summary: '附上许可结果文件（证照扫描件或电子证照），申请人可在“我的办件”下载',
      description:
        '仅限该办件所属部门的首席代表或窗口工作人员，且办件已准予许可（已作出决定或已办结）。文件须先以 caseNumber 上传到 POST /api/files（PDF、JPG、PNG）。再次上传替换前一份。revision 须为读到的版本号；同一 idempotencyKey 的重试得到第一次的结果。',
      tags,
      access: ['chief', 'window'],
      params: caseNumberParams,
      body: { json: resultBody },
      responses: { '200': { description: '附上结果后的办件（重试时为第一次的结果）', schema: caseSchema } },
      errors: [400, 401, 403, 404, 409, 422],
      async handle({ call, params, body }) {
        const { view } = await attachResult(deps, call, { number: params.number, input: body });
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
    defineRoute({
      method: 'get',
      path: '/cases/{number}/progress',
      summary: '申请人查看办件进度：当前状态、待补正事项、预计办结日期、每一步的办理情况',
      description:
        '仅限申请人本人（按实名身份证号）或代办的窗口工作人员；他人的编号与不存在的一样答 404。不含经办人员姓名与内部意见。',
      tags,
      access: SUPPLEMENT_ANSWERERS,
      params: caseNumberParams,
      responses: { '200': { description: '办件进度', schema: caseProgressSchema } },
      errors: [401, 403, 404],
      async handle({ call, params }) {
        return { body: await readCaseProgress(deps, call, { number: params.number }) };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/cases/{number}/supplement',
      summary: '申请人按一次性告知补正：只提交通知列出的材料和字段',
      description:
        '仅限申请人本人或代办的窗口工作人员，且办件待补正。materials 只含通知列出的材料（文件先以 applicationNumber 上传），formData 只含通知列出的字段；整份申请按所固定的事项版本重新校验（SUPPLEMENT_ANSWER_INVALID，issues 指向 /materials/… 与 /formData/…），什么也不保存。成功后办件回到待受理，受理期限自今日起重新计算。同一 idempotencyKey 的重试得到第一次的结果。',
      tags,
      access: SUPPLEMENT_ANSWERERS,
      params: caseNumberParams,
      body: { json: supplementAnswerBody },
      responses: { '200': { description: '补正后的办件状态（重试时为第一次的结果）', schema: supplementAnsweredSchema } },
      errors: [400, 401, 403, 404, 409, 422],
      async handle({ call, params, body }) {
        const input = { ...body, formData: body.formData as Record<string, unknown> | undefined };
        const { answer } = await answerSupplement(deps, call, { number: params.number, input });
        return { body: answer };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/cases/{number}/warnings',
      summary: '办件的预警：黄牌、到期、超期、环节超时、多次补正、受理后无办理记录（每种一次）',
      tags,
      access: READERS,
      params: caseNumberParams,
      responses: { '200': { description: '预警，按时间先后', schema: caseWarningsSchema } },
      errors: [401, 403, 404],
      async handle({ call, params }) {
        return { body: { items: await readCaseWarnings(deps, call, { number: params.number }) } };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/cases/{number}/withdrawal',
      summary: '申请人撤回申请（作出决定前）',
      description:
        '仅限申请人本人或代办的窗口工作人员；他人的编号与不存在的一样答 404。已作出决定、已办结或已撤回的办件答 409 CASE_ACTION_NOT_ALLOWED。撤回后计时停止，待办任务关闭，期限与预警全部取消。同一 idempotencyKey 的重试得到第一次的结果。',
      tags,
      access: SUPPLEMENT_ANSWERERS,
      params: caseNumberParams,
      body: { json: withdrawalBody },
      responses: { '200': { description: '撤回后的办件状态（重试时为第一次的结果）', schema: withdrawnSchema } },
      errors: [400, 401, 403, 404, 409, 422],
      async handle({ call, params, body }) {
        const { answer } = await withdrawCase(deps, call, { number: params.number, input: body });
        return { body: answer };
      },
    }),
  ];
}
