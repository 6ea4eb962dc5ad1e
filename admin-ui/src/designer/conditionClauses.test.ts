import { describeCondition, evaluateCondition } from '@matterflow/schemas';
import { describe, expect, it } from 'vitest';
import { clausesOf, conditionOf, type Clause } from './conditionClauses';

const form = {
  type: 'object',
  properties: {
    byAgent: { type: 'boolean', title: '是否委托代理人办理' },
    companyType: { type: 'string', title: '企业类型', enum: ['有限责任公司', '股份有限公司', '合伙企业'] },
    agentName: { type: 'string', title: '代理人姓名' },
  },
};

describe('conditionOf and clausesOf', () => {
  it('writes one pick in the seed catalog shape and reads it back', () => {
    const clauses: Clause[] = [{ field: 'byAgent', operator: 'isTrue', values: [] }];
    const condition = conditionOf(clauses);
    expect(condition).toEqual({ properties: { byAgent: { const: true } }, required: ['byAgent'] });
    expect(clausesOf(condition)).toEqual(clauses);
    expect(describeCondition(condition, form)).toBe('是否委托代理人办理为是');
  });

  it('round-trips every seed shape: const, enum and two fields in one object', () => {
    const seeds = [
      { properties: { useCommitment: { const: false } }, required: ['useCommitment'] },
      { properties: { companyType: { enum: ['有限责任公司', '股份有限公司'] } }, required: ['companyType'] },
      {
        properties: { companyType: { const: '股份有限公司' }, establishmentMode: { const: '募集设立' } },
        required: ['companyType', 'establishmentMode'],
      },
    ];
    for (const seed of seeds) expect(conditionOf(clausesOf(seed) ?? [])).toEqual(seed);
  });

  it('puts a 已填写 beside a comparison into allOf, so the guide names both and both must hold', () => {
    const clauses: Clause[] = [
      { field: 'companyType', operator: 'oneOf', values: ['有限责任公司', '合伙企业'] },
      { field: 'agentName', operator: 'filled', values: [] },
    ];
    const condition = conditionOf(clauses);
    expect(condition).toEqual({
      allOf: [
        { properties: { companyType: { enum: ['有限责任公司', '合伙企业'] } }, required: ['companyType'] },
        { required: ['agentName'] },
      ],
    });
    expect(clausesOf(condition)).toEqual(clauses);
    expect(describeCondition(condition, form)).toBe('企业类型为“有限责任公司”或“合伙企业”，且已填写代理人姓名');
    expect(evaluateCondition(condition, { companyType: '合伙企业', agentName: '张三' })).toBe(true);
    expect(evaluateCondition(condition, { companyType: '合伙企业' })).toBe(false);
    expect(evaluateCondition(condition, { companyType: '股份有限公司', agentName: '张三' })).toBe(false);
  });

  it('takes allOf when one field is named twice', () => {
    const clauses: Clause[] = [
      { field: 'companyType', operator: 'oneOf', values: ['有限责任公司', '股份有限公司'] },
      { field: 'companyType', operator: 'equals', values: ['股份有限公司'] },
    ];
    const condition = conditionOf(clauses);
    expect(condition).toHaveProperty('allOf');
    expect(clausesOf(condition)).toEqual(clauses);
  });

  it('has no condition for no picks, and reads a missing one as none', () => {
    expect(conditionOf([])).toBeUndefined();
    expect(clausesOf(undefined)).toEqual([]);
  });

  it('refuses what it cannot show rather than simplifying it', () => {
    const beyond = [
      { anyOf: [{ properties: { byAgent: { const: true } } }] },
      { properties: { area: { minimum: 200 } }, required: ['area'] },
      // Without `required`, an empty field also meets it: not the same as 等于.
      { properties: { byAgent: { const: true } } },
      { not: { required: ['byAgent'] } },
      { allOf: [{ properties: { byAgent: { const: true } }, required: ['byAgent'] }, { anyOf: [] }] },
      { properties: { companyType: { enum: [] } }, required: ['companyType'] },
      'byAgent',
    ];
    for (const condition of beyond) expect(clausesOf(condition)).toBeUndefined();
  });
});
