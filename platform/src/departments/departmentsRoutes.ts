import { defineRoute, type Db, type Route } from '../kernel';
import { departmentSchema } from './Department';
import { listDepartments } from './departmentStore';

/** The centre's departments: public, since the guide and the portal name them. */
export function departmentsRoutes(deps: { db: Db }): Route[] {
  return [
    defineRoute({
      method: 'get',
      path: '/departments',
      summary: '部门列表（统一社会信用代码、名称、简称、行政区划）',
      tags: ['departments'],
      access: 'public',
      responses: {
        '200': {
          description: '部门',
          schema: { type: 'object', required: ['items'], properties: { items: { type: 'array', items: departmentSchema } } },
        },
      },
      errors: [],
      async handle() {
        return { body: { items: await listDepartments(deps.db) } };
      },
    }),
  ];
}
