import { ACCEPTANCE_ACTIONS, CASE_STATUSES, CLOCK_ACTIONS, DELIVERY_METHODS, TASK_ACTIONS } from '../Case';

/** Request and response schemas of the case routes: validated at the boundary and published in OpenAPI. */
const date = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;
const nullableDate = { anyOf: [date, { type: 'null' }] } as const;
const text = (maxLength: number) => ({ type: 'string', minLength: 1, maxLength }) as const;

/** What every action body carries: the retry key and the case revision it was read at. */
const idempotencyKey = {
  type: 'string',
  pattern: '^[A-Za-z0-9_-]{8,100}$',
  description: '本次操作的唯一键，重试时不变',
} as const;
const revision = { type: 'integer', minimum: 1, description: '读到的办件版本号' } as const;

export const caseNumberParams = {
  type: 'object',
  required: ['number'],
  properties: { number: { type: 'string', pattern: '^[0-9A-Z]{19,36}[0-9]{12}$', description: '办件编号' } },
} as const;

export const caseQueueQuery = {
  type: 'object',
  required: ['queue'],
  additionalProperties: false,
  properties: {
    queue: {
      type: 'string',
      enum: ['acceptance', 'mine', 'department'],
      description: 'acceptance：本部门待受理的办件；mine：我的待办（承办或待会签）；department：本部门本岗位待认领的任务',
    },
  },
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
      enum: [...ACCEPTANCE_ACTIONS, ...CLOCK_ACTIONS],
      description:
        'accept 受理；refuse 不予受理；supplement 一次性告知补正；completeOnSpot 即办件当场办结；startSpecialProcedure 启动特别程序（暂停计时）；endSpecialProcedure 结束特别程序；extend 延长办理期限（首席代表，一次）',
    },
    idempotencyKey,
    revision,
    reasonCode: {
      type: 'string',
      enum: ['not_competent', 'not_licensable', 'incomplete_after_supplement', 'other'],
      description: 'refuse：不予受理的理由类别',
    },
    reasonText: { ...text(1000), description: 'refuse：不予受理的理由；extend：延长期限的理由（告知申请人）' },
    competentBody: { ...text(200), description: 'refuse 且 reasonCode 为 not_competent：有权受理的机关' },
    items: {
      type: 'array',
      minItems: 1,
      maxItems: 100,
      items: supplementItemIn,
      description: 'supplement：需要补正的全部材料和字段',
    },
    taskId: {
      type: 'string',
      pattern: '^[a-z][0-9]{1,6}$',
      description: 'startSpecialProcedure、endSpecialProcedure：启动特别程序的在办任务',
    },
    procedure: { ...text(100), description: 'startSpecialProcedure、endSpecialProcedure：事项登记的特别程序名称' },
    notice: {
      ...text(2000),
      description: 'startSpecialProcedure：书面告知申请人的特别程序及所需时间（行政许可法第四十五条）',
    },
    days: {
      type: 'integer',
      minimum: 1,
      maximum: 3650,
      description:
        'extend：延长的日数（与办理时限同一单位）；startSpecialProcedure：预计所需时间（该程序的单位，不超过其最长时限）',
    },
    approvedBy: { ...text(100), description: 'extend：批准延长的本机关负责人' },
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

const nullableText = { anyOf: [{ type: 'string' }, { type: 'null' }] } as const;

const decisionSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['outcome', 'resultName', 'resultNumber', 'reason', 'remedies', 'decidedOn', 'decidedBy'],
  properties: {
    outcome: { type: 'string', enum: ['approved', 'denied'], description: 'approved 准予；denied 不予许可' },
    resultName: nullableText,
    resultNumber: { ...nullableText, description: '证照编号（决定时录入的结果编号）' },
    documentNumber: { ...nullableText, description: '决定书文号（文号登记簿签发）' },
    reason: { ...nullableText, description: '不予许可的理由' },
    remedies: {
      anyOf: [
        {
          type: 'object',
          additionalProperties: false,
          required: ['reconsideration', 'litigation'],
          properties: { reconsideration: { type: 'string' }, litigation: { type: 'string' } },
        },
        { type: 'null' },
      ],
      description: '不予许可时告知的救济途径（行政复议六十日、行政诉讼六个月）',
    },
    decidedOn: date,
    decidedBy: { type: 'string' },
  },
} as const;

const deliverySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['method', 'carrier', 'trackingNumber', 'deliveredOn', 'deliveredBy'],
  properties: {
    method: { type: 'string', enum: DELIVERY_METHODS },
    carrier: nullableText,
    trackingNumber: nullableText,
    deliveredOn: date,
    deliveredBy: { type: 'string' },
  },
} as const;

/** The result of an approved case (the licence file), downloaded through GET /api/files/{fileId}. */
export const resultFileSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['fileId', 'name', 'size', 'mediaType', 'attachedOn'],
  properties: {
    fileId: { type: 'string', format: 'uuid' },
    name: { type: 'string' },
    size: { type: 'integer' },
    mediaType: { type: 'string' },
    attachedOn: date,
  },
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
    'decision',
    'delivery',
    'result',
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
          required: [
            'startedOn',
            'due',
            'provisional',
            'state',
            'budgetWorkdays',
            'workdaysUsed',
            'workdaysLeft',
            'level',
            'pauses',
          ],
          properties: {
            startedOn: date,
            due: date,
            provisional: { type: 'boolean' },
            state: { type: 'string', enum: ['running', 'paused', 'stopped'] },
            budgetWorkdays: { type: 'integer' },
            workdaysUsed: { type: 'integer' },
            workdaysLeft: { type: 'integer' },
            level: { type: 'string', enum: ['normal', 'yellow', 'red', 'overdue'] },
            pauses: {
              type: 'array',
              description: '暂停计时的特别程序（起止日均不计时；to 为 null 表示尚在进行）',
              items: {
                type: 'object',
                additionalProperties: false,
                required: ['reason', 'from', 'to', 'max'],
                properties: {
                  reason: { type: 'string', description: '特别程序种类（hearing、expertReview …）' },
                  from: date,
                  to: nullableDate,
                  max: {
                    anyOf: [
                      {
                        type: 'object',
                        additionalProperties: false,
                        required: ['value', 'unit'],
                        properties: {
                          value: { type: 'integer' },
                          unit: { type: 'string', enum: ['workday', 'day', 'month'] },
                        },
                      },
                      { type: 'null' },
                    ],
                    description: '该程序的最长时限，超过部分恢复计时',
                  },
                },
              },
            },
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
    decision: { anyOf: [decisionSchema, { type: 'null' }] },
    delivery: { anyOf: [deliverySchema, { type: 'null' }] },
    result: { anyOf: [resultFileSchema, { type: 'null' }], description: '准予后附上的结果文件（证照）' },
    documents: {
      type: 'array',
      description: '文号登记簿为本件各文书签发的文号，先签先列',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['kind', 'number', 'issuedOn'],
        properties: {
          kind: { type: 'string', enum: ['acceptance', 'refusal', 'supplement', 'approval', 'denial'] },
          number: { type: 'string' },
          issuedOn: { type: 'string', format: 'date' },
        },
      },
    },
  },
} as const;

const taskQueueItem = {
  type: 'object',
  additionalProperties: false,
  required: [
    'number',
    'revision',
    'taskId',
    'kind',
    'taskName',
    'role',
    'department',
    'assignee',
    'isCoSigner',
    'matterName',
    'applicantName',
    'isGreenChannel',
    'openedOn',
    'due',
    'provisional',
    'workdaysLeft',
    'level',
  ],
  properties: {
    number: { type: 'string' },
    revision: { type: 'integer', description: '办件版本号：办理任务时原样带回' },
    taskId: { type: 'string' },
    kind: { type: 'string', enum: ['flow', 'verification'], description: 'flow 流程环节；verification 告知承诺事后核查' },
    taskName: { type: 'string' },
    role: { type: 'string' },
    department: { type: 'string' },
    assignee: nullableText,
    isCoSigner: { type: 'boolean', description: '我是该任务的待会签人（加签）' },
    matterName: { type: 'string' },
    applicantName: { type: 'string' },
    isGreenChannel: { type: 'boolean' },
    openedOn: date,
    due: { ...nullableDate, description: '环节（或核查）期限的最后一天' },
    provisional: { type: 'boolean' },
    workdaysLeft: { anyOf: [{ type: 'integer' }, { type: 'null' }], description: '剩余工作日；超期为负数' },
    level: { type: 'string', enum: ['normal', 'yellow', 'red', 'overdue'] },
  },
} as const;

const acceptanceQueueItem = {
  type: 'object',
  additionalProperties: false,
  required: [
    'number',
    'matterName',
    'applicantName',
    'receivedOn',
    'isGreenChannel',
    'supplementCount',
    'acceptanceDue',
    'provisional',
    'workdaysLeft',
    'level',
  ],
  properties: {
    number: { type: 'string' },
    matterName: { type: 'string' },
    applicantName: { type: 'string' },
    receivedOn: date,
    isGreenChannel: { type: 'boolean' },
    supplementCount: { type: 'integer' },
    acceptanceDue: { ...date, description: '受理期限的最后一天（收件或补正齐全之日起 5 个工作日）' },
    provisional: { type: 'boolean' },
    workdaysLeft: { type: 'integer', description: '距受理期限的剩余工作日；逾期为负数' },
    level: { type: 'string', enum: ['normal', 'yellow', 'red', 'overdue'] },
  },
} as const;

/** One answer for the three queues: acceptance items before 受理, task items after it. */
export const caseQueueSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['items'],
  properties: { items: { type: 'array', items: { anyOf: [acceptanceQueueItem, taskQueueItem] } } },
} as const;

export const taskParams = {
  type: 'object',
  required: ['number', 'taskId'],
  properties: {
    number: caseNumberParams.properties.number,
    taskId: { type: 'string', pattern: '^[a-z][0-9]{1,6}$', description: '任务编号（t1、t2 …）' },
  },
} as const;

export const taskActionBody = {
  type: 'object',
  additionalProperties: false,
  required: ['action', 'idempotencyKey', 'revision'],
  properties: {
    action: {
      type: 'string',
      enum: TASK_ACTIONS,
      description:
        'approve 通过；return 退回（to）；transfer 转办（userId）；transferDepartment 转其他部门（toDepartmentCode、reason）；addSigner 加签（userId）；claim 认领；decide 准予（resultNumber，可选 resultName）；deny 不予许可（reason）；terminate 终止（reason）；urge 催办',
    },
    idempotencyKey,
    revision,
    comment: { ...text(2000), description: '办理意见' },
    to: { type: 'string', pattern: '^[a-z][a-zA-Z0-9_-]{0,63}$', description: 'return：退回到的环节（或并联节点）' },
    userId: { type: 'integer', minimum: 1, maximum: 2147483647, description: 'transfer、addSigner：同部门的工作人员' },
    toDepartmentCode: {
      ...text(18),
      description: 'transferDepartment：有权办理的部门（统一社会信用代码），本中心在用且不是当前承办部门',
    },
    resultName: { ...text(200), description: 'decide：审批结果名称，缺省为事项的审批结果' },
    resultNumber: { ...text(100), description: 'decide：决定文号或证照编号' },
    reason: { ...text(2000), description: 'deny、terminate：理由；transferDepartment：转交的理由' },
  },
} as const;

export const completionBody = {
  type: 'object',
  additionalProperties: false,
  required: ['idempotencyKey', 'revision', 'method'],
  properties: {
    idempotencyKey,
    revision,
    method: { type: 'string', enum: DELIVERY_METHODS, description: 'onSite 窗口领取；express 邮寄送达' },
    carrier: { ...text(50), description: 'express：快递公司' },
    trackingNumber: { type: 'string', pattern: '^[A-Za-z0-9-]{6,40}$', description: 'express：快递单号' },
    comment: { ...text(2000), description: '备注' },
    resultFileId: { type: 'string', format: 'uuid', description: '办结时附上的结果文件（先以 caseNumber 上传）' },
  },
} as const;

export const resultBody = {
  type: 'object',
  additionalProperties: false,
  required: ['idempotencyKey', 'revision', 'fileId'],
  properties: {
    idempotencyKey,
    revision,
    fileId: { type: 'string', format: 'uuid', description: '结果文件（先以 caseNumber 上传到 POST /api/files）' },
  },
} as const;

export const greenChannelBody = {
  type: 'object',
  additionalProperties: false,
  required: ['idempotencyKey', 'revision', 'isGreenChannel', 'reason'],
  properties: {
    idempotencyKey,
    revision,
    isGreenChannel: { type: 'boolean', description: 'true 开通绿色通道；false 取消' },
    reason: { ...text(500), description: '理由（如重点项目、急难事项）' },
  },
} as const;

export const staffPostParams = {
  type: 'object',
  required: ['userId'],
  properties: { userId: { type: 'string', pattern: '^[1-9][0-9]{0,8}$', description: 'A 岗工作人员的用户编号' } },
} as const;

export const staffPostBody = {
  type: 'object',
  additionalProperties: false,
  required: ['backupUserId', 'isAbsent'],
  properties: {
    backupUserId: {
      anyOf: [{ type: 'integer', minimum: 1, maximum: 2147483647 }, { type: 'null' }],
      description: 'B 岗：本部门同一岗位的工作人员；null 取消',
    },
    isAbsent: { type: 'boolean', description: 'A 岗缺岗：其任务由 B 岗办理' },
  },
} as const;

export const staffPostSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['userId', 'backupUserId', 'isAbsent'],
  properties: {
    userId: { type: 'integer' },
    backupUserId: { anyOf: [{ type: 'integer' }, { type: 'null' }] },
    isAbsent: { type: 'boolean' },
  },
} as const;

export const taskSchema = {
  type: 'object',
  additionalProperties: false,
  required: [
    'id',
    'name',
    'role',
    'department',
    'assignee',
    'coSigners',
    'openedOn',
    'due',
    'provisional',
    'workdaysLeft',
    'level',
    'offered',
    'returnTargets',
    'specialProcedures',
    'isClaimable',
    'available',
  ],
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    role: { type: 'string' },
    department: { type: 'string' },
    assignee: nullableText,
    coSigners: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['userId', 'hasApproved'],
        properties: { userId: { type: 'string' }, hasApproved: { type: 'boolean' } },
      },
    },
    openedOn: date,
    due: { ...date, description: '环节期限的最后一天' },
    provisional: { type: 'boolean' },
    workdaysLeft: { type: 'integer' },
    level: { type: 'string', enum: ['normal', 'yellow', 'red', 'overdue'] },
    offered: { type: 'array', items: { type: 'string' }, description: '本环节在流程中提供的操作' },
    returnTargets: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'name'],
        properties: { id: { type: 'string' }, name: { type: 'string' } },
      },
      description: 'return 可退回的环节（to）',
    },
    specialProcedures: { type: 'array', items: { type: 'string' } },
    isClaimable: { type: 'boolean' },
    available: { type: 'array', items: { type: 'string', enum: TASK_ACTIONS }, description: '当前用户此刻可做的操作' },
  },
} as const;

export const withdrawalBody = {
  type: 'object',
  additionalProperties: false,
  required: ['idempotencyKey'],
  properties: {
    idempotencyKey,
    reason: { ...text(500), description: '撤回的理由（可不填）' },
  },
} as const;

export const withdrawnSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['number', 'status', 'statusLabel'],
  properties: {
    number: { type: 'string' },
    status: { type: 'string', enum: CASE_STATUSES },
    statusLabel: { type: 'string' },
  },
} as const;

export const caseWarningsSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['items'],
  properties: {
    items: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['rung', 'taskId', 'departmentCode', 'at', 'details'],
        properties: {
          rung: {
            type: 'string',
            description:
              'yellow 黄牌预警；red 到期当日；overdue 超期（延期后为 extended.*）；stepOverdue 环节超时；repeatedSupplement 多次补正；noActivity 受理后无办理记录',
          },
          taskId: { anyOf: [{ type: 'string' }, { type: 'null' }], description: '环节超时的任务' },
          departmentCode: { type: 'string', description: '对预警负责的部门' },
          at: { type: 'string', format: 'date-time' },
          details: { type: 'object' },
        },
      },
    },
  },
} as const;

const colleagueList = {
  type: 'array',
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['userId', 'displayName', 'role'],
    properties: { userId: { type: 'integer' }, displayName: { type: 'string' }, role: { type: 'string' } },
  },
} as const;

export const taskColleaguesSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['transfer', 'addSigner'],
  properties: {
    transfer: { ...colleagueList, description: '可转办给的人员：本环节承办部门、本环节岗位的在岗人员（不含承办人与本人）' },
    addSigner: { ...colleagueList, description: '可加签的人员：本环节承办部门的在岗审查人员与首席代表（不含已加签人）' },
  },
} as const;
