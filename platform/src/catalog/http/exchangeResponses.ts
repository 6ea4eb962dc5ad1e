/** Response schemas of import and the quality report. */
export const importResultSchema = {
  type: 'object',
  required: ['created', 'updated', 'total', 'codes'],
  properties: {
    created: { type: 'integer', minimum: 0, description: '新建的事项数' },
    updated: { type: 'integer', minimum: 0, description: '更新草稿或新建版本的事项数' },
    total: { type: 'integer', minimum: 0 },
    codes: { type: 'array', items: { type: 'string' } },
  },
} as const;

export const qualityReportSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['rules', 'findings', 'checkedMatters'],
  properties: {
    checkedMatters: { type: 'integer', minimum: 0 },
    rules: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['rule', 'title', 'severity', 'count'],
        properties: {
          rule: { type: 'string' },
          title: { type: 'string' },
          severity: { enum: ['error', 'warning', 'info'] },
          count: { type: 'integer', minimum: 0 },
        },
      },
    },
    findings: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['code', 'name', 'version', 'rule', 'pointer', 'message'],
        properties: {
          code: { type: 'string' },
          name: { type: 'string' },
          version: { type: ['integer', 'null'] },
          rule: { type: 'string' },
          pointer: { type: 'string' },
          message: { type: 'string' },
        },
      },
    },
  },
} as const;
