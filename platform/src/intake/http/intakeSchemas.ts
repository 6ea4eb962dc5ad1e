import { fileViewSchema } from '../../files';

/** Request and response schemas of intake: validated at the boundary and published in OpenAPI. */
const matterCode = { type: 'string', pattern: '^[0-9A-Z]{19,36}$', description: '实施编码' } as const;
const uuid = { type: 'string', pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' } as const;
const dateTime = { type: 'string', format: 'date-time' } as const;
const key = { type: 'string', pattern: '^[a-zA-Z][a-zA-Z0-9_-]{0,63}$' } as const;

const answers = {
  type: 'object',
  title: '引导问题的回答',
  maxProperties: 50,
  propertyNames: { pattern: '^[a-z][a-zA-Z0-9_]{0,63}$' },
  additionalProperties: { type: 'string', pattern: '^[a-zA-Z0-9_-]{1,64}$' },
} as const;

const materials = {
  type: 'object',
  title: '各材料的文件',
  maxProperties: 100,
  propertyNames: key,
  additionalProperties: { type: 'array', maxItems: 20, items: uuid },
} as const;

export const draftIdParams = { type: 'object', required: ['id'], properties: { id: uuid } } as const;
export const numberParams = {
  type: 'object',
  required: ['number'],
  properties: { number: { type: 'string', pattern: '^[0-9A-Z]{19,36}[0-9]{12}$', description: '办件编号' } },
} as const;

export const openDraftBody = {
  type: 'object',
  additionalProperties: false,
  required: ['matterCode'],
  properties: {
    matterCode,
    answers,
    onBehalfOf: {
      type: 'object',
      title: '代办：申请人',
      additionalProperties: false,
      required: ['name', 'idNumber', 'phone'],
      properties: {
        name: { type: 'string', title: '申请人姓名', minLength: 2, maxLength: 50 },
        idNumber: { type: 'string', title: '身份证号', minLength: 18, maxLength: 18 },
        phone: { type: 'string', title: '手机号码', minLength: 11, maxLength: 11 },
      },
    },
  },
} as const;

export const saveDraftBody = {
  type: 'object',
  additionalProperties: false,
  required: ['revision', 'answers', 'formData', 'materials'],
  properties: {
    revision: { type: 'integer', minimum: 1, maximum: 2147483647, title: '修订号' },
    answers,
    formData: { type: 'object', title: '申请表内容' },
    materials,
  },
} as const;

const upgradeSchema = {
  type: ['object', 'null'],
  additionalProperties: false,
  required: ['fromVersion', 'toVersion', 'changes', 'dropped'],
  properties: {
    fromVersion: { type: 'integer' },
    toVersion: { type: 'integer' },
    changes: { type: 'array', items: { type: 'string' }, description: '新版本的变化（中文）' },
    dropped: { type: 'array', items: { type: 'string' }, description: '不再适用而移除的回答、填写项和文件（JSON Pointer）' },
  },
} as const;

const applicantSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'idNumberMasked', 'phone'],
  properties: { name: { type: 'string' }, idNumberMasked: { type: 'string' }, phone: { type: 'string' } },
} as const;

/** Fees a department plugin priced (in 分: no floating-point money), with the total. */
const feesSchema = {
  type: ['object', 'null'],
  additionalProperties: false,
  required: ['lines', 'totalFen', 'notes'],
  description: '部门插件计算的收费（单位：分）',
  properties: {
    lines: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['item', 'amountFen', 'quantity', 'basis', 'pluginId'],
        properties: {
          item: { type: 'string' },
          amountFen: { type: 'integer', description: '单价（分）' },
          quantity: { type: 'integer' },
          basis: { type: 'string', description: '收费依据' },
          pluginId: { type: 'string' },
        },
      },
    },
    totalFen: { type: 'integer', description: '合计（分）' },
    notes: { type: 'array', items: { type: 'string' } },
  },
} as const;

const issueSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['pointer', 'code', 'message'],
  properties: { pointer: { type: 'string' }, code: { type: 'string' }, message: { type: 'string' } },
} as const;

/** What the pinned plugins said at the last save (docs/intake.md "Plugins"); null when none is pinned. */
const draftPluginsSchema = {
  type: ['object', 'null'],
  additionalProperties: false,
  required: ['fees', 'materials', 'issues', 'sources'],
  properties: {
    fees: feesSchema,
    materials: {
      type: 'array',
      description: '插件要求本申请提交的材料及理由',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['materialId', 'reason', 'pluginId'],
        properties: { materialId: { type: 'string' }, reason: { type: 'string' }, pluginId: { type: 'string' } },
      },
    },
    issues: { type: 'array', items: issueSchema, description: "插件的提示；指针为 '' 的表示插件调用失败、暂不能提交" },
    sources: {
      type: 'array',
      description: '预填内容的来源',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['pointer', 'source'],
        properties: { pointer: { type: 'string' }, source: { type: 'string' } },
      },
    },
  },
} as const;

export const draftSchema = {
  type: 'object',
  additionalProperties: false,
  required: [
    'id',
    'matterCode',
    'matterName',
    'version',
    'revision',
    'status',
    'applicant',
    'isOnBehalf',
    'answers',
    'formData',
    'materials',
    'upgrade',
    'plugins',
    'applicationNumber',
    'createdAt',
    'updatedAt',
  ],
  properties: {
    id: uuid,
    matterCode,
    matterName: { type: 'string' },
    version: { type: 'integer' },
    revision: { type: 'integer' },
    status: { enum: ['open', 'submitted'] },
    applicant: applicantSchema,
    isOnBehalf: { type: 'boolean', description: '窗口代办' },
    answers: { type: 'object', additionalProperties: { type: 'string' } },
    formData: { type: 'object' },
    materials: { type: 'object', additionalProperties: { type: 'array', items: fileViewSchema } },
    upgrade: upgradeSchema,
    plugins: draftPluginsSchema,
    applicationNumber: { type: ['string', 'null'] },
    createdAt: dateTime,
    updatedAt: dateTime,
  },
} as const;

/** A list answer `{items: [...]}` of one item schema. */
const listOf = <const T extends object>(item: T) =>
  ({
    type: 'object',
    additionalProperties: false,
    required: ['items'],
    properties: { items: { type: 'array', items: item } },
  }) as const;

export const draftListSchema = listOf({
  type: 'object',
  additionalProperties: false,
  required: ['id', 'matterCode', 'matterName', 'version', 'updatedAt', 'isOnBehalf', 'applicantName'],
  properties: {
    id: uuid,
    matterCode,
    matterName: { type: 'string' },
    version: { type: 'integer' },
    updatedAt: dateTime,
    isOnBehalf: { type: 'boolean' },
    applicantName: { type: 'string' },
  },
});

const statusSchema = { enum: ['submitted'] } as const;

export const applicationSchema = {
  type: 'object',
  additionalProperties: false,
  required: [
    'number',
    'matterCode',
    'matterName',
    'version',
    'departmentCode',
    'departmentName',
    'status',
    'statusLabel',
    'submittedAt',
    'receivedOn',
    'applicant',
    'filedBy',
    'materials',
    'answers',
    'formData',
    'promisedLimit',
    'fees',
    'events',
  ],
  properties: {
    number: { type: 'string', description: '办件编号：实施编码 + 收件日期 yyyyMMdd + 4 位当日序号' },
    matterCode,
    matterName: { type: 'string' },
    version: { type: 'integer' },
    departmentCode: { type: 'string' },
    departmentName: { type: 'string' },
    status: statusSchema,
    statusLabel: { type: 'string' },
    submittedAt: dateTime,
    receivedOn: { type: 'string', format: 'date', description: '收件日期（起算受理期限）' },
    applicant: applicantSchema,
    filedBy: {
      type: ['object', 'null'],
      additionalProperties: false,
      required: ['displayName', 'departmentName'],
      properties: { displayName: { type: 'string' }, departmentName: { type: ['string', 'null'] } },
      description: '代办时为代为提交的窗口工作人员',
    },
    materials: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['materialId', 'name', 'requirement', 'isUpload', 'copies', 'files'],
        properties: {
          materialId: key,
          name: { type: 'string' },
          requirement: { enum: ['required', 'optional', 'tolerated', 'fetched', 'filled'] },
          isUpload: { type: 'boolean' },
          copies: { type: ['integer', 'null'] },
          files: { type: 'array', items: fileViewSchema },
        },
      },
    },
    answers: { type: 'object', additionalProperties: { type: 'string' } },
    formData: { type: 'object' },
    promisedLimit: { type: ['string', 'null'] },
    fees: feesSchema,
    events: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['at', 'type', 'title', 'actor', 'detail'],
        properties: {
          at: dateTime,
          type: { type: 'string' },
          title: { type: 'string' },
          actor: { type: ['string', 'null'] },
          detail: { type: ['string', 'null'] },
        },
      },
    },
  },
} as const;

export const applicationListSchema = listOf({
  type: 'object',
  additionalProperties: false,
  required: ['number', 'matterCode', 'matterName', 'status', 'statusLabel', 'submittedAt', 'isOnBehalf', 'applicantName'],
  properties: {
    number: { type: 'string' },
    matterCode,
    matterName: { type: 'string' },
    status: statusSchema,
    statusLabel: { type: 'string' },
    submittedAt: dateTime,
    isOnBehalf: { type: 'boolean' },
    applicantName: { type: 'string' },
  },
});
