import { ROLES } from '../kernel';

export const userViewSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'username', 'displayName', 'role', 'departmentCode', 'departmentName'],
  properties: {
    id: { type: 'integer' },
    username: { type: 'string' },
    displayName: { type: 'string' },
    role: { enum: [...ROLES] },
    departmentCode: { type: ['string', 'null'] },
    departmentName: { type: ['string', 'null'] },
  },
} as const;

export const sessionSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['user', 'csrfToken'],
  properties: {
    user: userViewSchema,
    csrfToken: { type: 'string', description: '之后每个写操作须在 X-CSRF-Token 头中携带' },
  },
} as const;
