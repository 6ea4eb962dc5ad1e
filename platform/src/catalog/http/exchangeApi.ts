import { errorRef, ok, queryParameters, type Paths } from '../../openapi/openApiTypes';
import { XLSX_MEDIA_TYPE } from '../operations/exchangeOperations';
import { exportQuerySchema, qualityQuerySchema } from './exchangeRequests';

const tags = ['目录交换与质量 catalog'];
const security = [{ session: [] }];

export const exchangeApi: Paths = {
  '/api/catalog/import': {
    post: {
      summary: '导入事项目录（JSON 或 xlsx），全部校验通过才写入，生成草稿',
      description: '法制审核人员导入任意部门事项；部门管理员只能导入本部门事项。任何一行有错误时返回 IMPORT_INVALID，details.errors 逐条列出工作表、行、列与 JSON Pointer，且不写入任何内容。',
      tags,
      security,
      requestBody: {
        required: true,
        content: {
          'application/json': { schema: { description: '{format:"matterflow-catalog",matters:[…]}、{format:"national-exchange",records:[…]} 或事项文档数组' } },
          [XLSX_MEDIA_TYPE]: { schema: { type: 'string', contentMediaType: XLSX_MEDIA_TYPE } },
        },
      },
      responses: {
        '200': ok('导入结果', { type: 'object', properties: { created: { type: 'integer' }, updated: { type: 'integer' }, total: { type: 'integer' }, codes: { type: 'array', items: { type: 'string' } } } }),
        '400': errorRef, '401': errorRef, '403': errorRef, '413': errorRef, '415': errorRef, '422': errorRef,
      },
    },
  },
  '/api/catalog/export': {
    get: {
      summary: '导出事项目录（本系统 JSON、全国交换字段 JSON 或中文表头 xlsx）',
      tags,
      security,
      parameters: queryParameters(exportQuerySchema),
      responses: { '200': { description: '导出文件', content: { 'application/json': {}, [XLSX_MEDIA_TYPE]: {} } }, '400': errorRef, '401': errorRef, '403': errorRef },
    },
  },
  '/api/catalog/quality': {
    get: {
      summary: '目录质量检查：按规则计数并列出每个事项的问题（JSON Pointer）',
      tags,
      security,
      parameters: queryParameters(qualityQuerySchema),
      responses: { '200': ok('质量报告'), '400': errorRef, '401': errorRef, '403': errorRef },
    },
  },
};
