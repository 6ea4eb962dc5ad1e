import { CASE_STATUSES } from '../Case';
import { resultFileSchema } from './caseSchemas';

/** Request and response schemas of the applicant's case routes (the 补正 answer, the status page). */
const date = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;
const nullableDate = { anyOf: [date, { type: 'null' }] } as const;
const nullableText = { anyOf: [{ type: 'string' }, { type: 'null' }] } as const;
const remedies = {
  type: 'object',
  additionalProperties: false,
  required: ['reconsideration', 'litigation'],
  properties: { reconsideration: { type: 'string' }, litigation: { type: 'string' } },
} as const;

export const supplementAnswerBody = {
  type: 'object',
  additionalProperties: false,
  required: ['idempotencyKey', 'notice'],
  properties: {
    idempotencyKey: { type: 'string', pattern: '^[A-Za-z0-9_-]{8,100}$', description: '本次补正的唯一键，重试时不变' },
    notice: { type: 'integer', minimum: 1, description: '所答复的补正通知序号（读到的 supplement.notice）' },
    materials: {
      type: 'object',
      maxProperties: 100,
      propertyNames: { pattern: '^[a-zA-Z][a-zA-Z0-9_-]{0,63}$' },
      additionalProperties: { type: 'array', maxItems: 50, items: { type: 'string', format: 'uuid' } },
      description: '补正通知列出的材料 → 重新上传的文件 id（替换原有文件）',
    },
    formData: { type: 'object', description: '补正通知列出的申请表字段的新值，按字段位置；不得含其他字段' },
  },
} as const;

export const supplementAnsweredSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['number', 'status', 'statusLabel', 'acceptanceDue'],
  properties: {
    number: { type: 'string' },
    status: { type: 'string', enum: CASE_STATUSES },
    statusLabel: { type: 'string' },
    acceptanceDue: { ...nullableDate, description: '窗口作出受理决定的最后一天（自补正齐全之日起五个工作日）' },
  },
} as const;

const progressItem = {
  anyOf: [
    {
      type: 'object',
      additionalProperties: false,
      required: ['kind', 'materialId', 'name', 'reason', 'isUpload', 'accept', 'maxBytes', 'maxFiles'],
      properties: {
        kind: { const: 'material' },
        materialId: { type: 'string' },
        name: { type: 'string' },
        reason: { type: 'string' },
        isUpload: { type: 'boolean', description: 'false：纸质材料，须到窗口提交' },
        accept: { type: 'array', items: { type: 'string' } },
        maxBytes: { type: 'integer' },
        maxFiles: { type: 'integer' },
      },
    },
    {
      type: 'object',
      additionalProperties: false,
      required: ['kind', 'pointer', 'name', 'reason'],
      properties: { kind: { const: 'field' }, pointer: { type: 'string' }, name: { type: 'string' }, reason: { type: 'string' } },
    },
  ],
} as const;

const progressDetail = {
  type: 'object',
  additionalProperties: false,
  description: '该步骤中申请人可以看到的内容；不含经办人员及内部意见',
  properties: {
    items: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'reason'],
        properties: { name: { type: 'string' }, reason: nullableText },
      },
    },
    noticeNumber: { type: 'integer' },
    reason: { type: 'string' },
    competentBody: { type: 'string' },
    acceptedOn: { type: 'string' },
    due: { type: 'string' },
    acceptanceDue: { type: 'string' },
    stepName: { type: 'string' },
    resultName: { type: 'string' },
    resultNumber: { type: 'string' },
    remedies,
    deliveryMethod: { type: 'string', enum: ['onSite', 'express'] },
    carrier: { type: 'string' },
    trackingNumber: { type: 'string' },
  },
} as const;

export const caseProgressSchema = {
  type: 'object',
  additionalProperties: false,
  required: [
    'number',
    'status',
    'statusLabel',
    'receivedOn',
    'acceptedOn',
    'acceptanceDue',
    'expected',
    'supplement',
    'decision',
    'delivery',
    'result',
    'timeline',
  ],
  properties: {
    number: { type: 'string' },
    status: { type: 'string', enum: CASE_STATUSES },
    statusLabel: { type: 'string' },
    receivedOn: date,
    acceptedOn: nullableDate,
    acceptanceDue: { ...nullableDate, description: '待受理时：窗口作出受理决定的最后一天' },
    expected: {
      anyOf: [
        {
          type: 'object',
          additionalProperties: false,
          required: ['due', 'provisional'],
          properties: { due: date, provisional: { type: 'boolean', description: '日历尚未发布的年份：暂定' } },
        },
        { type: 'null' },
      ],
      description: '受理后：预计办结日期（按工作日历推算）',
    },
    supplement: {
      anyOf: [
        {
          type: 'object',
          additionalProperties: false,
          required: ['notice', 'items'],
          properties: { notice: { type: 'integer' }, items: { type: 'array', items: progressItem } },
        },
        { type: 'null' },
      ],
      description: '待补正时：补正通知要求的每一项及其理由',
    },
    decision: {
      anyOf: [
        {
          type: 'object',
          additionalProperties: false,
          required: ['outcome', 'resultName', 'resultNumber', 'documentNumber', 'reason', 'remedies', 'decidedOn'],
          properties: {
            outcome: { type: 'string', enum: ['approved', 'denied'] },
            resultName: nullableText,
            resultNumber: nullableText,
            documentNumber: { ...nullableText, description: '决定书文号（文号登记簿）' },
            reason: nullableText,
            remedies: { anyOf: [remedies, { type: 'null' }] },
            decidedOn: date,
          },
        },
        { type: 'null' },
      ],
    },
    delivery: {
      anyOf: [
        {
          type: 'object',
          additionalProperties: false,
          required: ['method', 'carrier', 'trackingNumber', 'deliveredOn'],
          properties: {
            method: { type: 'string', enum: ['onSite', 'express'] },
            carrier: nullableText,
            trackingNumber: nullableText,
            deliveredOn: date,
          },
        },
        { type: 'null' },
      ],
    },
    result: { anyOf: [resultFileSchema, { type: 'null' }], description: '准予后的结果文件（证照），按 fileId 下载' },
    timeline: {
      type: 'array',
      description: '办理进度，先发生的在前',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['at', 'type', 'title', 'detail'],
        properties: {
          at: { type: 'string', format: 'date-time' },
          type: { type: 'string' },
          title: { type: 'string' },
          detail: progressDetail,
        },
      },
    },
  },
} as const;
