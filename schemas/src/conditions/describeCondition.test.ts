import { describe, expect, it } from 'vitest';
import { describeCondition } from './describeCondition';

const form = {
  type: 'object',
  properties: {
    byAgent: { type: 'boolean', title: '委托代理人办理' },
    landSource: { type: 'string', title: '土地取得方式', enum: ['出让', '划拨'] },
    area: { type: 'number', title: '经营面积（平方米）' },
  },
};

describe('describeCondition', () => {
  it('names boolean, enum and range conditions by the form titles', () => {
    expect(describeCondition({ properties: { byAgent: { const: true } }, required: ['byAgent'] }, form)).toBe(
      '委托代理人办理为是',
    );
    expect(describeCondition({ properties: { landSource: { enum: ['出让'] } } }, form)).toBe('土地取得方式为“出让”');
    expect(describeCondition({ properties: { area: { minimum: 200 } } }, form)).toBe('经营面积（平方米）不小于 200');
  });

  it('joins allOf with 且 and anyOf with 或', () => {
    const text = describeCondition(
      {
        allOf: [
          { properties: { byAgent: { const: true } } },
          { anyOf: [{ properties: { area: { minimum: 200 } } }, { properties: { landSource: { const: '划拨' } } }] },
        ],
      },
      form,
    );
    expect(text).toBe('委托代理人办理为是，且（经营面积（平方米）不小于 200，或土地取得方式为“划拨”）');
  });

  it('falls back to a neutral phrase instead of schema syntax', () => {
    expect(describeCondition({ properties: { area: { multipleOf: 3 } } }, form)).toBe('特定办理情形');
  });
});
