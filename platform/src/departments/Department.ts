import type { FromSchema } from 'json-schema-to-ts';

/** A department of the centre, as the API shows it; the type is derived from this schema. */
export const departmentSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['code', 'name', 'shortName', 'region'],
  properties: {
    code: { type: 'string', description: '统一社会信用代码（18 位）' },
    name: { type: 'string', description: '部门全称' },
    shortName: { type: ['string', 'null'], description: '简称' },
    region: { type: 'string', description: '行政区划代码（6 位）' },
  },
} as const;

export type Department = FromSchema<typeof departmentSchema>;
