import type { FromSchema } from 'json-schema-to-ts';

/** A department of the centre, as the API shows it; the type is derived from this schema. */
export const departmentSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['code', 'name', 'shortName', 'region', 'isDisabled'],
  properties: {
    code: { type: 'string', description: '统一社会信用代码（18 位）' },
    name: { type: 'string', description: '部门全称' },
    shortName: { type: ['string', 'null'], description: '简称' },
    region: { type: 'string', description: '行政区划代码（6 位）：该部门所在地区，对应该地区的工作日历' },
    isDisabled: { type: 'boolean', description: '已停用：保留其人员、事项与办件，但不再分配新的人员' },
  },
} as const;

export type Department = FromSchema<typeof departmentSchema>;

/** What the seed file (and a test's fixture) gives: a department is enabled until an administrator says otherwise. */
export type DepartmentSeed = Omit<Department, 'isDisabled'>;
