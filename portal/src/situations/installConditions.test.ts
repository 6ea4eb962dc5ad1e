import { resolveSituations, type MatterDocument } from '@matterflow/schemas';
import { describe, expect, it } from 'vitest';
import { atPointer, callable, installConditions, type ConditionModule } from './installConditions';

const document = (): MatterDocument =>
  ({
    guideQuestions: [{ id: 'stage', title: '阶段', options: [{ value: 'a', title: '甲' }] }],
    materials: [{ id: 'm', name: '材料' }],
    situations: [{ id: 's', name: '情形', when: { properties: { stage: { const: 'a' } }, required: ['stage'] } }],
  }) as unknown as MatterDocument;

describe('installConditions', () => {
  it('makes resolveSituations use the precompiled validator for that very condition object', () => {
    const doc = document();
    // A validator that disagrees with the schema proves which one ran.
    const module: ConditionModule = { version: 3, conditions: () => ({ '/situations/0/when': () => false }) };
    expect(installConditions(doc, module, 3)).toBe(1);
    expect(resolveSituations(doc, { stage: 'a' }).situations).toEqual([]);
    // Another copy of the document compiles its own (here in Node, where compiling is allowed).
    expect(resolveSituations(document(), { stage: 'a' }).situations.map((s) => s.id)).toEqual(['s']);
  });

  it('refuses a module of another version', () => {
    const module: ConditionModule = { version: 2, conditions: () => ({}) };
    expect(() => installConditions(document(), module, 3)).toThrow('不一致');
  });

  it('hands generated code the Ajv runtime helpers it asks for, and refuses others', () => {
    const seen: unknown[] = [];
    const module: ConditionModule = {
      version: 1,
      // Named `load`, not `require`: this is the module's parameter, not Node's require.
      conditions: (load) => {
        seen.push(load('ajv/dist/runtime/equal'), load('ajv-formats/dist/formats'));
        expect(() => load('node:fs')).toThrow('运行库');
        return {};
      },
    };
    installConditions(document(), module, 1);
    expect(typeof (seen[0] as { default: unknown }).default).toBe('function');
    expect(seen[1]).toHaveProperty('fullFormats.date');
  });

  it('hands over the function whether the bundler imported it or its CommonJS exports', () => {
    const fn = () => 1;
    expect(callable(fn)).toBe(fn);
    expect(callable({ default: fn })).toBe(fn);
  });

  it('reads JSON pointers with escapes', () => {
    expect(atPointer({ 'a/b': { '~c': 1 } }, '/a~1b/~0c')).toBe(1);
    expect(atPointer({ a: 1 }, '/a/b')).toBeUndefined();
  });
});
