import { getMatterVersion, isFrozenVersion } from '../../catalog';
import { defineRoute, fail, javascriptModuleResponses, wholeBody, type Route } from '../../kernel';
import { formModuleFor } from '../forms/buildFormModule';
import { impactRoutes } from './impactRoutes';
import type { IntakeDeps } from '../intakeDeps';
import { getDraft, listDrafts } from '../operations/getDraft';
import { openDraft } from '../operations/openDraft';
import { getApplication, listApplications } from '../operations/readApplications';
import { saveDraft } from '../operations/saveDraft';
import { submitDraft } from '../operations/submitDraft';
import {
  applicationListSchema,
  applicationSchema,
  draftIdParams,
  draftListSchema,
  draftSchema,
  numberParams,
  openDraftBody,
  saveDraftBody,
} from './intakeSchemas';

const tags = ['intake'];
const APPLICANTS = ['citizen', 'window'] as const;
const formParams = {
  type: 'object',
  required: ['code', 'n'],
  properties: { code: { type: 'string', pattern: '^[0-9A-Z]{19,36}$' }, n: { type: 'string', pattern: '^[1-9][0-9]{0,5}$' } },
} as const;

/** Thin handlers over intake's operations; who may call is checked before any body is read. */
export function intakeRoutes(deps: IntakeDeps): Route[] {
  return [
    defineRoute({
      method: 'get',
      path: '/matters/{code}/versions/{n}/form.js',
      summary: '该版本申请表的校验函数（预编译，ES 模块）',
      description:
        '门户在严格的内容安全策略下不能编译 JSON Schema：平台用 rjsf 的编译器和服务端同一方言（2020-12）预编译，导出 version 与 validators(require)。已发布版本公开；草稿版本仅工作人员（预览）。',
      tags,
      access: 'public',
      params: formParams,
      responses: javascriptModuleResponses,
      errors: [400, 404],
      async handle({ call, params }) {
        const found = await getMatterVersion(deps, call, { code: params.code, version: Number(params.n) });
        if (!found.document.form) throw fail('NOT_FOUND', { code: params.code, version: found.version }, '该事项没有在线申请表');
        const isFrozen = isFrozenVersion(found, deps.clock.today());
        return {
          stream: wholeBody(
            formModuleFor(`${found.code}:${found.version}:${found.revision}`, {
              schema: found.document.form.schema,
              version: found.version,
            }),
          ),
          headers: { 'Content-Type': 'text/javascript; charset=utf-8' },
          cache: { policy: isFrozen ? 'immutable' : 'revalidate' },
        };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/drafts',
      summary: '开始一份申请（草稿，固定为今天现行有效的事项版本）',
      description: '申请人本人，或窗口工作人员为申请人代办（onBehalfOf，仅本部门事项）。',
      tags,
      access: APPLICANTS,
      body: { json: openDraftBody },
      responses: { '201': { description: '草稿', schema: draftSchema } },
      errors: [400, 401, 403, 404, 415, 422],
      async handle({ call, body }) {
        return { status: 201, body: await openDraft(deps, call, body) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/drafts',
      summary: '我的未提交申请（草稿）',
      tags,
      access: 'user',
      responses: { '200': { description: '草稿列表', schema: draftListSchema } },
      errors: [401],
      async handle({ call }) {
        return { body: { items: await listDrafts(deps, call) } };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/drafts/{id}',
      summary: '读取草稿（换设备、刷新后继续填写）',
      description: '事项已更新时，草稿转到现行版本，保留仍然适用的回答，并在 upgrade 中说明变化与移除的内容。',
      tags,
      access: 'user',
      params: draftIdParams,
      responses: { '200': { description: '草稿', schema: draftSchema } },
      errors: [401, 404],
      async handle({ call, params }) {
        return { body: await getDraft(deps, call, { id: params.id }) };
      },
    }),
    defineRoute({
      method: 'put',
      path: '/drafts/{id}',
      summary: '保存草稿（自动保存；修订号不符时 409）',
      tags,
      access: 'user',
      params: draftIdParams,
      body: { json: saveDraftBody },
      responses: { '200': { description: '已保存', schema: draftSchema } },
      errors: [400, 401, 403, 404, 409, 415, 422],
      async handle({ call, params, body }) {
        return {
          body: await saveDraft(deps, call, { id: params.id, ...body, formData: body.formData as Record<string, unknown> }),
        };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/drafts/{id}/submit',
      summary: '提交申请：服务端重新校验全部内容，编号并出具材料接收凭证',
      description:
        '须携带 Idempotency-Key：网络中断后用同一键重试，得到同一份申请（200），不会重复提交。校验不通过时 422 APPLICATION_INVALID，issues 指向 /formData/…、/answers/… 与 /materials/{materialId}，什么也不保存。',
      tags,
      access: 'user',
      params: draftIdParams,
      requestHeaders: {
        'idempotency-key': {
          description: '本次提交的唯一键（如 UUID），重试时不变',
          pattern: '^[A-Za-z0-9_-]{8,100}$',
          isRequired: true,
          errorCode: 'IDEMPOTENCY_KEY_REQUIRED',
        },
      },
      responses: {
        '201': { description: '已提交', schema: applicationSchema },
        '200': { description: '同一键的重试：原来的申请', schema: applicationSchema },
      },
      errors: [400, 401, 403, 404, 409, 422, 503],
      async handle({ call, params, headers }) {
        const key = headers['idempotency-key'] as string;
        const { application, isReplay } = await submitDraft(deps, call, { id: params.id, idempotencyKey: key });
        return { status: isReplay ? 200 : 201, body: application };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/applications',
      summary: '我的办件',
      description: '申请人：本人提交的和窗口为本人代办的（按身份证号）；窗口工作人员：本人代办的。',
      tags,
      access: 'user',
      responses: { '200': { description: '办件列表', schema: applicationListSchema } },
      errors: [401],
      async handle({ call }) {
        return { body: { items: await listApplications(deps, call) } };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/applications/{number}',
      summary: '办件详情：材料接收凭证的内容与办理进程',
      tags,
      access: 'user',
      params: numberParams,
      responses: { '200': { description: '办件', schema: applicationSchema } },
      errors: [401, 404],
      async handle({ call, params }) {
        return { body: await getApplication(deps, call, { number: params.number }) };
      },
    }),
    ...impactRoutes(deps),
  ];
}
