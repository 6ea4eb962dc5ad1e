import { ACCEPTANCE_ACTIONS, CASE_STATUSES } from '../Case';

/** Request and response schemas of the case routes: validated at the boundary and published in OpenAPI. */
const date = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;
const nullableDate = { anyOf: [date, { type: 'null' }] } as const;
const text = (maxLength: number) => ({ type: 'string', minLength: 1, maxLength }) as const;

export const caseNumberParams = {
  type: 'object',
  required: ['number'],
  properties: { number: { type: 'string', pattern: '^[0-9A-Z]{19,36}[0-9]{12}$', description: '办件编号' } },
} as const;

export const caseQueueQuery = {
  type: 'object',
  required: ['queue'],
  additionalProperties: false,
  properties: { queue: { type: 'string', enum: ['acceptance'], description: 'acceptance：本部门待受理的办件' } },
} as const;

const supplementItemIn = {
  type: 'object',
  additionalProperties: false,
  required: ['kind', 'reason'],
  properties: {
    kind: { type: 'string', enum: ['material', 'field'], description: 'material：申请材料；field：申请表字段' },
    materialId: { ...text(100), description: 'kind 为 material 时：事项版本中的材料编号' },
    pointer: {
      type: 'string',
      pattern: '^(/[^/]+)+$',
      maxLength: 300,
      description: 'kind 为 field 时：申请表字段的 JSON Pointer',
    },
    reason: { ...text(500), description: '需要补正的理由' },
  },
} as const;

export const caseActionBody = {
  type: 'object',
  additionalProperties: false,
  required: ['action', 'idempotencyKey', 'revision'],
  properties: {
    action: {
      type: 'string',
      enum: ACCEPTANCE_ACTIONS,
      description: 'accept 受理；refuse 不予受理；supplement 一次性告知补正；completeOnSpot 即办件当场办结',
    },
    idempotencyKey: { type: 'string', pattern: '^[A-Za-z0-9_-]{8,100}$', description: '本次操作的唯一键，重试时不变' },
    revision: { type: 'integer', minimum: 1, description: '读到的办件版本号' },
    reasonCode: {
      type: 'string',
      enum: ['not_competent', 'not_licensable', 'incomplete_after_supplement', 'other'],
      description: 'refuse：不予受理的理由类别',
    },
    reasonText: { ...text(1000), description: 'refuse：不予受理的理由' },
    competentBody: { ...text(200), description: 'refuse 且 reasonCode 为 not_competent：有权受理的机关' },
    items: {
      type: 'array',
      minItems: 1,
      maxItems: 100,
      items: supplementItemIn,
      description: 'supplement：需要补正的全部材料和字段',
    },
  },
} as const;

const supplementItemOut = {
  anyOf: [
    {
      type: 'object',
      additionalProperties: false,
      required: ['kind', 'materialId', 'reason'],
      properties: { kind: { const: 'material' }, materialId: { type: 'string' }, reason: { type: 'string' } },
    },
    {
      type: 'object',
      additionalProperties: false,
      required: ['kind', 'pointer', 'reason'],
      properties: { kind: { const: 'field' }, pointer: { type: 'string' }, reason: { type: 'string' } },
    },
  ],
} as const;

export const caseSchema = {
  type: 'object',
  additionalProperties: false,
  required: [
    'number',
    'status',
    'statusLabel',
    'departmentCode',
    'receivedOn',
    'acceptedOn',
    'acceptanceDue',
    'revision',
    'isGreenChannel',
    'supplementCount',
    'supplement',
    'clock',
    'flowStatus',
    'tasks',
  ],
  properties: {
    number: { type: 'string' },
    status: { type: 'string', enum: CASE_STATUSES },
    statusLabel: { type: 'string' },
    departmentCode: { type: 'string' },
    receivedOn: date,
    acceptedOn: nullableDate,
    acceptanceDue: { ...nullableDate, description: '受理期限的最后一天（待受理时）' },
    revision: { type: 'integer' },
    isGreenChannel: { type: 'boolean' },
    supplementCount: { type: 'integer', description: '已发出的补正告知次数；大于 1 即重复补正' },
    supplement: { anyOf: [{ type: 'array', items: supplementItemOut }, { type: 'null' }] },
    clock: {
      anyOf: [
        {
          type: 'object',
          additionalProperties: false,
          required: ['startedOn', 'due', 'provisional', 'state', 'budgetWorkdays', 'workdaysUsed', 'workdaysLeft', 'level'],
          properties: {
            startedOn: date,
            due: date,
            provisional: { type: 'boolean' },
            state: { type: 'string', enum: ['running', 'paused', 'stopped'] },
            budgetWorkdays: { type: 'integer' },
            workdaysUsed: { type: 'integer' },
            workdaysLeft: { type: 'integer' },
            level: { type: 'string', enum: ['normal', 'yellow', 'red', 'overdue'] },
          },
        },
        { type: 'null' },
      ],
    },
    flowStatus: { anyOf: [{ type: 'string' }, { type: 'null' }] },
    tasks: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'name', 'role', 'department', 'assignee', 'budgetDays'],
        properties: {
          id: { type: 'string' },
          name: { type: 'string' },
          role: { type: 'string' },
          department: { type: 'string' },
          assignee: { anyOf: [{ type: 'string' }, { type: 'null' }] },
          budgetDays: { type: 'number' },
        },
      },
    },
  },
} as const;

export const caseQueueSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['items'],
  properties: {
    items: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['number', 'matterName', 'applicantName', 'receivedOn', 'isGreenChannel', 'supplementCount'],
        properties: {
          number: { type: 'string' },
          matterName: { type: 'string' },
          applicantName: { type: 'string' },
          receivedOn: date,
          isGreenChannel: { type: 'boolean' },
          supplementCount: { type: 'integer' },
        },
      },
    },
  },
} as const;
