import { describe, expect, it } from 'vitest';
import { fieldUsages } from './fieldUsages';

const byAgent = { properties: { byAgent: { const: true } }, required: ['byAgent'] };

describe('fieldUsages', () => {
  it('names materials, situations, fees and flow steps whose conditions use the field', () => {
    const document = {
      form: { schema: { properties: { byAgent: { type: 'boolean' } }, allOf: [{ if: byAgent, then: { required: ['x'] } }] } },
      materials: [
        { id: 'application', name: '申请书' },
        { id: 'authLetter', name: '授权委托书', condition: byAgent },
      ],
      situations: [
        { id: 'agent', name: '代理办理', condition: { allOf: [byAgent] } },
        { id: 'guided', name: '按引导', when: { properties: { byAgent: { const: 'yes' } } } },
      ],
      fees: { items: [{ name: '工本费', condition: { required: ['byAgent'] } }] },
      flow: { nodes: [{ id: 'gate', routes: [{ when: byAgent, to: 'end' }] }] },
    };
    expect(fieldUsages(document, 'byAgent')).toEqual(['材料“授权委托书”', '情形“代理办理”', '收费项目', '流程']);
    expect(fieldUsages(document, 'other')).toEqual([]);
  });
});
