import { defineRoute, type Clock, type Db, type Route } from '../kernel';
import { login } from './login';
import { logout } from './logout';
import type { SessionSettings } from './SessionSettings';
import {
  KNOWN_ADDRESS_DAYS,
  LOGIN_WINDOW_MINUTES,
  MAX_FAILURES_PER_ADDRESS,
  MAX_FAILURES_PER_USER_AND_ADDRESS,
  MAX_FAILURES_PER_USERNAME,
} from './reserveLoginAttempt';
import { citizenRoutes } from './citizenRoutes';
import { sessionSchema } from './sessionSchema';

/** Login request body; the same limits are published in OpenAPI. */
export const loginBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['username', 'password'],
  properties: {
    username: { type: 'string', minLength: 1, maxLength: 64 },
    password: { type: 'string', minLength: 1, maxLength: 256 },
  },
} as const;

export function identityRoutes(deps: { db: Db; clock: Clock; sessions: SessionSettings }): Route[] {
  return [
    defineRoute({
      method: 'get',
      path: '/session',
      summary: '当前会话（未登录时 user 为 null）',
      tags: ['session'],
      access: 'public',
      responses: {
        '200': {
          description: '会话',
          schema: {
            oneOf: [
              sessionSchema,
              { type: 'object', additionalProperties: false, required: ['user'], properties: { user: { type: 'null' } } },
            ],
          },
        },
      },
      errors: [],
      async handle({ session }) {
        return { body: session ? { user: session.user, csrfToken: session.csrfToken } : { user: null } };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/session',
      summary: '登录（用户名 + 密码）；设置 httpOnly 会话 Cookie，返回 CSRF 令牌',
      description: [
        '之后所有写操作须在 X-CSRF-Token 头中携带该令牌。',
        `登录限流（${LOGIN_WINDOW_MINUTES} 分钟滑动窗口；每次尝试在校验密码之前即计为一次失败，成功后撤销，因此并发猜测也不能超限）：`,
        `同一用户名 + 同一地址失败 ${MAX_FAILURES_PER_USER_AND_ADDRESS} 次；同一地址（不论用户名）失败 ${MAX_FAILURES_PER_ADDRESS} 次；`,
        `同一用户名在所有地址合计失败 ${MAX_FAILURES_PER_USERNAME} 次——但该用户近 ${KNOWN_ADDRESS_DAYS} 天内成功登录过的地址不受这一项限制，`,
        '他人从别处反复试错无法把本人锁在门外。超限时返回 429 LOGIN_RATE_LIMITED，Retry-After 给出可重试的秒数；',
        '成功登录只清除该用户名在该地址的失败记录。客户端地址仅在配置了 TRUST_PROXY 时才取自 X-Forwarded-For。',
      ].join(''),
      tags: ['session'],
      access: 'public',
      isCsrfExempt: true,
      body: { json: loginBodySchema },
      responses: { '200': { description: '已登录', schema: sessionSchema } },
      errors: [400, 401, 415, 422, 429],
      async handle({ call, body }) {
        const result = await login(deps, call, body);
        return { body: { user: result.user, csrfToken: result.csrfToken }, sessionCookie: result.token };
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/session',
      summary: '退出登录',
      tags: ['session'],
      access: 'public',
      responses: { '204': { description: '已退出' } },
      errors: [403],
      async handle({ call, session }) {
        if (session) await logout(deps, call, { token: session.token });
        return { status: 204, sessionCookie: null };
      },
    }),
    ...citizenRoutes(deps),
  ];
}
