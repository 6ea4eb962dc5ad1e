import { describe, expect, it } from 'vitest';
import { prepareUiSchema } from './prepareUiSchema';

describe('prepareUiSchema', () => {
  const schema = {
    type: 'object',
    properties: {
      stage: { type: 'string', enum: ['筹建', '最终审核'] },
      district: { type: 'string', enum: ['一', '二', '三', '四', '五'] },
      owner: { type: 'object', properties: { kind: { type: 'string', enum: ['自有', '租赁'] } } },
      name: { type: 'string' },
      items: { type: 'array', uniqueItems: true, items: { type: 'string', enum: ['甲', '乙'] } },
    },
  };

  it('shows a short list as radio buttons and a long one as a select that says 请选择', () => {
    const ui = prepareUiSchema(schema, { 'ui:order': ['name', '*'], name: { 'ui:placeholder': '请输入' } });
    expect(ui.stage).toEqual({ 'ui:widget': 'radio' });
    expect(ui.district).toEqual({ 'ui:placeholder': '请选择' });
    expect(ui.owner).toEqual({ kind: { 'ui:widget': 'radio' } });
    expect(ui.name).toEqual({ 'ui:placeholder': '请输入' });
    expect(ui['ui:order']).toEqual(['name', '*']);
    expect(ui.items).toEqual({ 'ui:widget': 'checkboxes' });
  });

  it('leaves the matter’s own widget choice alone', () => {
    expect(prepareUiSchema(schema, { stage: { 'ui:widget': 'select' } }).stage).toEqual({ 'ui:widget': 'select' });
  });
});
