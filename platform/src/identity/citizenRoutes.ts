import { defineRoute, type Clock, type Db, type Route } from '../kernel';
import { MAX_PASSWORD_LENGTH } from './createUser';
import { MIN_CITIZEN_PASSWORD_LENGTH, registerCitizen } from './registerCitizen';
import { MAX_REGISTRATIONS_PER_ADDRESS, REGISTRATION_WINDOW_MINUTES } from './reserveRegistrationAttempt';
import type { SessionSettings } from './SessionSettings';
import { sessionSchema } from './sessionSchema';

/**
 * Only lengths here: the rules themselves (name, 身份证号, phone, password) are checked by the
 * operation, which answers each with its own code and a Chinese message the form shows at the field.
 */
export const citizenBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'idNumber', 'phone', 'password'],
  properties: {
    name: { type: 'string', maxLength: 100, description: '与身份证一致的姓名' },
    idNumber: { type: 'string', maxLength: 32, description: '18 位居民身份证号码（末位 X 大小写均可）' },
    phone: { type: 'string', maxLength: 32, description: '手机号码' },
    password: {
      type: 'string',
      maxLength: MAX_PASSWORD_LENGTH,
      description: `至少 ${MIN_CITIZEN_PASSWORD_LENGTH} 位，不能全是数字`,
    },
  },
} as const;

export function citizenRoutes(deps: { db: Db; clock: Clock; sessions: SessionSettings }): Route[] {
  return [
    defineRoute({
      method: 'post',
      path: '/citizens',
      summary: '群众注册（姓名、身份证号、手机号、密码）；注册即登录',
      description: [
        '成功后与登录一样设置会话 Cookie 并返回 CSRF 令牌；之后用身份证号作用户名登录（POST /api/session）。',
        '身份证号已注册时返回 409 CITIZEN_EXISTS（注册本身必然透露该号码是否已注册，因此限流）：',
        `同一地址 ${REGISTRATION_WINDOW_MINUTES} 分钟内最多 ${MAX_REGISTRATIONS_PER_ADDRESS} 次通过格式校验的注册尝试（成功与否都计），`,
        '超限时返回 429 REGISTRATION_RATE_LIMITED，Retry-After 给出可重试的秒数。',
      ].join(''),
      tags: ['session'],
      access: 'public',
      isCsrfExempt: true,
      body: { json: citizenBodySchema },
      responses: { '201': { description: '已注册并登录', schema: sessionSchema } },
      errors: [400, 409, 415, 422, 429],
      async handle({ call, body }) {
        const result = await registerCitizen(deps, call, body);
        return { status: 201, body: { user: result.user, csrfToken: result.csrfToken }, sessionCookie: result.token };
      },
    }),
  ];
}
