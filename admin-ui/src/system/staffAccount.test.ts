import { describe, expect, it } from 'vitest';
import { fieldErrors } from './fieldErrors';
import { accountChanges, isDepartmentRole } from './staffAccount';

describe('staff accounts in the admin UI', () => {
  it('says what another administrator changed', () => {
    const before = { displayName: '张三', role: 'window', departmentName: '云溪县市场监督管理局', isDisabled: false };
    expect(accountChanges(before, before)).toEqual([]);
    expect(accountChanges(before, { displayName: '张三丰', role: 'legal', departmentName: null, isDisabled: true })).toEqual([
      '姓名：张三 → 张三丰',
      expect.stringMatching(/^角色：.+ → 法制审核$/),
      '部门：云溪县市场监督管理局 → 无',
      '账号已被停用',
    ]);
  });

  it('knows which roles belong to a department', () => {
    expect(isDepartmentRole('dept_admin')).toBe(true);
    expect(isDepartmentRole('sysadmin')).toBe(false);
    expect(isDepartmentRole(undefined)).toBe(false);
  });

  it('puts the platform’s issues at the fields they name and keeps the rest', () => {
    const placed = fieldErrors(
      [
        { pointer: '/departmentCode', code: 'user.department_required', message: '该角色必须指定所属部门' },
        { pointer: '/body/username', code: 'x', message: '用户名不对' },
        { pointer: '/holidays/0/date', code: 'y', message: '日期不对' },
        { pointer: '', code: 'z', message: '整体不对' },
      ],
      ['username', 'departmentCode'] as const,
    );
    expect(placed.fields).toEqual([
      { name: 'departmentCode', errors: ['该角色必须指定所属部门'] },
      { name: 'username', errors: ['用户名不对'] },
    ]);
    expect(placed.rest).toEqual(['日期不对', '整体不对']);
  });
});
