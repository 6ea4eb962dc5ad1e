import { describe, expect, it } from 'vitest';
import { nameFieldErrors, placeIssues, schemaAt } from './fieldErrors';

const schema = {
  type: 'object',
  properties: {
    name: { type: 'string', title: '姓名' },
    members: {
      type: 'array',
      title: '成员',
      items: { type: 'object', properties: { phone: { type: 'string', title: '手机号码', description: '11 位手机号码' } } },
    },
    'odd/key': { type: 'string', title: '奇怪的键' },
  },
};

describe('nameFieldErrors', () => {
  it('names a nested field by its title and says what to do, hint included', () => {
    const [error] = nameFieldErrors(
      [{ name: 'pattern', property: '.members.0.phone', message: '应当匹配模式 "^1"', stack: '', params: {} }],
      schema,
    );
    expect(error?.message).toBe('“手机号码”格式不正确：11 位手机号码');
    expect(error?.stack).toBe(error?.message);
  });

  it('keeps ajv-i18n’s Chinese for a keyword it has no wording of, with the title in front', () => {
    const [error] = nameFieldErrors(
      [{ name: 'multipleOf', property: '.name', message: '应当是 2 的整数倍', stack: '', params: {} }],
      schema,
    );
    expect(error?.message).toBe('“姓名”应当是 2 的整数倍');
  });

  it('finds a property with a slash in its name, as rjsf writes it from Ajv’s pointer', () => {
    const required = nameFieldErrors([{ name: 'required', property: 'odd/key', stack: '' }], schema);
    expect(required[0]?.message).toBe('请填写“奇怪的键”');
    const pattern = nameFieldErrors([{ name: 'pattern', property: '.odd~1key', stack: '' }], schema);
    expect(pattern[0]?.message).toBe('“奇怪的键”格式不正确');
  });

  it('falls back to rjsf’s title, then the property name, never an empty subject', () => {
    expect(nameFieldErrors([{ name: 'required', property: '.other', title: '其他', stack: '' }], schema)[0]?.message).toBe(
      '请填写“其他”',
    );
    expect(nameFieldErrors([{ name: 'required', property: '.other', stack: '' }], schema)[0]?.message).toBe('请填写“other”');
  });
});

describe('schemaAt', () => {
  it('walks properties and array items', () => {
    expect(schemaAt(schema, ['members', '3', 'phone'])?.title).toBe('手机号码');
    expect(schemaAt(schema, ['nothing'])).toBeUndefined();
  });
});

describe('placeIssues', () => {
  it('puts form issues at their field, material issues at their slot, the rest apart', () => {
    const placed = placeIssues([
      { pointer: '/formData/uscc', code: 'schema.pattern', message: '“统一社会信用代码”格式不正确' },
      { pointer: '/formData/members/0/phone', code: 'schema.pattern', message: '手机号码不正确' },
      { pointer: '/formData/odd~1key', code: 'schema.required', message: '缺少' },
      { pointer: '/materials/articles', code: 'material_required', message: '请上传企业章程' },
      { pointer: '/materials/articles', code: 'file_type', message: '文件类型不符' },
      { pointer: '/answers/stage', code: 'x', message: '请选择阶段' },
    ]);
    expect(placed.form).toEqual({
      uscc: { __errors: ['“统一社会信用代码”格式不正确'] },
      members: { 0: { phone: { __errors: ['手机号码不正确'] } } },
      'odd/key': { __errors: ['缺少'] },
    });
    expect(placed.formCount).toBe(3);
    expect(placed.materials).toEqual({ articles: ['请上传企业章程', '文件类型不符'] });
    expect(placed.general).toEqual(['请选择阶段']);
  });
});
