import { errorRef, ok, queryParameters, type Paths } from '../openapi/openApiTypes';
import { auditQuerySchema } from './auditRouter';

export const auditApi: Paths = {
  '/api/audit': {
    get: {
      summary: '审计记录（最新在前）：谁、何时、对什么对象做了什么；电子监察、系统管理员和法制审核可查',
      tags: ['audit'],
      security: [{ session: [] }],
      parameters: queryParameters(auditQuerySchema),
      responses: { '200': ok('审计记录'), '400': errorRef, '401': errorRef, '403': errorRef },
    },
  },
};
