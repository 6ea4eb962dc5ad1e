import { defineRoute, type Clock, type Db, type Route } from '../kernel';

/** Health: a round trip to the database, for load balancers and the operator. */
export function systemRoutes(deps: { db: Db; clock: Clock }, openApi: () => Record<string, unknown>): Route[] {
  return [
    defineRoute({
      method: 'get',
      path: '/health',
      summary: '健康检查（含数据库往返）',
      tags: ['system'],
      access: 'public',
      responses: {
        '200': {
          description: '正常',
          schema: {
            type: 'object',
            additionalProperties: false,
            required: ['status', 'database', 'dbLatencyMs', 'time'],
            properties: {
              status: { const: 'ok' },
              database: { enum: ['pglite', 'postgres'] },
              dbLatencyMs: { type: 'number', minimum: 0 },
              time: { type: 'string', format: 'date-time' },
            },
          },
        },
      },
      errors: [],
      async handle() {
        const started = process.hrtime.bigint();
        await deps.db.query('SELECT 1');
        const dbLatencyMs = Number(process.hrtime.bigint() - started) / 1e6;
        return { body: { status: 'ok', database: deps.db.kind, dbLatencyMs, time: deps.clock.now().toISOString() } };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/openapi.json',
      summary: '本接口描述（OpenAPI 3.1）',
      tags: ['system'],
      access: 'public',
      responses: { '200': { description: 'OpenAPI 文档', schema: { type: 'object', required: ['openapi', 'paths'] } } },
      errors: [],
      async handle() {
        return { body: openApi() };
      },
    }),
  ];
}
