import { describe, expect, it } from 'vitest';
import { createAjv } from './createAjv';
import { toFieldIssues } from './fieldIssues';
import { metaSchemas } from './metaSchemas';

function matterIssues(document: unknown) {
  const { matter } = metaSchemas();
  return matter(document) ? [] : toFieldIssues(matter.errors);
}

const base = { metaSchemaVersion: 2, code: '11131024MB1234567X0001', name: '食品经营许可', type: '01' };
const department = { code: '11131024MB1234567X', name: '云溪县市场监督管理局' };

describe('toFieldIssues', () => {
  it('names a missing field by its Chinese title', () => {
    const issues = matterIssues({ metaSchemaVersion: 2, code: base.code, type: '01', department });
    expect(issues).toContainEqual({ pointer: '/name', code: 'schema.required', message: '缺少必填项“事项名称”' });
  });

  it('explains a pattern with the field description, never the regular expression', () => {
    const issues = matterIssues({ ...base, code: 'abc', department });
    const code = issues.find((issue) => issue.pointer === '/code');
    expect(code?.message).toBe('“实施编码”格式不正确：实施主体统一社会信用代码（18 位）加本级编号，最长 36 位');
    expect(issues.every((issue) => !issue.message.includes('^') && !issue.message.includes('{18}'))).toBe(true);
  });

  it('lists enum choices by their x-enumNames, with the title found across a $ref', () => {
    const issues = matterIssues({ ...base, type: '99', department, levels: ['9'] });
    expect(issues).toContainEqual({
      pointer: '/type',
      code: 'schema.enum',
      message:
        '“事项类型”应为以下之一：行政许可、行政处罚、行政强制、行政征收、行政给付、行政检查、行政确认、行政奖励、行政裁决、其他行政权力、公共服务',
    });
    expect(issues.find((issue) => issue.pointer === '/levels/0')?.message).toMatch(
      /^“行使层级”第 1 项应为以下之一：国家级、省级/,
    );
  });

  it('takes the title from the referring property when the definition has none', () => {
    const issues = matterIssues({ ...base, department: { ...department, code: 'x' } });
    expect(issues.find((issue) => issue.pointer === '/department/code')?.message).toMatch(
      /^“实施主体编码”格式不正确：应为 18 位统一社会信用代码/,
    );
  });

  it('words limits and types with the title', () => {
    const issues = matterIssues({ ...base, name: 42, department, timeLimits: { statutory: { value: -1 } } });
    expect(issues).toContainEqual({ pointer: '/name', code: 'schema.type', message: '“事项名称”应为文本' });
    expect(issues).toContainEqual({
      pointer: '/timeLimits/statutory/value',
      code: 'schema.minimum',
      message: '“时限”不能小于 0',
    });
  });

  it('prefers an x-hint over the description and points at unknown properties', () => {
    const ajv = createAjv();
    const validate = ajv.compile({
      type: 'object',
      additionalProperties: false,
      properties: {
        phone: {
          type: 'string',
          title: '联系电话',
          pattern: '^1[0-9]{10}$',
          description: '手机号',
          'x-hint': '11 位手机号码，如 13800000000',
        },
        day: { type: 'string', title: '预约日期', format: 'date' },
      },
    });
    validate({ phone: '12', day: '2099-02-30', extra: true });
    expect(toFieldIssues(validate.errors, '/body')).toEqual([
      { pointer: '/body/extra', code: 'schema.additionalProperties', message: '不允许的属性“extra”' },
      { pointer: '/body/phone', code: 'schema.pattern', message: '“联系电话”格式不正确：11 位手机号码，如 13800000000' },
      { pointer: '/body/day', code: 'schema.format', message: '“预约日期”应为真实存在的日期（YYYY-MM-DD）' },
    ]);
  });

  it('names the choices of a discriminated oneOf at the tag', () => {
    const validate = createAjv().compile({
      type: 'object',
      required: ['action'],
      discriminator: { propertyName: 'action' },
      oneOf: [
        { type: 'object', properties: { action: { const: 'publish', title: '操作' } } },
        { type: 'object', properties: { action: { const: 'retire', title: '操作' } } },
      ],
    });
    validate({ action: 'publishNow' });
    expect(toFieldIssues(validate.errors)).toEqual([
      { pointer: '/action', code: 'schema.discriminator', message: '“操作”应为以下之一：publish、retire' },
    ]);
  });

  it('falls back to the Chinese library wording without a title, still never showing a pattern', () => {
    const validate = createAjv().compile({ type: 'object', properties: { n: { type: 'string', pattern: '^[0-9]+$' } } });
    validate({ n: 'x' });
    expect(toFieldIssues(validate.errors)).toEqual([{ pointer: '/n', code: 'schema.pattern', message: '格式不正确' }]);
    validate({ n: 1 });
    expect(toFieldIssues(validate.errors)).toEqual([{ pointer: '/n', code: 'schema.type', message: '应为文本' }]);
    validate({ n: 'ab'.repeat(3) });
    expect(toFieldIssues(validate.errors)[0]?.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('never names a field by the English title of the JSON Schema meta-schema', () => {
    const ajv = createAjv();
    ajv.validateSchema(5 as unknown as object);
    const issues = toFieldIssues(ajv.errors);
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.every((issue) => !/meta-schema/i.test(issue.message) && issue.message === '应为对象或布尔值（是/否）')).toBe(
      true,
    );
  });
});
