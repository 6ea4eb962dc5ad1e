import { describe, expect, it } from 'vitest';
import { formEntries, formFieldChoices } from './formEntries';

const form = {
  schema: {
    type: 'object',
    properties: {
      name: { type: 'string', title: '经营者名称' },
      items: { type: 'array', title: '经营项目', items: { type: 'string', enum: ['热食类', '冷食类'] } },
      kind: {
        type: 'string',
        title: '类别',
        oneOf: [
          { const: 'a', title: '甲类' },
          { const: 'b', title: '乙类' },
        ],
      },
      byAgent: { type: 'boolean', title: '是否委托代理人办理' },
      area: { type: 'number', title: '面积' },
    },
  },
  uiSchema: { 'ui:order': ['kind', '*', 'byAgent'] },
};

describe('form data in words', () => {
  it('titles each field, follows ui:order with its *, and says options, booleans and lists in words', () => {
    const entries = formEntries(form, { name: '春梅小吃店', items: ['热食类', '冷食类'], kind: 'b', byAgent: false, extra: 'x' });
    expect(entries).toEqual([
      { pointer: '/kind', label: '类别', value: '乙类' },
      { pointer: '/name', label: '经营者名称', value: '春梅小吃店' },
      { pointer: '/items', label: '经营项目', value: '热食类、冷食类' },
      { pointer: '/byAgent', label: '是否委托代理人办理', value: '否' },
      // Not declared by the form: still shown, under its key.
      { pointer: '/extra', label: 'extra', value: 'x' },
    ]);
  });

  it('offers every declared field for a 补正, answered or not', () => {
    expect(formFieldChoices(form).map((choice) => choice.label)).toEqual([
      '类别',
      '经营者名称',
      '经营项目',
      '面积',
      '是否委托代理人办理',
    ]);
  });

  it('survives a version without a form', () => {
    expect(formEntries(undefined, { a: 1 })).toEqual([{ pointer: '/a', label: 'a', value: '1' }]);
  });
});
