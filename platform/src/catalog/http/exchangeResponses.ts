/** Response schemas of import and the quality report. */
export const importResultSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['created', 'updated', 'unchanged', 'total', 'codes', 'conflicts', 'inReview', 'migrated', 'isDryRun'],
  properties: {
    isDryRun: { type: 'boolean', description: '试导入：各项计数为正式导入的结果，但已全部回滚、未写入' },
    created: { type: 'integer', minimum: 0, description: '新建的事项数' },
    updated: { type: 'integer', minimum: 0, description: '覆盖草稿或在已发布版本上新建草稿版本的事项数' },
    unchanged: { type: 'integer', minimum: 0, description: '与现有草稿（无草稿时与最新版本）完全相同、未写入的事项数' },
    total: { type: 'integer', minimum: 0, description: '文件中的事项数' },
    codes: { type: 'array', items: { type: 'string' }, description: '写入了的事项（新建或更新）' },
    conflicts: {
      type: 'array',
      description: '导出后草稿已被修改（或文件未标明来源版本而草稿内容不同），未覆盖的事项',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['code', 'row', 'reason'],
        properties: { code: { type: 'string' }, row: { type: 'integer' }, reason: { type: 'string' } },
      },
    },
    inReview: {
      type: 'array',
      description: '正在法制审核中、未写入的事项',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['code', 'row'],
        properties: { code: { type: 'string' }, row: { type: 'integer' } },
      },
    },
    migrated: {
      type: 'object',
      additionalProperties: false,
      required: ['count', 'fromVersions', 'toVersion'],
      description: '文件中按旧版元模式写成、导入前已升级到当前版本的事项（如第 1 版导出的文件）',
      properties: {
        count: { type: 'integer', minimum: 0, description: '升级了的事项数' },
        fromVersions: { type: 'array', items: { type: 'integer' }, description: '文件中出现的旧元模式版本' },
        toVersion: { type: 'integer', description: '升级到的元模式版本' },
      },
    },
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
          accepted: {
            type: 'object',
            additionalProperties: false,
            required: ['reason', 'by', 'byName', 'at', 'version'],
            description: '法制审核人员已记录理由、接受该风险后发布（问题仍在，标为已接受）',
            properties: {
              reason: { type: 'string', description: '接受风险的理由' },
              by: { type: 'string', description: '用户名' },
              byName: { type: 'string', description: '姓名' },
              at: { type: 'string', format: 'date-time' },
              version: { type: 'integer', description: '接受风险时的版本' },
            },
          },
        },
      },
    },
  },
} as const;
