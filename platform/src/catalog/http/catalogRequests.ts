import { MATTER_STATUSES } from '../MatterVersion';
import { transitionRequestSchema } from '../operations/TransitionRequest';

/** Request schemas of the catalog endpoints: validated at the boundary and published in OpenAPI. */
const matterCode = { type: 'string', pattern: '^[0-9A-Z]{19,36}$', description: '实施编码' } as const;
/** Revisions are PostgreSQL integers; anything larger could never match and must not reach SQL. */
const revision = { type: 'integer', minimum: 1, maximum: 2147483647 } as const;

export const codeParamSchema = {
  type: 'object',
  required: ['code'],
  properties: { code: matterCode },
} as const;

export const versionParamSchema = {
  type: 'object',
  required: ['code', 'n'],
  properties: { code: matterCode, n: { type: 'string', pattern: '^[1-9][0-9]{0,5}$' } },
} as const;

export const createMatterBody = {
  type: 'object',
  additionalProperties: false,
  required: ['document'],
  properties: { document: { type: 'object', title: '事项文档', description: '事项文档，见 schemas/matter.schema.json' } },
} as const;

export const updateDraftBody = {
  type: 'object',
  additionalProperties: false,
  required: ['revision', 'document'],
  properties: {
    revision: { ...revision, title: '修订号', description: '编辑时读到的草稿修订号' },
    document: { type: 'object', title: '事项文档' },
  },
} as const;

/** One branch per action, each with only its own fields (see `transitionRequestSchema`). */
export const transitionBody = transitionRequestSchema;

const shortText = (maxLength: number, pattern?: string) =>
  ({ type: 'string', maxLength, ...(pattern ? { pattern } : {}) }) as const;

export const searchQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    q: {
      ...shortText(100),
      description: '检索词：按空格、标点切分，四字以上的中文按两字切分，每个词都须出现在事项名称或实施编码中',
    },
    theme: { ...shortText(20), description: '主题（事项文档 themes 中的个人或法人主题，如“准营准办”）' },
    audience: { enum: ['personal', 'corporate'], description: '面向个人或法人的主题' },
    code: { ...shortText(36, '^[0-9A-Z]{1,36}$'), description: '实施编码前缀' },
    department: { ...shortText(18, '^[0-9A-HJ-NPQRTUWXY]{18}$'), description: '实施主体统一社会信用代码' },
    type: { enum: ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '20'], description: '事项类型' },
    level: { enum: ['1', '2', '3', '4', '5', '6'], description: '行使层级' },
    object: { enum: ['1', '2', '3', '4', '5', '6', '9'], description: '服务对象' },
    status: { enum: [...MATTER_STATUSES] },
    facets: { enum: ['themes'], description: 'themes：另给出当前条件下每个个人、法人主题的事项数（首页主题）' },
    page: { ...shortText(5, '^[1-9][0-9]{0,4}$'), description: '页码，从 1 开始' },
    pageSize: { ...shortText(3, '^([1-9]|[1-9][0-9]|100)$'), description: '每页条数，1-100' },
  },
} as const;

export const diffQuerySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['from', 'to'],
  properties: { from: shortText(6, '^[1-9][0-9]{0,5}$'), to: shortText(6, '^[1-9][0-9]{0,5}$') },
} as const;
