import { defineRoute, type Clock, type Db, type Route } from '../kernel';
import { calendarStatus } from './calendarStatus';
import { computeDeadline, countWorkdays } from './computeDeadline';
import { getCalendarYear } from './getCalendarYear';
import { putCalendarYear } from './putCalendarYear';

const tags = ['工作日历 calendar'];

const regionParam = {
  type: 'string',
  pattern: '^(CN|[0-9]{6})$',
  description: '地区：CN（国务院办公厅通知）或 6 位行政区划代码（继承 CN，叠加本地调整）',
} as const;
const civilDate = (description: string) =>
  ({ type: 'string', format: 'date', pattern: '^(19|20|21)[0-9]{2}-[0-9]{2}-[0-9]{2}$', description }) as const;

const yearParams = {
  type: 'object',
  required: ['region', 'year'],
  properties: { region: regionParam, year: { type: 'string', pattern: '^(19|20|21)[0-9]{2}$', description: '年度' } },
} as const;
const regionParams = { type: 'object', required: ['region'], properties: { region: regionParam } } as const;

const dayInput = {
  type: 'object',
  additionalProperties: false,
  required: ['date', 'name'],
  properties: {
    date: { type: 'string', maxLength: 10, description: '日期 YYYY-MM-DD' },
    name: { type: 'string', minLength: 1, maxLength: 20, description: '节日名称，如 国庆节' },
  },
} as const;

const yearBody = {
  type: 'object',
  additionalProperties: false,
  required: ['holidays', 'workdays', 'source'],
  properties: {
    holidays: { type: 'array', maxItems: 261, items: dayInput, description: '放假的工作日（周一至周五）' },
    workdays: { type: 'array', maxItems: 104, items: dayInput, description: '调休上班的周末' },
    source: { type: 'string', maxLength: 200, description: '通知文号，如 国办发明电〔2024〕12号' },
  },
} as const;

const dayOut = {
  type: 'object',
  required: ['date', 'name', 'region'],
  properties: {
    date: { type: 'string', format: 'date' },
    name: { type: 'string' },
    region: { type: 'string', description: '规定该日的地区（CN 或本地）' },
  },
} as const;

const layer = {
  type: 'object',
  required: ['region', 'source', 'updatedBy', 'updatedAt'],
  properties: {
    region: { type: 'string' },
    source: { type: 'string' },
    updatedBy: { type: 'string' },
    updatedAt: { type: 'string', format: 'date-time' },
  },
} as const;

const yearView = {
  type: 'object',
  required: ['region', 'parent', 'year', 'holidays', 'workdays', 'source', 'updatedBy', 'updatedAt', 'layers'],
  properties: {
    region: { type: 'string' },
    parent: { type: ['string', 'null'] },
    year: { type: 'integer' },
    holidays: { type: 'array', items: dayOut, description: '放假的工作日' },
    workdays: { type: 'array', items: dayOut, description: '调休上班的周末' },
    source: { type: 'string', description: '最近一层的通知文号' },
    updatedBy: { type: 'string' },
    updatedAt: { type: 'string', format: 'date-time' },
    layers: { type: 'array', items: layer, description: '组成该年度的各层（CN 在前）' },
  },
} as const;

const deadlineQuery = {
  type: 'object',
  additionalProperties: false,
  required: ['from', 'days'],
  properties: {
    from: civilDate('受理日（不计入），如 2025-09-26'),
    days: { type: 'string', pattern: '^[0-9]{1,4}$', description: '时限数值' },
    unit: { enum: ['workday', 'day', 'month'], description: '单位：workday 工作日（默认）、day 自然日、month 月' },
    pausedDays: { type: 'string', pattern: '^[0-9]{1,3}$', description: '不计入时限的特别程序工作日数' },
  },
} as const;

const deadlineAnswer = {
  type: 'object',
  required: ['region', 'from', 'days', 'unit', 'pausedDays', 'due', 'provisional'],
  properties: {
    region: { type: 'string' },
    from: { type: 'string', format: 'date' },
    days: { type: 'integer' },
    unit: { enum: ['workday', 'day', 'month'] },
    pausedDays: { type: 'integer' },
    due: { type: 'string', format: 'date', description: '到期日（当日办结时间结束）' },
    provisional: { type: 'boolean', description: '跨入尚无节假日安排的年度：按周一至周五推算，暂定' },
  },
} as const;

const workdaysQuery = {
  type: 'object',
  additionalProperties: false,
  required: ['from', 'to'],
  properties: { from: civilDate('起始日（不计入）'), to: civilDate('截止日（计入）') },
} as const;

const workdaysAnswer = {
  type: 'object',
  required: ['region', 'from', 'to', 'workdays', 'provisional'],
  properties: {
    region: { type: 'string' },
    from: { type: 'string', format: 'date' },
    to: { type: 'string', format: 'date' },
    workdays: { type: 'integer', description: 'from 之后至 to（含）的工作日数；to 早于 from 时为负' },
    provisional: { type: 'boolean' },
  },
} as const;

const statusAnswer = {
  type: 'object',
  required: ['region', 'today', 'lastCoveredYear', 'regions', 'warnings'],
  properties: {
    region: { type: 'string', description: '本中心的地区（MATTERFLOW_REGION）' },
    today: { type: 'string', format: 'date' },
    lastCoveredYear: { type: ['integer', 'null'], description: '本中心日历的最后一个年度' },
    regions: {
      type: 'array',
      items: {
        type: 'object',
        required: ['code', 'parent', 'years'],
        properties: {
          code: { type: 'string' },
          parent: { type: ['string', 'null'] },
          years: { type: 'array', items: { type: 'integer' } },
        },
      },
    },
    warnings: {
      type: 'array',
      items: {
        type: 'object',
        required: ['code', 'message'],
        properties: { code: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
} as const;

/**
 * The working-day calendar. Reads are public (the portal shows due dates); changes are the system
 * administrator's. The literal paths come before `/{year}`, which would otherwise catch them.
 */
export function calendarRoutes(deps: { db: Db; clock: Clock }, settings: { region: string }): Route[] {
  return [
    defineRoute({
      method: 'get',
      path: '/calendar/status',
      summary: '工作日历状况：各地区已有年度、本中心日历的最后年度、需要录入的提醒（11 月起缺下一年度）',
      tags,
      access: ['sysadmin'],
      responses: { '200': { description: '状况', schema: statusAnswer } },
      errors: [401, 403],
      async handle({ call }) {
        return { body: await calendarStatus(deps, call, { region: settings.region }) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/calendar/today',
      summary: '本中心的地区与今天的日期（门户据此计算预计办结日期）',
      tags,
      access: 'public',
      responses: {
        '200': {
          description: '地区与日期',
          schema: {
            type: 'object',
            additionalProperties: false,
            required: ['region', 'today'],
            properties: { region: { type: 'string' }, today: { type: 'string', format: 'date' } },
          },
        },
      },
      errors: [],
      async handle() {
        // The server's clock is the one time source: a phone's wrong date must not move a due date.
        return { body: { region: settings.region, today: deps.clock.today() } };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/calendar/{region}/deadline',
      summary: '到期日：自受理日次日起算 N 个工作日（或自然日、月）',
      description:
        '民法典第二百零一条：开始的当日不计入。N 个工作日到第 N 个工作日结束；月按到期月的对应日，没有对应日的为月末日；自然日或月的最后一日是休假日的，顺延至其后第一个工作日（第二百零三条）。跨入尚无数据的年度时 provisional 为 true。',
      tags,
      access: 'public',
      params: regionParams,
      query: deadlineQuery,
      responses: { '200': { description: '到期日', schema: deadlineAnswer } },
      errors: [400, 404],
      async handle({ call, params, query }) {
        const answer = await computeDeadline(deps, call, {
          region: params.region,
          from: query.from,
          days: Number(query.days),
          unit: query.unit ?? 'workday',
          pausedDays: query.pausedDays === undefined ? 0 : Number(query.pausedDays),
        });
        return { body: answer };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/calendar/{region}/workdays',
      summary: '两个日期之间的工作日数（起始日不计，截止日计入）',
      tags,
      access: 'public',
      params: regionParams,
      query: workdaysQuery,
      responses: { '200': { description: '工作日数', schema: workdaysAnswer } },
      errors: [400, 404],
      async handle({ call, params, query }) {
        return { body: await countWorkdays(deps, call, { region: params.region, from: query.from, to: query.to }) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/calendar/{region}/{year}',
      summary: '某地区某年度的工作日历：放假的工作日与调休上班的周末（含本地调整），及通知文号',
      tags,
      access: 'public',
      params: yearParams,
      responses: { '200': { description: '该年度与周一至周五不同的日子', schema: yearView } },
      errors: [400, 404],
      async handle({ call, params }) {
        return { body: await getCalendarYear(deps, call, { region: params.region, year: Number(params.year) }) };
      },
    }),
    defineRoute({
      method: 'put',
      path: '/calendar/{region}/{year}',
      summary: '录入或修改某地区某年度的节假日安排（系统管理员）',
      description:
        'CN 录入国务院办公厅通知；6 位行政区划代码录入本地在全国安排之上的调整。只列与周一至周五不同的日子：放假的工作日、调休上班的周末。记入审计。',
      tags,
      access: ['sysadmin'],
      params: yearParams,
      body: { json: yearBody },
      responses: { '200': { description: '保存后的该年度日历', schema: yearView } },
      errors: [400, 401, 403, 404, 415, 422],
      async handle({ call, params, body }) {
        return {
          body: await putCalendarYear(deps, call, { region: params.region, year: Number(params.year), body }),
        };
      },
    }),
  ];
}
