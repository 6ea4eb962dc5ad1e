import { defineRoute, type Route } from '../../kernel';
import type { CaseDeps } from '../caseDeps';
import { readCaseEvents } from '../operations/readCaseEvents';
import { caseNumberParams } from './caseSchemas';

const eventListSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['items'],
  properties: {
    items: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['at', 'type', 'title', 'actorName', 'details'],
        properties: {
          at: { type: 'string', format: 'date-time' },
          type: { type: 'string' },
          title: { type: 'string' },
          actorName: { anyOf: [{ type: 'string' }, { type: 'null' }] },
          details: { type: 'object', description: '该步骤记录的内容（理由、补正事项、暂停等），按事件类型而定' },
        },
      },
    },
  },
} as const;

/** The staff's read of a case's timeline with details: what the workbench and its notices print. */
export function caseEventRoutes(deps: CaseDeps): Route[] {
  return [
    defineRoute({
      method: 'get',
      path: '/cases/{number}/events',
      summary: '办件的办理记录（含各步骤的理由、补正事项等），供工作台与文书打印',
      tags: ['cases'],
      access: ['window', 'reviewer', 'chief', 'dept_admin', 'legal', 'supervisor'],
      params: caseNumberParams,
      responses: { '200': { description: '办理记录，先发生的在前', schema: eventListSchema } },
      errors: [401, 403, 404],
      async handle({ call, params }) {
        return { body: { items: await readCaseEvents(deps, call, { number: params.number }) } };
      },
    }),
  ];
}
