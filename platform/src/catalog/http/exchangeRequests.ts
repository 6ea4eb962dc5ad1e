import { MATTER_STATUSES } from '../MatterVersion';

const filters = {
  department: { type: 'string', pattern: '^[0-9A-HJ-NPQRTUWXY]{18}$', description: '实施主体统一社会信用代码' },
  type: { enum: ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '20'], description: '事项类型' },
  status: { enum: [...MATTER_STATUSES], description: '状态' },
} as const;

export const exportQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    format: { enum: ['json', 'national', 'xlsx'], description: 'json（本系统格式）/ national（全国交换字段）/ xlsx（中文表头）' },
    ...filters,
  },
} as const;

export const qualityQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: filters,
} as const;

export const importQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    dryRun: {
      enum: ['true', 'false'],
      description: 'true：完整校验并试写后回滚，返回将会新建、更新、冲突的事项，不写入任何内容',
    },
  },
} as const;
