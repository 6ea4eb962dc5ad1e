import { loginBodySchema } from '../identity';
import { errorRef, json, ok, type Paths } from './openApiTypes';

/** Health and session endpoints. */
export const coreApi: Paths = {
  '/api/health': {
    get: { summary: '健康检查（含数据库往返）', tags: ['system'], responses: { '200': ok('正常') } },
  },
  '/api/openapi.json': {
    get: { summary: '本接口描述（OpenAPI 3.1）', tags: ['system'], responses: { '200': ok('OpenAPI 文档') } },
  },
  '/api/session': {
    get: { summary: '当前会话（未登录时 user 为 null）', tags: ['session'], responses: { '200': ok('会话') } },
    post: {
      summary: '登录（用户名 + 密码）；设置 httpOnly 会话 Cookie，返回 CSRF 令牌',
      description: '之后所有写操作须在 X-CSRF-Token 头中携带该令牌。同一用户名 15 分钟内失败 5 次、同一 IP 失败 20 次即限流（429）。',
      tags: ['session'],
      requestBody: {
        required: true,
        ...json(loginBodySchema),
      },
      responses: { '200': ok('已登录'), '400': errorRef, '401': errorRef, '422': errorRef, '429': errorRef },
    },
    delete: { summary: '退出登录', tags: ['session'], security: [{ session: [] }], responses: { '204': { description: '已退出' }, '403': errorRef } },
  },
};
