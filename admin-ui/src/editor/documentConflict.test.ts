import { describe, expect, it } from 'vitest';
import { conflictFields, defaultChoice, mergeConflict } from './documentConflict';
import { fieldTitle } from './fieldTitle';

const base = { code: 'C', name: '原名称', materials: [{ id: 'm1', name: '身份证' }], privateNote: '旧备注' };

describe('a save conflict', () => {
  it('lists the fields that differ, with who changed each since the base', () => {
    const theirs = {
      ...base,
      name: '他人改的名称',
      materials: [
        { id: 'm1', name: '身份证' },
        { id: 'm2', name: '营业执照' },
      ],
    };
    const mine = { ...base, privateNote: '我的备注', materials: [{ id: 'm1', name: '居民身份证' }] };
    const fields = conflictFields(base, theirs, mine);
    expect(fields.map((field) => [field.pointer, field.changedBy])).toEqual([
      ['/name', 'them'],
      ['/materials', 'both'],
      ['/privateNote', 'me'],
    ]);
    expect(fields.map(defaultChoice)).toEqual(['theirs', 'mine', 'mine']);
  });

  it('goes down into objects and lists of the same length, and sees removed members', () => {
    const theirs = { ...base, materials: [{ id: 'm1', name: '身份证复印件' }] };
    const { privateNote: _dropped, ...mine } = base;
    const fields = conflictFields(base, theirs, mine);
    expect(fields.map((field) => field.pointer)).toEqual(['/materials/0/name', '/privateNote']);
    const merged = mergeConflict(theirs, fields, { '/privateNote': 'mine', '/materials/0/name': 'theirs' });
    expect(merged).toEqual({ code: 'C', name: '原名称', materials: [{ id: 'm1', name: '身份证复印件' }] });
  });

  it('merges per field: the stored draft with each field chosen as mine', () => {
    const theirs = { ...base, name: '他人改的名称', privateNote: '他人的备注' };
    const mine = { ...base, name: '我改的名称', privateNote: '我的备注' };
    const fields = conflictFields(base, theirs, mine);
    expect(mergeConflict(theirs, fields, { '/name': 'theirs' })).toEqual({
      ...base,
      name: '他人改的名称',
      privateNote: '我的备注',
    });
    expect(theirs.privateNote).toBe('他人的备注');
  });

  it('names fields by the meta-schema titles', () => {
    expect(fieldTitle('/materials/0/name')).toBe('申请材料 › 第 1 项 › 材料名称');
    expect(fieldTitle('/department/code')).toBe('实施主体 › 实施主体编码');
    expect(fieldTitle('/form/schema/properties/x')).toBe('申请表单 › 表单 JSON Schema（2020-12） › properties › x');
    expect(fieldTitle('')).toBe('整个文档');
  });
});
