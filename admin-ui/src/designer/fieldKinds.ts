import { PHONE_PATTERN } from '@matterflow/schemas';
import type { JsonObject } from '../editor/SectionProps';
import { isJsonObject } from './isJsonObject';

export type FieldKind =
  | 'text'
  | 'textarea'
  | 'number'
  | 'integer'
  | 'date'
  | 'radio'
  | 'select'
  | 'checkboxes'
  | 'boolean'
  | 'idNumber'
  | 'phone'
  | 'uscc'
  | 'advanced';

/** The seed catalog's patterns, so a field the designer adds validates like the ones already published. */
export const ID_NUMBER_PATTERN = '^[1-9]\\d{5}(18|19|20)\\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\\d|3[01])\\d{3}[0-9Xx]$';
export const USCC_PATTERN = '^[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}$';

interface KindDefaults {
  label: string;
  schema: JsonObject;
  ui: JsonObject;
}

const OPTIONS = ['选项一', '选项二'];

/** What each kind adds to a new field; the clerk then sets the title and the rest. */
export const FIELD_KINDS: Record<Exclude<FieldKind, 'advanced'>, KindDefaults> = {
  text: { label: '单行文本', schema: { type: 'string', maxLength: 100 }, ui: {} },
  textarea: {
    label: '多行文本',
    schema: { type: 'string', maxLength: 2000 },
    ui: { 'ui:widget': 'textarea', 'ui:options': { rows: 3 } },
  },
  number: { label: '数字', schema: { type: 'number', minimum: 0 }, ui: {} },
  integer: { label: '整数', schema: { type: 'integer', minimum: 0 }, ui: {} },
  date: { label: '日期', schema: { type: 'string', format: 'date' }, ui: {} },
  radio: { label: '单选', schema: { type: 'string', enum: OPTIONS }, ui: { 'ui:widget': 'radio' } },
  select: { label: '下拉', schema: { type: 'string', enum: OPTIONS }, ui: { 'ui:widget': 'select', 'ui:placeholder': '请选择' } },
  checkboxes: {
    label: '多选',
    schema: { type: 'array', uniqueItems: true, items: { type: 'string', enum: OPTIONS } },
    ui: { 'ui:widget': 'checkboxes' },
  },
  // As in the seed catalog: 否 until the applicant says otherwise, so a condition “为是” is decided.
  boolean: { label: '是/否', schema: { type: 'boolean', default: false }, ui: { 'ui:widget': 'radio' } },
  idNumber: {
    label: '身份证号',
    schema: { type: 'string', pattern: ID_NUMBER_PATTERN, 'x-hint': '应为18位居民身份证号码' },
    ui: { 'ui:placeholder': '18位居民身份证号码' },
  },
  phone: {
    label: '手机号码',
    schema: { type: 'string', pattern: PHONE_PATTERN.source, 'x-hint': '应为11位手机号码' },
    ui: { 'ui:placeholder': '11位手机号码' },
  },
  uscc: {
    label: '统一社会信用代码',
    schema: { type: 'string', pattern: USCC_PATTERN, 'x-hint': '应为18位统一社会信用代码' },
    ui: { 'ui:placeholder': '18位统一社会信用代码' },
  },
};

export const KIND_LABELS: Record<FieldKind, string> = {
  ...Object.fromEntries(Object.entries(FIELD_KINDS).map(([kind, { label }]) => [kind, label])),
  advanced: '高级',
} as Record<FieldKind, string>;

/** Keywords that make a field more than the designer edits: such a field is kept as it is. */
const ADVANCED_KEYWORDS = ['properties', 'oneOf', 'anyOf', 'allOf', '$ref', 'if', 'const', 'dependentSchemas', 'not'];

/** Which kind a field of an existing form is, by its schema and uiSchema; `advanced` when none fits. */
export function kindOf(schema: unknown, ui: unknown): FieldKind {
  if (!isJsonObject(schema) || ADVANCED_KEYWORDS.some((keyword) => keyword in schema)) return 'advanced';
  const widget = isJsonObject(ui) ? ui['ui:widget'] : undefined;
  switch (schema.type) {
    case 'boolean':
      return 'boolean';
    case 'integer':
      return 'integer';
    case 'number':
      return 'number';
    case 'array': {
      const items = schema.items;
      return isJsonObject(items) && items.type === 'string' && Array.isArray(items.enum) ? 'checkboxes' : 'advanced';
    }
    case 'string':
      if (Array.isArray(schema.enum)) {
        if (widget === 'select') return 'select';
        if (widget === 'radio') return 'radio';
        // The portal's own default: up to four choices as radio buttons.
        return schema.enum.length <= 4 ? 'radio' : 'select';
      }
      if (schema.format === 'date') return 'date';
      if (schema.format !== undefined) return 'advanced';
      if (schema.pattern === ID_NUMBER_PATTERN) return 'idNumber';
      if (schema.pattern === PHONE_PATTERN.source) return 'phone';
      if (schema.pattern === USCC_PATTERN) return 'uscc';
      return widget === 'textarea' ? 'textarea' : 'text';
    default:
      return 'advanced';
  }
}

/** The choices of a 单选/下拉/多选 field, or undefined for other kinds. */
export function optionsOf(schema: JsonObject): unknown[] | undefined {
  if (Array.isArray(schema.enum)) return schema.enum;
  const items = schema.items;
  return isJsonObject(items) && Array.isArray(items.enum) ? items.enum : undefined;
}

/** The same field with other choices, wherever its kind keeps them. */
export function withOptions(schema: JsonObject, options: string[]): JsonObject {
  const items = schema.items;
  if (isJsonObject(items) && Array.isArray(items.enum)) return { ...schema, items: { ...items, enum: options } };
  return { ...schema, enum: options };
}
