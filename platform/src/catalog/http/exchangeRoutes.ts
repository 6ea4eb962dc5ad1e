import { defineRoute, type Clock, type Db, type Route } from '../../kernel';
import { IMPORT_LIMITS, XLSX_MEDIA_TYPE } from '../exchange';
import type { CatalogSettings } from '../quality';
import { catalogQuality, exportCatalog, importCatalogFile } from '../operations/exchangeOperations';
import type { MatterStatus } from '../MatterVersion';
import { exportQuerySchema, importQuerySchema, qualityQuerySchema } from './exchangeRequests';
import { importResultSchema, qualityReportSchema } from './exchangeResponses';

const tags = ['目录交换与质量 catalog'];
/** Imports writing at least this many matters refresh the planner's statistics before answering. */
const STAFF = ['window', 'reviewer', 'chief', 'dept_admin', 'legal', 'supervisor', 'sysadmin'] as const;

type Filters = { department?: string; type?: string; status?: string };
const filtersOf = ({ department, type, status }: Filters) => ({ department, type, status: status as MatterStatus | undefined });

/** Import, export and the quality report. Imports are raw bytes (JSON text or an xlsx workbook) with their own limit. */
export function exchangeRoutes(deps: { db: Db; clock: Clock } & CatalogSettings): Route[] {
  return [
    defineRoute({
      method: 'post',
      path: '/catalog/import',
      summary: '导入事项目录（JSON 或 xlsx），全部校验通过才写入，生成草稿',
      description:
        '法制审核人员导入任意部门事项；部门管理员只能导入本部门事项。任何一行有错误时返回 IMPORT_INVALID，details.errors 逐条列出工作表、行、列与 JSON Pointer，且不写入任何内容。' +
        'dryRun=true 时完整执行后回滚：结果与正式导入相同（isDryRun 为 true），但不写入任何内容。',
      tags,
      access: ['legal', 'dept_admin'],
      query: importQuerySchema,
      body: {
        raw: {
          mediaTypes: ['application/json', XLSX_MEDIA_TYPE, 'application/octet-stream'],
          maxBytes: IMPORT_LIMITS.maxFileBytes,
          description:
            '{format:"matterflow-catalog",matters:[…]}、{format:"national-exchange",records:[…]}、事项文档数组，或导出的 xlsx 工作簿',
        },
      },
      responses: { '200': { description: '导入结果', schema: importResultSchema } },
      errors: [400, 401, 403, 413, 415, 422],
      async handle({ call, body, mediaType, query }) {
        return { body: await importCatalogFile(deps, call, { bytes: body, mediaType, isDryRun: query.dryRun === 'true' }) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/catalog/export',
      summary: '导出事项目录（本系统 JSON、全国交换字段 JSON 或中文表头 xlsx）',
      tags,
      access: STAFF,
      query: exportQuerySchema,
      responses: {
        '200': {
          description: '导出文件（Content-Disposition: attachment）',
          mediaTypes: ['application/json', XLSX_MEDIA_TYPE],
          schema: {
            description:
              'format=json：{format,version,exportedAt,matters}；national：{format,version,exportedAt,records}；xlsx：工作簿',
          },
        },
      },
      errors: [400, 401, 403],
      async handle({ call, query }) {
        const file = await exportCatalog(deps, call, { format: query.format ?? 'json', filters: filtersOf(query) });
        return {
          stream: file.stream,
          headers: { 'Content-Type': file.mediaType, 'Content-Disposition': `attachment; filename="${file.fileName}"` },
        };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/catalog/quality',
      summary: '目录质量检查：按规则计数并列出每个事项的问题（JSON Pointer）',
      tags,
      access: ['dept_admin', 'legal', 'supervisor', 'sysadmin'],
      query: qualityQuerySchema,
      responses: { '200': { description: '质量报告', schema: qualityReportSchema } },
      errors: [400, 401, 403],
      async handle({ call, query }) {
        return { body: await catalogQuality(deps, call, { filters: filtersOf(query) }) };
      },
    }),
  ];
}
