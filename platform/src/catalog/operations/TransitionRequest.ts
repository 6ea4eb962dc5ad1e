import type { FromSchema } from 'json-schema-to-ts';

export const TRANSITION_ACTIONS = [
  'submit',
  'withdraw',
  'return',
  'publish',
  'retire',
  'newVersion',
  'unschedule',
  'reschedule',
] as const;
export type TransitionAction = (typeof TRANSITION_ACTIONS)[number];

/** A civil date that exists (2099-02-30 does not); `format: date` checks the calendar. */
const date = { type: 'string', format: 'date', maxLength: 10 } as const;
/** Revisions are PostgreSQL integers; anything larger could never match and must not reach SQL. */
const revision = {
  type: 'integer',
  minimum: 1,
  maximum: 2147483647,
  title: '修订号',
  description: '操作时读到的版本修订号；已过期时拒绝',
} as const;
const comments = { type: 'string', maxLength: 2000, title: '审核意见' } as const;
const effectiveDate = { ...date, title: '生效日期', description: '计划生效日期，今天或以后，三年以内' } as const;
const cancelDate = { ...date, title: '取消日期', description: '计划取消日期，今天或以后' } as const;
/**
 * Legal-affairs' reasons to go ahead over error-level quality findings, one per finding (its rule
 * and pointer as the quality report or QUALITY_BLOCKED names them). Only `legal` may send them.
 */
const acceptedRisks = {
  type: 'array',
  title: '接受风险',
  description: '仅法制审核人员：对每条错误级质量问题（规则 + 指针）记录接受风险的理由，记入审计并在质量报告中标为已接受',
  maxItems: 200,
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['rule', 'pointer', 'reason'],
    properties: {
      rule: { type: 'string', minLength: 1, maxLength: 100, title: '规则' },
      pointer: { type: 'string', maxLength: 500, title: '指针' },
      reason: { type: 'string', minLength: 1, maxLength: 2000, title: '理由' },
    },
  },
} as const;

/** One branch of the body: the action's own fields and nothing else. */
function branch<
  const A extends TransitionAction,
  const P extends Record<string, object>,
  const R extends readonly string[] = readonly [],
>(action: A, description: string, properties: P, required?: R) {
  return {
    type: 'object',
    title: description,
    additionalProperties: false,
    required: ['action', ...((required ?? []) as R)],
    properties: { action: { const: action, title: '操作' }, ...properties },
  } as const;
}

/**
 * The body of POST /api/matters/{code}/transitions, one branch per action: a field that belongs to
 * another action is refused (a `retire` sent with `effectiveDate` instead of `cancelDate` used to
 * retire the matter today). `discriminator` makes Ajv report the errors of the named action only.
 */
export const transitionRequestSchema = {
  type: 'object',
  title: '生命周期操作',
  description:
    'submit 提交审核 / withdraw 撤回 / return 退回 / publish 发布 / retire 取消 / newVersion 新建版本 / ' +
    'unschedule 撤销发布计划 / reschedule 改定生效日期',
  required: ['action'],
  discriminator: { propertyName: 'action' },
  oneOf: [
    branch('submit', '提交审核', { revision, acceptedRisks }),
    branch('withdraw', '撤回审核', { revision }),
    branch('return', '退回修改', { revision, comments: { ...comments, minLength: 1 } }, ['comments']),
    branch('publish', '发布（可定未来生效日）', { revision, effectiveDate, comments, acceptedRisks }),
    branch('retire', '取消事项（可定未来取消日）', { revision, cancelDate, comments }),
    branch('newVersion', '新建版本', {}),
    branch('unschedule', '撤销尚未生效的发布，退回法制审核', { revision, comments }),
    branch('reschedule', '改定尚未生效版本的生效日期', { revision, effectiveDate, comments }, ['effectiveDate']),
  ],
} as const;

export type TransitionRequest = FromSchema<typeof transitionRequestSchema>;
