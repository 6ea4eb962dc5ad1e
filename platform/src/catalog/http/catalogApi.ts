import { errorRef, json, ok, pathParameter, queryParameters, type Paths } from '../../openapi/openApiTypes';
import { createMatterBody, diffQuerySchema, searchQuerySchema, transitionBody, updateDraftBody } from './catalogRequests';

const code = pathParameter('code', { type: 'string', pattern: '^[0-9A-Z]{19,36}$' }, '实施编码');
const version = { $ref: '#/components/schemas/MatterVersion' };
const tags = ['事项目录 catalog'];
const errors = { '400': errorRef, '401': errorRef, '403': errorRef, '404': errorRef, '409': errorRef, '422': errorRef };

export const catalogApi: Paths = {
  '/api/matters': {
    get: {
      summary: '检索事项（名称、编码、部门、类型、层级、服务对象、状态，分页）',
      description: '匿名与申请人只看到现行有效的版本；工作人员还能看到本部门（或全部，法制/监察/系统管理员）的草稿与审核中版本。',
      tags,
      parameters: queryParameters(searchQuerySchema),
      responses: { '200': ok('分页结果', { type: 'object', properties: { items: { type: 'array' }, total: { type: 'integer' }, page: { type: 'integer' }, pageSize: { type: 'integer' } } }), '400': errorRef },
    },
    post: {
      summary: '新建事项草稿（第 1 版）',
      tags,
      security: [{ session: [] }],
      requestBody: { required: true, ...json(createMatterBody) },
      responses: { '201': ok('草稿', version), ...errors },
    },
  },
  '/api/matters/{code}': {
    get: { summary: '现行有效版本', tags, parameters: [code], responses: { '200': ok('版本', version), '400': errorRef, '404': errorRef } },
  },
  '/api/matters/{code}/guide': {
    get: { summary: '办事指南（六公开、材料及其办理情形、收费、时限、咨询监督、救济途径）', tags, parameters: [code], responses: { '200': ok('办事指南'), '404': errorRef } },
  },
  '/api/matters/{code}/versions': {
    get: { summary: '版本列表（不含文档）', tags, parameters: [code], responses: { '200': ok('版本列表'), '404': errorRef } },
  },
  '/api/matters/{code}/versions/{n}': {
    get: {
      summary: '指定版本（含文档）',
      tags,
      parameters: [code, pathParameter('n', { type: 'integer', minimum: 1 }, '版本号')],
      responses: { '200': ok('版本', version), '404': errorRef },
    },
  },
  '/api/matters/{code}/diff': {
    get: {
      summary: '两个版本之间的差异（JSON Pointer 列表）',
      tags,
      parameters: [code, ...queryParameters(diffQuerySchema)],
      responses: { '200': ok('差异'), '400': errorRef, '404': errorRef },
    },
  },
  '/api/matters/{code}/draft': {
    put: {
      summary: '保存草稿（乐观并发：修订号过期返回 409，附当前草稿）',
      tags,
      security: [{ session: [] }],
      parameters: [code],
      requestBody: { required: true, ...json(updateDraftBody) },
      responses: { '200': ok('草稿', version), ...errors },
    },
  },
  '/api/matters/{code}/transitions': {
    post: {
      summary: '生命周期操作：提交审核、撤回、退回、发布（可定未来生效日）、取消、新建版本',
      tags,
      security: [{ session: [] }],
      parameters: [code],
      requestBody: { required: true, ...json(transitionBody) },
      responses: { '200': ok('操作后的版本', version), ...errors },
    },
  },
};
