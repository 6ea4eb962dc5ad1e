import { defineRoute, type Clock, type Db, type Route } from '../kernel';
import { createDepartment } from './createDepartment';
import { departmentSchema } from './Department';
import { listDepartments } from './departmentStore';
import { updateDepartment } from './updateDepartment';

const tags = ['departments'];
const uscc = {
  type: 'string',
  pattern: '^[0-9A-HJ-NPQRTUWXY]{18}$',
  description: '统一社会信用代码（18 位，含校验位）',
} as const;

const departmentFields = {
  name: { type: 'string', minLength: 1, maxLength: 100, pattern: '\\S', description: '部门全称（唯一）' },
  shortName: { type: ['string', 'null'], maxLength: 50, description: '简称；空串视为没有' },
  region: { type: 'string', pattern: '^[0-9]{6}$', description: '行政区划代码（6 位）：该部门所在地区，对应该地区的工作日历' },
} as const;

export const createDepartmentBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['code', 'name', 'shortName', 'region'],
  properties: { code: uscc, ...departmentFields },
} as const;

export const updateDepartmentBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'shortName', 'region', 'isDisabled'],
  properties: {
    ...departmentFields,
    isDisabled: { type: 'boolean', description: '停用：保留其人员、事项与办件，但不再分配新的人员' },
  },
} as const;

const departmentListQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { include: { enum: ['disabled'], description: 'disabled：也列出已停用的部门（管理界面用）' } },
} as const;

const department = { description: '部门', schema: departmentSchema };

/** The centre's departments: the list is public (the guide and the portal name them); writes are the sysadmin's. */
export function departmentsRoutes(deps: { db: Db; clock: Clock }): Route[] {
  return [
    defineRoute({
      method: 'get',
      path: '/departments',
      summary: '部门列表（统一社会信用代码、名称、简称、行政区划）；默认只列在用的部门',
      tags,
      access: 'public',
      query: departmentListQuery,
      responses: {
        '200': {
          description: '部门',
          schema: { type: 'object', required: ['items'], properties: { items: { type: 'array', items: departmentSchema } } },
        },
      },
      errors: [],
      async handle({ query }) {
        const all = await listDepartments(deps.db);
        return { body: { items: query.include === 'disabled' ? all : all.filter((d) => !d.isDisabled) } };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/departments',
      summary: '新建部门（系统管理员）',
      tags,
      access: ['sysadmin'],
      body: { json: createDepartmentBodySchema },
      responses: { '201': department },
      errors: [400, 401, 403, 409, 415, 422],
      async handle({ call, body }) {
        return { status: 201, body: await createDepartment(deps, call, body) };
      },
    }),
    defineRoute({
      method: 'put',
      path: '/departments/{code}',
      summary: '修改部门：名称、简称、行政区划、停用（系统管理员；统一社会信用代码不可改）',
      tags,
      access: ['sysadmin'],
      params: { type: 'object', required: ['code'], properties: { code: uscc } },
      body: { json: updateDepartmentBodySchema },
      responses: { '200': department },
      errors: [400, 401, 403, 404, 415, 422],
      async handle({ call, params, body }) {
        return { body: await updateDepartment(deps, call, { code: params.code, ...body }) };
      },
    }),
  ];
}
