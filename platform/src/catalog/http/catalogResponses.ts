import { CHANGE_SECTIONS } from '@matterflow/schemas';
import { MATTER_STATUSES } from '../MatterVersion';

/** Response schemas of the catalog endpoints: published in OpenAPI, and tests hold real answers to them. */
const nullableDate = { type: ['string', 'null'], format: 'date' } as const;
const nullableTime = { type: ['string', 'null'], format: 'date-time' } as const;

const versionFields = {
  code: { type: 'string', description: '实施编码' },
  version: { type: 'integer', minimum: 1 },
  status: { enum: [...MATTER_STATUSES], description: '当日状态：草稿、审核中、已发布、已被替代、已取消' },
  revision: { type: 'integer', minimum: 1, description: '修订号（乐观并发）' },
  metaSchemaVersion: { type: 'integer' },
  name: { type: 'string' },
  type: { type: 'string', description: '事项类型代码' },
  departmentCode: { type: 'string' },
  effectiveFrom: nullableDate,
  cancelAt: nullableDate,
  reviewComments: {
    type: 'array',
    items: {
      type: 'object',
      required: ['by', 'at', 'comments'],
      properties: { by: { type: 'string' }, at: { type: 'string' }, comments: { type: 'string' } },
    },
  },
  createdAt: { type: 'string', format: 'date-time' },
  updatedAt: { type: 'string', format: 'date-time' },
  submittedAt: nullableTime,
  publishedAt: nullableTime,
} as const;

const versionRequired = Object.keys(versionFields);

export const matterVersionSchema = {
  type: 'object',
  additionalProperties: false,
  required: [...versionRequired, 'document'],
  properties: { ...versionFields, document: { $ref: '#/components/schemas/MatterDocument' } },
} as const;

export const versionListSchema = {
  type: 'object',
  required: ['items'],
  properties: {
    items: {
      type: 'array',
      items: { type: 'object', additionalProperties: false, required: versionRequired, properties: versionFields },
    },
  },
} as const;

const themeCounts = {
  type: 'array',
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['theme', 'count'],
    properties: { theme: { type: 'string' }, count: { type: 'integer', minimum: 1 } },
  },
} as const;

export const searchPageSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['items', 'total', 'page', 'pageSize'],
  properties: {
    facets: {
      type: 'object',
      additionalProperties: false,
      required: ['themes'],
      description: '请求 facets=themes 时给出：当前条件下每个主题的事项数，多者在前',
      properties: {
        themes: {
          type: 'object',
          additionalProperties: false,
          required: ['personal', 'corporate'],
          properties: { personal: themeCounts, corporate: themeCounts },
        },
      },
    },
    total: { type: 'integer', minimum: 0 },
    page: { type: 'integer', minimum: 1 },
    pageSize: { type: 'integer', minimum: 1 },
    items: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: [
          'code',
          'version',
          'status',
          'name',
          'type',
          'departmentCode',
          'departmentName',
          'levels',
          'serviceObjects',
          'effectiveFrom',
          'cancelAt',
          'updatedAt',
          'projectType',
          'sceneVisits',
          'themes',
          'submittedAt',
        ],
        properties: {
          code: { type: 'string' },
          version: { type: 'integer' },
          status: { enum: [...MATTER_STATUSES] },
          name: { type: 'string' },
          type: { type: 'string' },
          departmentCode: { type: 'string' },
          departmentName: { type: 'string' },
          levels: { type: 'array', items: { type: 'string' } },
          serviceObjects: { type: 'array', items: { type: 'string' } },
          effectiveFrom: nullableDate,
          cancelAt: nullableDate,
          updatedAt: { type: 'string', format: 'date-time' },
          projectType: { type: ['string', 'null'], description: '办件类型：1 即办件，2 承诺件' },
          sceneVisits: { type: ['integer', 'null'], minimum: 0, description: '到办事现场次数' },
          submittedAt: { ...nullableTime, description: '最新版本提交审核的时间；不在审核中时为 null' },
          themes: {
            type: 'object',
            additionalProperties: false,
            description: '个人、法人主题',
            properties: {
              personal: { type: 'array', items: { type: 'string' } },
              corporate: { type: 'array', items: { type: 'string' } },
            },
          },
        },
      },
    },
  },
} as const;

export const diffSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['code', 'from', 'to', 'changes', 'summary'],
  properties: {
    code: { type: 'string' },
    from: { type: 'integer' },
    to: { type: 'integer' },
    changes: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['op', 'pointer'],
        properties: { op: { enum: ['add', 'remove', 'replace'] }, pointer: { type: 'string' }, from: {}, to: {} },
      },
    },
    summary: {
      description:
        '差异的文字说明，按编辑器分区（基本信息、设定依据、办理情形、申请材料、收费、时限、流程、表单、结果与渠道）排列',
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['section', 'pointer', 'text'],
        properties: {
          section: { enum: [...CHANGE_SECTIONS] },
          pointer: { type: 'string' },
          text: { type: 'string' },
        },
      },
    },
  },
} as const;
