import { readFileSync } from 'node:fs';
import { schemasDir } from '../metaschema';
import { catalogApi } from '../catalog/http/catalogApi';
import { exchangeApi } from '../catalog/http/exchangeApi';
import { coreApi } from './coreApi';
import { departmentsApi } from '../departments/departmentsApi';
import { auditApi } from '../audit/auditApi';
import type { Paths } from './openApiTypes';

const readSchema = (file: string) => {
  const { $schema: _dialect, ...schema } = JSON.parse(readFileSync(`${schemasDir}${file}`, 'utf8')) as Record<string, unknown>;
  return schema;
};

let built: Record<string, unknown> | undefined;

/** The whole public surface; a test checks that every mounted route appears here. */
export function openApiDocument(): Record<string, unknown> {
  if (built) return built;
  const paths: Paths = { ...coreApi, ...departmentsApi, ...catalogApi, ...exchangeApi, ...auditApi };
  built = {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'Matterflow 事项通 API',
      version: '0.1.0',
      description: '政务服务事项目录、办事指南、申请与办件的 HTTP 接口。错误统一为 {error:{code,message,details}}，错误码见 docs/errors.md。',
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'mf_session', description: '登录后设置的会话 Cookie；写操作另需 X-CSRF-Token 头' },
      },
      schemas: {
        MatterDocument: readSchema('matter.schema.json'),
        Flow: readSchema('flow.schema.json'),
        MatterVersion: {
          type: 'object',
          properties: {
            code: { type: 'string' },
            version: { type: 'integer' },
            status: { enum: ['draft', 'in_review', 'published', 'superseded', 'retired'] },
            revision: { type: 'integer' },
            effectiveFrom: { type: ['string', 'null'], format: 'date' },
            cancelAt: { type: ['string', 'null'], format: 'date' },
            document: { $ref: '#/components/schemas/MatterDocument' },
          },
        },
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: {
                code: { type: 'string', description: '稳定错误码，见 docs/errors.md' },
                message: { type: 'string', description: '中文说明' },
                details: { description: '字段问题列表 [{pointer, code, message}] 或其他上下文' },
              },
            },
          },
        },
      },
      responses: {
        Error: { description: '错误', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
      },
    },
  };
  return built;
}
