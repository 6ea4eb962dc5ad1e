import { defineRoute, type Clock, type Db, type Route } from '../../kernel';
import type { MatterStatus } from '../MatterVersion';
import type { CatalogSettings } from '../quality';
import { createDraft } from '../operations/createDraft';
import { diffVersions } from '../operations/diffVersions';
import { buildConditionModule } from '../conditions/buildConditionModule';
import { getGuide, getGuidePage } from '../operations/getGuide';
import { getCurrentMatter, getMatterVersion, getMatterVersions } from '../operations/readMatters';
import { searchMatters } from '../operations/searchMatters';
import { transitionMatter } from '../operations/transitionMatter';
import { updateDraft } from '../operations/updateDraft';
import {
  codeParamSchema,
  createMatterBody,
  diffQuerySchema,
  searchQuerySchema,
  transitionBody,
  updateDraftBody,
  versionParamSchema,
} from './catalogRequests';
import { diffSchema, matterVersionSchema, searchPageSchema, versionListSchema } from './catalogResponses';
import { guideSchema } from './guideResponses';

const tags = ['事项目录 catalog'];
const version = { description: '版本', schema: matterVersionSchema };
const writeErrors = [400, 401, 403, 404, 409, 415, 422];

/** Thin handlers: the request is validated by `http/` from these schemas; each calls one operation. */
/** A body that is not JSON but is ready whole (a page, a module): the stream a Reply carries, in one chunk. */
async function* wholeBody(text: string): AsyncIterable<string> {
  yield text;
}

export function catalogRoutes(deps: { db: Db; clock: Clock } & CatalogSettings): Route[] {
  return [
    defineRoute({
      method: 'get',
      path: '/matters',
      summary: '检索事项（名称、编码、部门、类型、层级、服务对象、状态，分页）',
      description: '匿名与申请人只看到现行有效的版本；工作人员还能看到本部门（或全部，法制/监察/系统管理员）的草稿与审核中版本。',
      tags,
      access: 'public',
      query: searchQuerySchema,
      responses: { '200': { description: '分页结果', schema: searchPageSchema } },
      errors: [400],
      async handle({ call, query }) {
        const search = {
          q: query.q?.trim() || undefined,
          theme: query.theme,
          audience: query.audience as 'personal' | 'corporate' | undefined,
          code: query.code,
          department: query.department,
          type: query.type,
          level: query.level,
          object: query.object,
          status: query.status as MatterStatus | undefined,
          page: Number(query.page ?? 1),
          pageSize: Number(query.pageSize ?? 20),
        };
        return { body: await searchMatters(deps, call, { search }) };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/matters',
      summary: '新建事项草稿（第 1 版）',
      tags,
      access: ['dept_admin', 'legal'],
      body: { json: createMatterBody },
      responses: { '201': { description: '草稿', schema: matterVersionSchema } },
      errors: writeErrors,
      async handle({ call, body }) {
        return { status: 201, body: await createDraft(deps, call, { document: body.document }) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/matters/{code}',
      summary: '现行有效版本',
      tags,
      access: 'public',
      params: codeParamSchema,
      paramsErrorCode: 'MATTER_CODE_INVALID',
      responses: { '200': version },
      errors: [400, 404],
      async handle({ call, params }) {
        return { body: await getCurrentMatter(deps, call, { code: params.code }) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/matters/{code}/guide',
      summary: '办事指南（六公开、材料及其办理情形、收费、时限、咨询监督、救济途径）',
      tags,
      access: 'public',
      params: codeParamSchema,
      paramsErrorCode: 'MATTER_CODE_INVALID',
      responses: { '200': { description: '办事指南', schema: guideSchema } },
      errors: [400, 404],
      async handle({ call, params }) {
        return { body: await getGuide(deps, call, { code: params.code }) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/matters/{code}/guide.html',
      summary: '办事指南（可打印的 A4 网页）',
      description: '与 /guide 同一内容的独立 HTML 页面（中文、无脚本、无外部资源），可直接打印或另存为 PDF。',
      tags,
      access: 'public',
      params: codeParamSchema,
      paramsErrorCode: 'MATTER_CODE_INVALID',
      responses: {
        '200': {
          description: '办事指南网页',
          mediaTypes: ['text/html'],
          schema: { type: 'string', contentMediaType: 'text/html' },
        },
      },
      errors: [400, 404],
      async handle({ call, params }) {
        const page = await getGuidePage(deps, call, { code: params.code });
        return {
          stream: wholeBody(page),
          headers: {
            'Content-Type': 'text/html; charset=utf-8',
            // The page is public and carries staff-typed text: nothing may run, load or frame it.
            'Content-Security-Policy':
              "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
          },
        };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/matters/{code}/versions',
      summary: '版本列表（不含文档）',
      tags,
      access: 'public',
      params: codeParamSchema,
      paramsErrorCode: 'MATTER_CODE_INVALID',
      responses: { '200': { description: '版本列表', schema: versionListSchema } },
      errors: [400, 404],
      async handle({ call, params }) {
        const versions = await getMatterVersions(deps, call, { code: params.code });
        // The list is an index: documents are fetched per version.
        return { body: { items: versions.map(({ document: _document, ...summary }) => summary) } };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/matters/{code}/versions/{n}',
      summary: '指定版本（含文档）',
      tags,
      access: 'public',
      params: versionParamSchema,
      responses: { '200': version },
      errors: [400, 404],
      async handle({ call, params }) {
        return { body: await getMatterVersion(deps, call, { code: params.code, version: Number(params.n) }) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/matters/{code}/versions/{n}/conditions.js',
      summary: '该版本的条件（预编译的校验函数，ES 模块）',
      description:
        '门户在严格的内容安全策略（无 unsafe-eval）下不能编译 JSON Schema，由平台用同一 Ajv 配置预编译；导出 version 与 conditions(require)，按 JSON Pointer 给出每个条件的校验函数。',
      tags,
      access: 'public',
      params: versionParamSchema,
      responses: {
        '200': {
          description: 'ES 模块',
          mediaTypes: ['text/javascript'],
          schema: { type: 'string', contentMediaType: 'text/javascript' },
        },
      },
      errors: [400, 404],
      async handle({ call, params }) {
        const found = await getMatterVersion(deps, call, { code: params.code, version: Number(params.n) });
        const module = buildConditionModule({ document: found.document, version: found.version });
        // A published version never changes and anyone may read it; a draft changes under its number.
        const isFrozen = found.status === 'published';
        return {
          stream: wholeBody(module),
          headers: {
            'Content-Type': 'text/javascript; charset=utf-8',
            'Cache-Control': isFrozen ? 'public, max-age=86400' : 'private, no-store',
          },
        };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/matters/{code}/diff',
      summary: '两个版本之间的差异（JSON Pointer 列表）',
      tags,
      access: 'public',
      params: codeParamSchema,
      paramsErrorCode: 'MATTER_CODE_INVALID',
      query: diffQuerySchema,
      responses: { '200': { description: '差异', schema: diffSchema } },
      errors: [400, 404],
      async handle({ call, params, query }) {
        return { body: await diffVersions(deps, call, { code: params.code, from: Number(query.from), to: Number(query.to) }) };
      },
    }),
    defineRoute({
      method: 'put',
      path: '/matters/{code}/draft',
      summary: '保存草稿（乐观并发：修订号过期返回 409，附当前草稿）',
      tags,
      access: ['dept_admin', 'legal'],
      params: codeParamSchema,
      paramsErrorCode: 'MATTER_CODE_INVALID',
      body: { json: updateDraftBody },
      responses: { '200': version },
      errors: writeErrors,
      async handle({ call, params, body }) {
        return { body: await updateDraft(deps, call, { code: params.code, revision: body.revision, document: body.document }) };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/matters/{code}/transitions',
      summary: '生命周期操作：提交审核、撤回、退回、发布（可定未来生效日）、取消、新建版本、撤销或改定发布计划',
      description:
        '每种操作只接受自己的字段（如 retire 只接受 cancelDate，publish 与 reschedule 只接受 effectiveDate），其他字段返回 422。' +
        '取消事项时，尚未生效的后续版本的发布计划一并撤销，该版本回到审核中。生效日期最晚为今天起三年。',
      tags,
      access: ['dept_admin', 'legal'],
      params: codeParamSchema,
      paramsErrorCode: 'MATTER_CODE_INVALID',
      body: { json: transitionBody },
      responses: { '200': { description: '操作后的版本', schema: matterVersionSchema } },
      errors: writeErrors,
      async handle({ call, params, body }) {
        return { body: await transitionMatter(deps, call, { code: params.code, request: body }) };
      },
    }),
  ];
}
