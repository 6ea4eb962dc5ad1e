import { describe, expect, it } from 'vitest';
import { ID_NUMBER_PATTERN, kindOf } from './fieldKinds';
import { addField, changeKind, fieldsOf, moveField, nameProblem, putField, removeField, type MatterForm } from './formFields';

/** Shaped like the seed's 食品经营许可 form: an if/then, an array of choices and a nested object kept as they are. */
const seedForm = (): MatterForm => ({
  schema: {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    title: '申请',
    required: ['enterpriseName', 'byAgent'],
    properties: {
      enterpriseName: { type: 'string', title: '经营者名称', minLength: 1, maxLength: 100 },
      byAgent: { type: 'boolean', title: '是否委托代理人办理', default: false },
      agentIdNumber: { type: 'string', title: '代理人身份证号码', pattern: ID_NUMBER_PATTERN },
      members: { type: 'array', title: '成员', items: { type: 'object', properties: { name: { type: 'string' } } } },
    },
    allOf: [{ if: { properties: { byAgent: { const: true } }, required: ['byAgent'] }, then: { required: ['agentIdNumber'] } }],
  },
  uiSchema: {
    'ui:order': ['enterpriseName', 'byAgent', 'agentIdNumber', 'members'],
    byAgent: { 'ui:widget': 'radio' },
    members: { items: { name: { 'ui:placeholder': '姓名' } } },
  },
});

describe('form fields', () => {
  it('reads the fields in ui:order with their kinds, a nested list as advanced', () => {
    const fields = fieldsOf(seedForm());
    expect(fields.map((f) => [f.name, f.kind, f.isRequired])).toEqual([
      ['enterpriseName', 'text', true],
      ['byAgent', 'boolean', true],
      ['agentIdNumber', 'idNumber', false],
      ['members', 'advanced', false],
    ]);
  });

  it('adds a field of a kind at the end with that kind’s defaults', () => {
    const { form, name } = addField(seedForm(), 'boolean');
    const added = fieldsOf(form).at(-1);
    expect(added).toMatchObject({ name, kind: 'boolean', isRequired: false, ui: { 'ui:widget': 'radio' } });
    expect(added?.schema).toMatchObject({ type: 'boolean', default: false });
    expect(form.uiSchema?.['ui:order']).toEqual(['enterpriseName', 'byAgent', 'agentIdNumber', 'members', name]);
    expect(addField(form, 'text').name).not.toBe(name);
  });

  it('renames a field everywhere in the form and keeps its place, its 必填 and everything else', () => {
    const form = seedForm();
    const byAgent = fieldsOf(form)[1];
    if (!byAgent) throw new Error('no field');
    const next = putField(form, 'byAgent', { ...byAgent, name: 'viaAgent', schema: { ...byAgent.schema, title: '委托办理' } });
    expect(Object.keys(next.schema.properties as object)).toEqual(['enterpriseName', 'viaAgent', 'agentIdNumber', 'members']);
    expect(next.schema.required).toEqual(['enterpriseName', 'viaAgent']);
    expect(next.uiSchema?.['ui:order']).toEqual(['enterpriseName', 'viaAgent', 'agentIdNumber', 'members']);
    expect(next.uiSchema?.viaAgent).toEqual({ 'ui:widget': 'radio' });
    expect(next.uiSchema).not.toHaveProperty('byAgent');
    // What the designer does not edit survives byte for byte.
    expect(next.schema.allOf).toEqual(form.schema.allOf);
    expect(next.uiSchema?.members).toEqual(form.uiSchema?.members);
    expect((next.schema.properties as Record<string, unknown>).members).toEqual(
      (form.schema.properties as Record<string, unknown>).members,
    );
  });

  it('sets and clears 必填', () => {
    const form = seedForm();
    const [first] = fieldsOf(form);
    if (!first) throw new Error('no field');
    const optional = putField(form, first.name, { ...first, isRequired: false });
    expect(optional.schema.required).toEqual(['byAgent']);
    expect(putField(optional, first.name, { ...first, isRequired: true }).schema.required).toEqual(['byAgent', 'enterpriseName']);
  });

  it('moves fields up and down through ui:order, not past either end', () => {
    const form = seedForm();
    const down = moveField(form, 'enterpriseName', 1);
    expect(fieldsOf(down).map((f) => f.name)).toEqual(['byAgent', 'enterpriseName', 'agentIdNumber', 'members']);
    expect(moveField(form, 'enterpriseName', -1)).toBe(form);
    expect(moveField(form, 'members', 1)).toBe(form);
  });

  it('keeps ui:order entries that are not top-level fields, such as *', () => {
    const form = seedForm();
    form.uiSchema = { ...form.uiSchema, 'ui:order': ['byAgent', '*'] };
    const moved = moveField(form, 'enterpriseName', -1);
    expect(moved.uiSchema?.['ui:order']).toEqual(['enterpriseName', 'byAgent', 'agentIdNumber', 'members', '*']);
  });

  it('removes a field from properties, required, uiSchema and ui:order', () => {
    const next = removeField(seedForm(), 'byAgent');
    expect(next.schema.properties).not.toHaveProperty('byAgent');
    expect(next.schema.required).toEqual(['enterpriseName']);
    expect(next.uiSchema).not.toHaveProperty('byAgent');
    expect(next.uiSchema?.['ui:order']).toEqual(['enterpriseName', 'agentIdNumber', 'members']);
  });

  it('changes a field’s kind keeping its title', () => {
    const [first] = fieldsOf(seedForm());
    if (!first) throw new Error('no field');
    const phone = changeKind(first, 'phone');
    expect(phone.schema).toMatchObject({ title: '经营者名称', type: 'string', pattern: '^1[3-9]\\d{9}$' });
    expect(phone.schema).not.toHaveProperty('minLength');
    expect(kindOf(phone.schema, phone.ui)).toBe('phone');
  });

  it('accepts only free identifiers as names', () => {
    const form = seedForm();
    expect(nameProblem(form, 'byAgent', 'byAgent')).toBeUndefined();
    expect(nameProblem(form, 'byAgent', 'enterpriseName')).toContain('已有');
    expect(nameProblem(form, 'byAgent', '委托')).toContain('小写字母开头');
    expect(nameProblem(form, 'byAgent', 'Agent')).toContain('小写字母开头');
  });

  it('tells kinds apart the way the portal renders them', () => {
    expect(kindOf({ type: 'string', enum: ['a', 'b'] }, {})).toBe('radio');
    expect(kindOf({ type: 'string', enum: ['a', 'b', 'c', 'd', 'e'] }, {})).toBe('select');
    expect(kindOf({ type: 'string', enum: ['a', 'b'] }, { 'ui:widget': 'select' })).toBe('select');
    expect(kindOf({ type: 'string' }, { 'ui:widget': 'textarea' })).toBe('textarea');
    expect(kindOf({ type: 'string', format: 'date' }, {})).toBe('date');
    expect(kindOf({ type: 'array', items: { type: 'string', enum: ['a'] } }, {})).toBe('checkboxes');
    expect(kindOf({ type: 'string', oneOf: [] }, {})).toBe('advanced');
    expect(kindOf({ type: 'string', format: 'email' }, {})).toBe('advanced');
  });
});
