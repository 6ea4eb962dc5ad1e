import { describe, expect, it } from 'vitest';
import { EDITOR_SECTIONS } from './editorSections';
import { sectionData, sectionSchema, withSectionData } from './rjsfSchema';
import { matches } from './serverValidator';

const section = (key: string) => EDITOR_SECTIONS.find((candidate) => candidate.key === key)!;

describe('the rjsf schema of a section', () => {
  it('holds its properties, their required ones and the $defs they refer to', () => {
    const basic = sectionSchema(section('basic'));
    expect(Object.keys(basic.properties as object)).toEqual(section('basic').properties);
    expect(basic.required).toEqual(['metaSchemaVersion', 'code', 'name', 'type', 'department']);
    expect(Object.keys(basic.$defs as object)).toContain('taskType');
    expect(sectionSchema(section('materials')).required).toBeUndefined();
  });

  it('turns Chinese enum names into titled constants and drops if/then/else', () => {
    const basic = sectionSchema(section('basic')) as { properties: Record<string, { oneOf?: unknown[] }> };
    expect(basic.properties.powerSource?.oneOf?.[0]).toEqual({ const: expect.any(String), title: expect.any(String) });
    expect(basic.properties.powerSource).toMatchObject({ type: 'string' });
    expect(sectionSchema(section('basic')).$defs).toMatchObject({ taskType: { type: 'string' } });
    const text = JSON.stringify(sectionSchema(section('limits')));
    expect(text).not.toContain('"x-enumNames"');
    expect(text).not.toContain('"then"');
  });

  it('reads and writes only its part of the document', () => {
    const document = { code: 'C', name: '名称', materials: [{ id: 'm1' }] };
    expect(sectionData(section('materials'), document)).toEqual({ materials: [{ id: 'm1' }] });
    expect(withSectionData(section('materials'), document, {})).toEqual({ code: 'C', name: '名称' });
    expect(withSectionData(section('basic'), document, { code: 'C', name: '新名称' })).toEqual({
      code: 'C',
      name: '新名称',
      materials: [{ id: 'm1' }],
    });
  });
});

describe('the validator rjsf picks branches with', () => {
  it('checks const, enum, type, required and properties', () => {
    expect(matches({ const: '1' }, '1')).toBe(true);
    expect(matches({ const: '1' }, '2')).toBe(false);
    expect(matches({ enum: [1, 2] }, 3)).toBe(false);
    expect(matches({ type: 'integer' }, 1.5)).toBe(false);
    expect(matches({ required: ['a'], properties: { a: { const: true } } }, { a: true })).toBe(true);
    expect(matches({ required: ['a'] }, {})).toBe(false);
    expect(matches(false, 1)).toBe(false);
    expect(matches({ minLength: 3 }, 'x')).toBe(true);
  });
});
