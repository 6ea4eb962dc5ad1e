import { foodLicence } from '../tests/support/matterFixtures';

/** How many properties the form has, conditional ones included. */
export const FORM_FIELDS = 200;
/** Yes/no questions whose `then` adds two fields and one material each. */
const TRIGGERS = 10;
/** The field typed into: the last one of the form. */
export const LAST_FIELD = 'remarks';

type Json = Record<string, unknown>;

const DISTRICTS = ['城关镇', '青石镇', '白沙乡', '云岭乡', '临江镇', '南山乡', '东河镇', '北坪乡'];

/** One plain field of each kind in turn: patterns, free text, numbers, short and long enums, yes/no, dates. */
function plainField(k: number): { schema: Json; ui: Json; value: unknown } {
  switch (k % 7) {
    case 0:
      return {
        schema: { type: 'string', title: `第${k}项 联系电话`, pattern: '^1[3-9]\\d{9}$' },
        ui: { 'ui:placeholder': '11 位手机号码' },
        value: '13912345678',
      };
    case 1:
      return {
        schema: { type: 'string', title: `第${k}项 说明`, maxLength: 50 },
        ui: k % 3 === 0 ? { 'ui:help': '请如实填写，不超过 50 字' } : {},
        value: '如实填写',
      };
    case 2:
      return { schema: { type: 'integer', title: `第${k}项 数量`, minimum: 0, maximum: 100000 }, ui: {}, value: k * 3 };
    case 3:
      return {
        schema: { type: 'string', title: `第${k}项 经营方式`, enum: ['自营', '加盟', '委托'] },
        ui: { 'ui:widget': 'radio' },
        value: '自营',
      };
    case 4:
      return {
        schema: { type: 'string', title: `第${k}项 所在乡镇`, enum: DISTRICTS },
        ui: { 'ui:placeholder': '请选择' },
        value: DISTRICTS[k % DISTRICTS.length],
      };
    case 5:
      return { schema: { type: 'boolean', title: `第${k}项 是否已取得` }, ui: {}, value: k % 2 === 0 };
    default:
      return { schema: { type: 'string', format: 'date', title: `第${k}项 日期` }, ui: {}, value: '2026-11-30' };
  }
}

/**
 * The benchmark's form: 200 properties (170 plain fields of seven kinds, every fifth one required;
 * ten yes/no questions among them, each an `if/then` whose `then` adds a required text and a
 * number; the remarks field last), a uiSchema with order, radios, placeholders and help, and form data that answers every
 * question yes, so all 200 fields show. rjsf issue #3715 is about forms of this shape.
 */
export function benchForm(): { schema: Json; uiSchema: Json; formData: Json } {
  const properties: Json = {};
  const uiSchema: Json = {};
  const formData: Json = {};
  const required: string[] = [];
  const order: string[] = [];
  const allOf: Json[] = [];
  const plainCount = FORM_FIELDS - TRIGGERS * 3 - 1;
  for (let k = 1; k <= plainCount; k += 1) {
    const name = `f${String(k).padStart(3, '0')}`;
    const field = plainField(k);
    properties[name] = field.schema;
    if (Object.keys(field.ui).length > 0) uiSchema[name] = field.ui;
    formData[name] = field.value;
    if (k % 5 === 0) required.push(name);
    order.push(name);
    // The questions sit among the fields, each followed by what it adds.
    if (k % 16 === 0 && k / 16 <= TRIGGERS) {
      const i = k / 16;
      properties[`has${i}`] = { type: 'boolean', title: `是否涉及第${i}类特殊经营项目` };
      uiSchema[`has${i}`] = { 'ui:widget': 'radio' };
      uiSchema[`detail${i}`] = { 'ui:widget': 'textarea' };
      formData[`has${i}`] = true;
      formData[`detail${i}`] = `第${i}类项目已按规定设置`;
      formData[`amount${i}`] = 20 + i;
      order.push(`has${i}`);
      // The two fields exist only when the answer is yes: rjsf resolves the condition on every render.
      allOf.push({
        if: { properties: { [`has${i}`]: { const: true } }, required: [`has${i}`] },
        then: {
          properties: {
            [`detail${i}`]: { type: 'string', title: `第${i}类项目说明`, maxLength: 200 },
            [`amount${i}`]: { type: 'number', title: `第${i}类项目面积（平方米）`, minimum: 0 },
          },
          required: [`detail${i}`, `amount${i}`],
        },
      });
    }
  }
  properties[LAST_FIELD] = { type: 'string', title: '备注', maxLength: 2000 };
  // The conditional fields go where rjsf puts the rest ('*'): ui:order may not name absent fields.
  order.push('*', LAST_FIELD);
  uiSchema['ui:order'] = order;
  return { schema: { type: 'object', required, properties, allOf }, uiSchema, formData };
}

/**
 * A publishable matter (the 食品经营许可 fixture) carrying the benchmark's form, with one upload
 * material per yes/no question, shown when it is answered yes (the portal evaluates the
 * conditions on every change, as the platform does on submit).
 */
export function benchMatter(suffix = '0001310240200') {
  // The name must be the one the catalog code already has (quality rule name.inconsistent).
  const base = foodLicence({ suffix });
  const form = benchForm();
  const extra = Array.from({ length: TRIGGERS }, (_, n) => ({
    id: `special${n + 1}`,
    name: `第${n + 1}类特殊经营项目证明材料`,
    type: '复印件',
    format: '电子',
    necessity: '必要',
    source: '申请人自备',
    acceptStandard: '清晰完整',
    basis: base.legalBasis[0],
    condition: { properties: { [`has${n + 1}`]: { const: true } }, required: [`has${n + 1}`] },
    conditionText: `涉及第${n + 1}类特殊经营项目的`,
  }));
  return {
    document: {
      ...base,
      // The fixture's 委托 material asks about a field this form does not have.
      materials: [...base.materials.filter((m) => m.id !== 'proxy'), ...extra],
      form: { schema: form.schema, uiSchema: form.uiSchema },
    },
    formData: form.formData,
  };
}
