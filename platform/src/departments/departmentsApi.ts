import { ok, type Paths } from '../openapi/openApiTypes';

export const departmentsApi: Paths = {
  '/api/departments': {
    get: {
      summary: '部门列表（统一社会信用代码、名称、简称、行政区划）',
      tags: ['departments'],
      responses: { '200': ok('部门', { type: 'object', properties: { items: { type: 'array' } } }) },
    },
  },
};
