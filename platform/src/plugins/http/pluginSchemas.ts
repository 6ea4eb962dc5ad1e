/** The wire shapes of the plugin API (docs/plugin-host.md), as the OpenAPI document states them. */

const nullableText = { type: ['string', 'null'] } as const;
const time = { type: 'string', format: 'date-time' } as const;
const nullableTime = { type: ['string', 'null'], format: 'date-time' } as const;
const strings = { type: 'array', items: { type: 'string' } } as const;
const state = {
  enum: ['draft', 'checked', 'enabled', 'disabled'],
  description: '草稿（未通过检查）、已检查、已启用、已停用',
} as const;
const stage = { enum: ['manifest', 'types', 'compile', 'examples'] } as const;

export const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', pattern: '^[a-z][a-z0-9-]{1,62}$', description: '插件标识' } },
} as const;

export const versionParams = {
  type: 'object',
  required: ['id', 'version'],
  properties: {
    ...idParams.properties,
    version: {
      type: 'string',
      pattern: '^(0|[1-9][0-9]{0,5})\\.(0|[1-9][0-9]{0,5})\\.(0|[1-9][0-9]{0,5})$',
      description: '版本号',
    },
  },
} as const;

export const tableParams = {
  type: 'object',
  required: ['name'],
  properties: { name: { type: 'string', pattern: '^[a-z][a-z0-9_-]{0,62}$', description: '参照表名' } },
} as const;

export const bundleBody = {
  type: 'object',
  additionalProperties: false,
  required: ['manifest', 'files'],
  properties: {
    manifest: { type: 'object', description: '插件清单 plugin.json（schemas/plugin.schema.json）' },
    files: {
      type: 'object',
      description: '源文件：相对路径 → 文本',
      maxProperties: 50,
      additionalProperties: { type: 'string' },
    },
  },
} as const;

export const transitionBody = {
  type: 'object',
  additionalProperties: false,
  required: ['to'],
  properties: { to: { enum: ['enabled', 'disabled'], description: '启用（同时停用原已启用的版本）或停用' } },
} as const;

export const grantsBody = {
  type: 'object',
  additionalProperties: false,
  required: ['httpOrigins', 'lookupTables'],
  properties: {
    httpOrigins: {
      type: 'array',
      maxItems: 20,
      uniqueItems: true,
      items: { type: 'string', maxLength: 300, pattern: '^https?://', description: '来源：http(s)://主机[:端口]' },
    },
    lookupTables: { type: 'array', maxItems: 20, uniqueItems: true, items: tableParams.properties.name },
  },
} as const;

export const tableBody = {
  type: 'object',
  additionalProperties: false,
  required: ['rows'],
  properties: {
    rows: { type: 'object', description: '键 → 行（每行一个 JSON 对象）', additionalProperties: { type: 'object' } },
  },
} as const;

export const grantsView = {
  type: 'object',
  required: ['httpOrigins', 'lookupTables', 'grantedAt', 'grantedBy'],
  properties: { httpOrigins: strings, lookupTables: strings, grantedAt: nullableTime, grantedBy: nullableText },
} as const;

const versionProperties = {
  version: { type: 'string' },
  major: { type: 'integer' },
  state,
  hooks: strings,
  matters: strings,
  requested: {
    type: 'object',
    required: ['calendar', 'lookup', 'http'],
    description: '清单申请的能力（不等于已授予）',
    properties: { calendar: { type: 'boolean' }, lookup: strings, http: strings },
  },
  uploadedAt: time,
  uploadedBy: { type: 'string' },
  enabledAt: nullableTime,
  enabledBy: nullableText,
  disabledAt: nullableTime,
  disabledBy: nullableText,
} as const;
const versionRequired = Object.keys(versionProperties);

const versionView = {
  type: 'object',
  required: [...versionRequired, 'check'],
  properties: {
    ...versionProperties,
    check: { type: 'object', required: ['ok', 'stage'], properties: { ok: { type: 'boolean' }, stage } },
  },
} as const;

export const versionDetail = {
  type: 'object',
  required: ['id', ...versionRequired, 'manifest', 'files', 'check'],
  properties: {
    id: { type: 'string' },
    ...versionProperties,
    manifest: { type: 'object' },
    files: { type: 'object', additionalProperties: { type: 'string' } },
    check: {
      type: 'object',
      required: ['ok', 'stage', 'diagnostics', 'examples'],
      properties: {
        ok: { type: 'boolean' },
        stage,
        diagnostics: {
          type: 'array',
          items: {
            type: 'object',
            required: ['message'],
            properties: {
              file: { type: 'string' },
              line: { type: 'integer' },
              column: { type: 'integer' },
              code: { type: ['integer', 'string'] },
              message: { type: 'string' },
            },
          },
        },
        examples: {
          type: 'array',
          items: {
            type: 'object',
            required: ['name', 'hook', 'ok'],
            properties: {
              name: { type: 'string' },
              hook: { type: 'string' },
              ok: { type: 'boolean' },
              message: { type: 'string' },
            },
          },
        },
      },
    },
  },
} as const;

export const pluginView = {
  type: 'object',
  required: [
    'id',
    'departmentCode',
    'departmentName',
    'description',
    'createdAt',
    'createdBy',
    'enabledVersion',
    'grants',
    'versions',
  ],
  properties: {
    id: { type: 'string' },
    departmentCode: { type: 'string' },
    departmentName: nullableText,
    description: { type: 'string' },
    createdAt: time,
    createdBy: { type: 'string' },
    enabledVersion: nullableText,
    grants: grantsView,
    versions: { type: 'array', description: '最近上传的在前', items: versionView },
  },
} as const;

export const pluginList = {
  type: 'object',
  required: ['items'],
  properties: {
    items: {
      type: 'array',
      items: {
        type: 'object',
        required: [
          'id',
          'departmentCode',
          'departmentName',
          'description',
          'enabledVersion',
          'latestVersion',
          'versionCount',
          'calls',
          'failures',
        ],
        properties: {
          id: { type: 'string' },
          departmentCode: { type: 'string' },
          departmentName: nullableText,
          description: { type: 'string' },
          enabledVersion: nullableText,
          latestVersion: nullableText,
          versionCount: { type: 'integer' },
          calls: { type: 'integer' },
          failures: { type: 'integer' },
        },
      },
    },
  },
} as const;

const nullableMs = { type: ['number', 'null'], description: '毫秒（所在延迟区间的上界）；尚无调用时为 null' } as const;

export const healthView = {
  type: 'object',
  required: ['id', 'version', 'calls', 'failures', 'p50Ms', 'p95Ms', 'hooks', 'lastErrors'],
  properties: {
    id: { type: 'string' },
    version: { type: 'string' },
    calls: { type: 'integer' },
    failures: { type: 'integer' },
    p50Ms: nullableMs,
    p95Ms: nullableMs,
    hooks: {
      type: 'array',
      items: {
        type: 'object',
        required: ['hook', 'calls', 'failures', 'totalMs', 'p50Ms', 'p95Ms'],
        properties: {
          hook: { type: 'string' },
          calls: { type: 'integer' },
          failures: { type: 'integer' },
          totalMs: { type: 'number' },
          p50Ms: nullableMs,
          p95Ms: nullableMs,
        },
      },
    },
    lastErrors: {
      type: 'array',
      description: '最近的失败，新的在前，最多 100 条',
      items: {
        type: 'object',
        required: ['at', 'hook', 'kind', 'message', 'caseNumber'],
        properties: {
          at: time,
          hook: { type: 'string' },
          kind: { type: 'string' },
          message: { type: 'string' },
          caseNumber: nullableText,
        },
      },
    },
  },
} as const;

export const tableView = {
  type: 'object',
  required: ['name', 'rows', 'rowCount', 'updatedAt', 'updatedBy'],
  properties: {
    name: { type: 'string' },
    rows: { type: 'object' },
    rowCount: { type: 'integer' },
    updatedAt: time,
    updatedBy: { type: 'string' },
  },
} as const;
