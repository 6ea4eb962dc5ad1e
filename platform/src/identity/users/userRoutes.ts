import { defineRoute, type Clock, type Db, type Role, type Route } from '../../kernel';
import { createStaffUser } from './createStaffUser';
import { getUser } from './getUser';
import { listUsers } from './listUsers';
import { setUserPassword } from './setUserPassword';
import { updateUser } from './updateUser';
import {
  createUserBodySchema,
  setPasswordBodySchema,
  staffUserSchema,
  updateUserBodySchema,
  userIdParamSchema,
  userPageSchema,
  usersQuerySchema,
} from './userSchemas';

const tags = ['users'];
const access = ['sysadmin'] as const;
const user = { description: '工作人员账号（不含密码）', schema: staffUserSchema };
const booleanOf = (text: string | undefined) => (text === undefined ? undefined : text === 'true');

/** Staff administration for the admin UI: system administrators only (docs/identity.md). */
export function userRoutes(deps: { db: Db; clock: Clock }): Route[] {
  return [
    defineRoute({
      method: 'get',
      path: '/users',
      summary: '工作人员账号列表（按用户名排序，可按用户名或姓名、角色、部门、是否停用筛选，分页）',
      tags,
      access,
      query: usersQuerySchema,
      responses: { '200': { description: '一页账号', schema: userPageSchema } },
      errors: [400, 401, 403],
      async handle({ call, query }) {
        const filters = {
          q: query.q?.trim() || undefined,
          role: query.role as Role | undefined,
          departmentCode: query.department,
          isDisabled: booleanOf(query.disabled),
        };
        const page = Number(query.page ?? 1);
        const pageSize = Number(query.pageSize ?? 20);
        return { body: await listUsers(deps, call, { filters, page, pageSize }) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/users/{id}',
      summary: '一个工作人员账号',
      tags,
      access,
      params: userIdParamSchema,
      responses: { '200': user },
      errors: [400, 401, 403, 404],
      async handle({ call, params }) {
        return { body: await getUser(deps, call, { id: Number(params.id) }) };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/users',
      summary: '新建工作人员账号（与命令行 user:create 同一规则；部门角色须指定在用的部门）',
      tags,
      access,
      body: { json: createUserBodySchema },
      responses: { '201': user },
      errors: [400, 401, 403, 404, 409, 415, 422],
      async handle({ call, body }) {
        return { status: 201, body: await createStaffUser(deps, call, body) };
      },
    }),
    defineRoute({
      method: 'put',
      path: '/users/{id}',
      summary: '修改账号：姓名、角色、部门、停用（带修订号；停用立即结束其会话）',
      description:
        '修订号不是最新时返回 409 USER_REVISION_CONFLICT，details.current 为当前账号。不能停用自己或撤销自己的系统管理员角色（USER_SELF_LOCKOUT），也不能去掉最后一名在用的系统管理员（LAST_SYSADMIN）。',
      tags,
      access,
      params: userIdParamSchema,
      body: { json: updateUserBodySchema },
      responses: { '200': user },
      errors: [400, 401, 403, 404, 409, 415, 422],
      async handle({ call, params, body }) {
        return { body: await updateUser(deps, call, { id: Number(params.id), ...body }) };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/users/{id}/password',
      summary: '重设密码（该用户的全部会话随即结束）',
      tags,
      access,
      params: userIdParamSchema,
      body: { json: setPasswordBodySchema },
      responses: { '204': { description: '已重设' } },
      errors: [400, 401, 403, 404, 415, 422],
      async handle({ call, params, body }) {
        await setUserPassword(deps, call, { id: Number(params.id), password: body.password });
        return { status: 204 };
      },
    }),
  ];
}
