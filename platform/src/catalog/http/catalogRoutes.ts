import {
  cacheHeaders,
  javascriptModuleResponses,
  defineRoute,
  isStaff,
  notModified,
  wholeBody,
  type Call,
  type Clock,
  type Db,
  type Reply,
  type Route,
} from '../../kernel';
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
import { isFrozenVersion } from '../MatterVersion';
import { createPublicReadCache, type PublicReadCache } from '../publicReads/PublicReadCache';

const tags = ['事项目录 catalog'];
const version = { description: '版本', schema: matterVersionSchema, headers: cacheHeaders };

/**
 * A public read through the cache: every reader outside the centre sees the same answer, so it is
 * kept and tagged; staff read the database each time and their answer stays private (`http/`).
 */
async function publicRead<T>(
  cache: PublicReadCache,
  clock: Clock,
  call: Call,
  key: string,
  load: () => Promise<T>,
): Promise<{ value: T; etag?: string }> {
  if (isStaff(call.actor)) return { value: await load() };
  return cache.get(key, clock.today(), load);
}

const revalidate = (etag: string | undefined): Reply['cache'] => ({ policy: 'revalidate', ...(etag ? { etag } : {}) });
const writeErrors = [400, 401, 403, 404, 409, 415, 422];

/** Thin handlers: the request is validated by `http/` from these schemas; each calls one operation. */

export function catalogRoutes(
  deps: { db: Db; clock: Clock } & CatalogSettings,
  cache: PublicReadCache = createPublicReadCache({ db: deps.db }),
): Route[] {
  const read = <T>(call: Call, key: string, load: () => Promise<T>) => publicRead(cache, deps.clock, call, key, load);
  // A write through this process is seen by the next read, not a revalidation later.
  const written = <T>(value: T): T => {
    cache.invalidate();
    return value;
  };
  return [
    defineRoute({
      method: 'get',
      path: '/matters',
      summary: '检索事项（名称、编码、部门、类型、层级、服务对象、状态，分页）',
      description: '匿名与申请人只看到现行有效的版本；工作人员还能看到本部门（或全部，法制/监察/系统管理员）的草稿与审核中版本。',
      tags,
      access: 'public',
      query: searchQuerySchema,
      responses: { '200': { description: '分页结果', schema: searchPageSchema, headers: cacheHeaders }, ...notModified },
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
          hasThemeFacets: query.facets === 'themes',
          page: Number(query.page ?? 1),
          pageSize: Number(query.pageSize ?? 20),
        };
        const page = await read(call, `search ${JSON.stringify(search)}`, () => searchMatters(deps, call, { search }));
        return { body: page.value, cache: revalidate(page.etag) };
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
        return { status: 201, body: written(await createDraft(deps, call, { document: body.document })) };
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
      responses: { '200': version, ...notModified },
      errors: [400, 404],
      async handle({ call, params }) {
        const current = await read(call, `matter ${params.code}`, () => getCurrentMatter(deps, call, { code: params.code }));
        return { body: current.value, cache: revalidate(current.etag) };
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
      responses: { '200': { description: '办事指南', schema: guideSchema, headers: cacheHeaders }, ...notModified },
      errors: [400, 404],
      async handle({ call, params }) {
        const guide = await read(call, `guide ${params.code}`, () => getGuide(deps, call, { code: params.code }));
        return { body: guide.value, cache: revalidate(guide.etag) };
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
          headers: cacheHeaders,
        },
        ...notModified,
      },
      errors: [400, 404],
      async handle({ call, params }) {
        const page = await read(call, `guide.html ${params.code}`, () => getGuidePage(deps, call, { code: params.code }));
        return {
          stream: wholeBody(page.value),
          cache: revalidate(page.etag),
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
      responses: { '200': version, ...notModified },
      errors: [400, 404],
      async handle({ call, params }) {
        const key = `version ${params.code} ${params.n}`;
        // Its status moves on (superseded, retired) though its document does not: revalidated.
        const found = await read(call, key, () => getMatterVersion(deps, call, { code: params.code, version: Number(params.n) }));
        return { body: found.value, cache: revalidate(found.etag) };
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
      responses: javascriptModuleResponses,
      errors: [400, 404],
      async handle({ call, params }) {
        const today = deps.clock.today();
        const built = await read(call, `conditions.js ${params.code} ${params.n}`, async () => {
          const found = await getMatterVersion(deps, call, { code: params.code, version: Number(params.n) });
          const isFrozen = isFrozenVersion(found, today);
          return { module: buildConditionModule({ document: found.document, version: found.version }), isFrozen };
        });
        return {
          stream: wholeBody(built.value.module),
          headers: { 'Content-Type': 'text/javascript; charset=utf-8' },
          cache: built.value.isFrozen ? { policy: 'immutable' } : revalidate(built.etag),
        };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/matters/{code}/diff',
      summary: '两个版本之间的差异（JSON Pointer 列表与按分区的文字说明）',
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
        return {
          body: written(await updateDraft(deps, call, { code: params.code, revision: body.revision, document: body.document })),
        };
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
        return { body: written(await transitionMatter(deps, call, { code: params.code, request: body })) };
      },
    }),
  ];
}
