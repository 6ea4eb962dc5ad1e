import { lawMetaSchema } from '@matterflow/schemas';
import { defineRoute, type Clock, type Db, type Route } from '../kernel';
import { getLaw, listLaws, putLaw } from './lawOperations';
import type { LawLevel } from './LawRegister';

const tags = ['法规库 laws'];
const STAFF = ['window', 'reviewer', 'chief', 'dept_admin', 'legal', 'supervisor', 'sysadmin'] as const;
const LEVELS = [
  'law',
  'adminRegulation',
  'stateCouncilDecision',
  'localRegulation',
  'departmentRule',
  'localGovRule',
  'normativeDoc',
] as const;

const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{1,79}$', description: '条目标识，如 xzxkf' } },
} as const;

const searchQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    q: { type: 'string', maxLength: 100, description: '名称或别名中的文字' },
    level: { enum: LEVELS, description: '效力层级' },
    repealed: { enum: ['true', 'false'], description: 'true 只列已废止的，false 只列现行有效的' },
  },
} as const;

/** The entry as stored; law.schema.json itself is what the PUT body is validated against (with field issues). */
const entrySchema = {
  type: 'object',
  description: String(lawMetaSchema.description ?? '法规库条目'),
  additionalProperties: true,
} as const;

const lawView = {
  type: 'object',
  required: ['entry', 'isRepealed', 'updatedBy', 'updatedAt'],
  properties: {
    entry: { ...entrySchema, required: ['id', 'name', 'level'] },
    isRepealed: { type: 'boolean', description: '废止日期不晚于今天' },
    updatedBy: { type: 'string', description: '最后修改人（system 为启动时导入）' },
    updatedAt: { type: 'string', format: 'date-time' },
  },
} as const;

/** The law register: staff read it, legal-affairs and the system administrator keep it. */
export function lawRoutes(deps: { db: Db; clock: Clock }): Route[] {
  return [
    defineRoute({
      method: 'get',
      path: '/laws',
      summary: '法规库：按名称或别名检索，可按效力层级、是否废止筛选',
      tags,
      access: STAFF,
      query: searchQuery,
      responses: {
        '200': {
          description: '条目',
          schema: { type: 'object', required: ['items'], properties: { items: { type: 'array', items: lawView } } },
        },
      },
      errors: [400, 401, 403],
      async handle({ call, query }) {
        const search = {
          q: query.q?.trim() || undefined,
          level: query.level as LawLevel | undefined,
          repealed: query.repealed === undefined ? undefined : query.repealed === 'true',
        };
        return { body: await listLaws(deps, call, search) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/laws/{id}',
      summary: '法规库条目',
      tags,
      access: STAFF,
      params: idParams,
      responses: { '200': { description: '条目', schema: lawView } },
      errors: [400, 401, 403, 404],
      async handle({ call, params }) {
        return { body: await getLaw(deps, call, { id: params.id }) };
      },
    }),
    defineRoute({
      method: 'put',
      path: '/laws/{id}',
      summary: '新增或修改法规库条目（法制审核人员、系统管理员）',
      description:
        '请求体为条目本身（schemas/law.schema.json；id 可省略，须与地址一致）。不符合时返回 LAW_INVALID 并逐条列出 JSON Pointer。记入审计（含修改前的条目）。',
      tags,
      access: ['legal', 'sysadmin'],
      params: idParams,
      body: { json: entrySchema },
      responses: { '200': { description: '保存后的条目', schema: lawView } },
      errors: [400, 401, 403, 415, 422],
      async handle({ call, params, body }) {
        return { body: await putLaw(deps, call, { id: params.id, body: body as Record<string, unknown> }) };
      },
    }),
  ];
}
