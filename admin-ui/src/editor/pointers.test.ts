import { describe, expect, it } from 'vitest';
import { documentIssues, errorSchemaOf, isUnder, parsePointer, pointerOf, rjsfIdOf } from './pointers';

describe('pointers', () => {
  it('parse and write escaped tokens', () => {
    expect(parsePointer('/a~1b/0/c~0d')).toEqual(['a/b', '0', 'c~d']);
    expect(pointerOf(['a/b', 0, 'c~d'])).toBe('/a~1b/0/c~0d');
    expect(parsePointer('')).toEqual([]);
  });

  it('take the request body prefix off the answer pointers', () => {
    const issue = { code: 'schema.minLength', message: '太短' };
    expect(
      documentIssues([
        { ...issue, pointer: '/document/name' },
        { ...issue, pointer: '/document' },
      ]),
    ).toEqual([
      { ...issue, pointer: '/name' },
      { ...issue, pointer: '' },
    ]);
    expect(documentIssues([{ ...issue, pointer: '/documentary' }])[0]?.pointer).toBe('/documentary');
  });

  it('name the rjsf field of a pointer', () => {
    expect(rjsfIdOf('/materials/0/name')).toBe('root_materials_0_name');
    expect(rjsfIdOf('')).toBe('root');
  });

  it('nest issues under their fields, several on one field kept', () => {
    const schema = errorSchemaOf([
      { pointer: '/materials/1/name', code: 'a', message: '名称太短' },
      { pointer: '/materials/1/name', code: 'b', message: '名称重复' },
      { pointer: '/name', code: 'c', message: '必填' },
    ]);
    expect(schema).toEqual({ materials: { 1: { name: { __errors: ['名称太短', '名称重复'] } } }, name: { __errors: ['必填'] } });
  });

  it('tell a pointer under another from a sibling that shares its start', () => {
    expect(isUnder('/materials/1', '/materials')).toBe(true);
    expect(isUnder('/materialsX', '/materials')).toBe(false);
  });
});
