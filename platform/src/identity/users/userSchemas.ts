import { ROLES, type Role } from '../../kernel';
import { MAX_DISPLAY_NAME_LENGTH, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../userRules';

/** Request and response schemas of /api/users: validated at the boundary and published in OpenAPI. */
export const STAFF_ROLES = ROLES.filter((role): role is Exclude<Role, 'citizen'> => role !== 'citizen');

const uscc = { type: 'string', pattern: '^[0-9A-HJ-NPQRTUWXY]{18}$', description: '所属部门的统一社会信用代码' } as const;
const role = {
  enum: STAFF_ROLES,
  description:
    '角色：window 窗口、reviewer 审核、chief 科室负责人、dept_admin 部门管理员（须指定部门）；legal 法制、supervisor 监察、sysadmin 系统管理员（不属于部门）',
} as const;
const displayName = {
  type: 'string',
  maxLength: 100,
  description: `姓名，去掉首尾空白后 1-${MAX_DISPLAY_NAME_LENGTH} 个字符`,
} as const;
const departmentCode = { anyOf: [uscc, { type: 'null' }], description: '部门角色必填，其他角色须为 null' } as const;
const password = {
  type: 'string',
  maxLength: MAX_PASSWORD_LENGTH,
  description: `初始密码，${MIN_PASSWORD_LENGTH}-${MAX_PASSWORD_LENGTH} 个字符（与命令行 user:create 同一规则）`,
} as const;
/** PostgreSQL integers; anything larger could never match and must not reach SQL. */
const revision = { type: 'integer', minimum: 1, maximum: 2147483647, description: '编辑时读到的修订号' } as const;

export const staffUserSchema = {
  type: 'object',
  additionalProperties: false,
  required: [
    'id',
    'username',
    'displayName',
    'role',
    'departmentCode',
    'departmentName',
    'isDisabled',
    'revision',
    'createdAt',
    'updatedAt',
  ],
  properties: {
    id: { type: 'integer' },
    username: { type: 'string' },
    displayName: { type: 'string' },
    role: { enum: STAFF_ROLES },
    departmentCode: { type: ['string', 'null'] },
    departmentName: { type: ['string', 'null'] },
    isDisabled: { type: 'boolean', description: '已停用：不能登录，已有会话在停用时结束' },
    revision: { type: 'integer', minimum: 1, description: '修改时须原样带回（乐观并发）' },
    createdAt: { type: 'string', format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
  },
} as const;

export const userPageSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['items', 'total', 'page', 'pageSize'],
  properties: {
    items: { type: 'array', items: staffUserSchema },
    total: { type: 'integer', minimum: 0 },
    page: { type: 'integer', minimum: 1 },
    pageSize: { type: 'integer', minimum: 1 },
  },
} as const;

export const userIdParamSchema = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', pattern: '^[1-9][0-9]{0,8}$', description: '用户 id' } },
} as const;

export const usersQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    q: { type: 'string', maxLength: 50, description: '用户名或姓名中的一段' },
    role: { enum: STAFF_ROLES, description: '角色' },
    department: uscc,
    disabled: { enum: ['true', 'false'], description: 'true 只列已停用的，false 只列在用的' },
    page: { type: 'string', maxLength: 5, pattern: '^[1-9][0-9]{0,4}$', description: '页码，从 1 开始' },
    pageSize: { type: 'string', maxLength: 3, pattern: '^([1-9]|[1-9][0-9]|100)$', description: '每页条数，1-100，默认 20' },
  },
} as const;

export const createUserBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['username', 'displayName', 'role', 'departmentCode', 'password'],
  properties: {
    username: { type: 'string', maxLength: 64, description: '用户名：小写字母开头，3-32 位小写字母、数字或下划线' },
    displayName,
    role,
    departmentCode,
    password,
  },
} as const;

export const updateUserBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['revision', 'displayName', 'role', 'departmentCode', 'isDisabled'],
  properties: {
    revision,
    displayName,
    role,
    departmentCode,
    isDisabled: { type: 'boolean', description: '停用后不能登录，已有会话立即结束' },
  },
} as const;

export const setPasswordBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['password'],
  properties: { password: { ...password, description: `新密码，${MIN_PASSWORD_LENGTH}-${MAX_PASSWORD_LENGTH} 个字符` } },
} as const;
