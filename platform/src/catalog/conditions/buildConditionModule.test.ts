import { describe, expect, it } from 'vitest';
import { buildConditionModule, conditionPointers } from './buildConditionModule';

type Module = { version: number; conditions: (require: (id: string) => unknown) => Record<string, (data: unknown) => boolean> };

const load = async (source: string) =>
  (await import(`data:text/javascript;base64,${Buffer.from(source).toString('base64')}`)) as Module;

const document = {
  materials: [
    { id: 'a', name: '甲' },
    { id: 'b', name: '乙', condition: { properties: { size: { minimum: 100 } }, required: ['size'] } },
  ],
  fees: { items: [{ name: '工本费', condition: { properties: { kind: { enum: ['补领'] } } } }] },
  situations: [
    {
      id: 's',
      when: { $id: 'shared', properties: { stage: { const: 'final' } }, required: ['stage'] },
      condition: { properties: { name: { type: 'string', minLength: 2 } }, required: ['name'] },
      fees: { items: [{ name: '费', condition: { properties: { copy: { const: { n: 1 } } } } }] },
    },
    { id: 't', when: { $id: 'shared', properties: { stage: { const: 'prep' } } } },
  ],
};

describe('buildConditionModule', () => {
  it('finds every condition the portal evaluates, by JSON pointer', () => {
    expect([...conditionPointers(document).keys()]).toEqual([
      '/materials/1/condition',
      '/fees/items/0/condition',
      '/situations/0/when',
      '/situations/0/condition',
      '/situations/0/fees/items/0/condition',
      '/situations/1/when',
    ]);
  });

  it('generates validators that agree with the schemas, even where two reuse one $id', async () => {
    const module = await load(buildConditionModule({ document, version: 7 }));
    expect(module.version).toBe(7);
    const runtime: Record<string, unknown> = {
      'ajv/dist/runtime/ucs2length': { default: (text: string) => Array.from(text).length },
      'ajv/dist/runtime/equal': { default: (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b) },
    };
    const v = module.conditions((id) => runtime[id]);
    expect(v['/situations/0/when']?.({ stage: 'final' })).toBe(true);
    expect(v['/situations/1/when']?.({ stage: 'final' })).toBe(false);
    expect(v['/materials/1/condition']?.({ size: 120 })).toBe(true);
    expect(v['/materials/1/condition']?.({ size: 80 })).toBe(false);
    expect(v['/situations/0/condition']?.({ name: '王' })).toBe(false);
    expect(v['/situations/0/fees/items/0/condition']?.({ copy: { n: 1 } })).toBe(true);
  });

  it('is a module with nothing to export for a matter without conditions', async () => {
    const module = await load(buildConditionModule({ document: { materials: [] }, version: 1 }));
    expect(module.conditions(() => undefined)).toEqual({});
  });
});
