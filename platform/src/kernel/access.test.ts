import { describe, expect, it } from 'vitest';
import { ANONYMOUS, SYSTEM_ACTOR, type Actor, type Role } from './Actor';
import { assertDepartmentScope, canSeeAllDepartments, requireRole, requireUser } from './access';

const SCJG = '11439901MB0000001X';
const OTHER = '11439901MB0000002X';

function user(role: Role, departmentCode: string | null = null): Actor {
  return { kind: 'user', userId: 7, username: `u_${role}`, displayName: '测试', role, departmentCode };
}

function codeOf(action: () => void): string | undefined {
  try {
    action();
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
}

describe('requireUser / requireRole', () => {
  it('asks anonymous callers to log in', () => {
    expect(codeOf(() => requireUser(ANONYMOUS))).toBe('AUTH_REQUIRED');
    expect(codeOf(() => requireRole(ANONYMOUS, ['legal']))).toBe('AUTH_REQUIRED');
  });

  it('forbids users without one of the roles', () => {
    expect(codeOf(() => requireRole(user('citizen'), ['legal', 'dept_admin']))).toBe('FORBIDDEN');
    expect(codeOf(() => requireRole(user('supervisor'), ['sysadmin']))).toBe('FORBIDDEN');
  });

  it('lets users with a listed role through', () => {
    expect(codeOf(() => requireUser(user('citizen')))).toBeUndefined();
    expect(codeOf(() => requireRole(user('dept_admin', SCJG), ['legal', 'dept_admin']))).toBeUndefined();
    expect(codeOf(() => requireRole(SYSTEM_ACTOR, ['sysadmin']))).toBeUndefined();
  });
});

describe('assertDepartmentScope', () => {
  it('keeps department-scoped roles inside their own department', () => {
    for (const role of ['window', 'reviewer', 'chief', 'dept_admin'] as const) {
      expect(
        codeOf(() => assertDepartmentScope(user(role, SCJG), SCJG)),
        role,
      ).toBeUndefined();
      expect(
        codeOf(() => assertDepartmentScope(user(role, SCJG), OTHER)),
        role,
      ).toBe('DEPARTMENT_SCOPE');
    }
  });

  it('does not limit centre-wide roles', () => {
    for (const role of ['legal', 'supervisor', 'sysadmin'] as const) {
      expect(
        codeOf(() => assertDepartmentScope(user(role), OTHER)),
        role,
      ).toBeUndefined();
    }
  });

  it('asks anonymous callers to log in', () => {
    expect(codeOf(() => assertDepartmentScope(ANONYMOUS, SCJG))).toBe('AUTH_REQUIRED');
  });
});

describe('canSeeAllDepartments', () => {
  it('is true only for legal, supervisor and sysadmin', () => {
    const all = ['citizen', 'window', 'reviewer', 'chief', 'dept_admin', 'legal', 'supervisor', 'sysadmin'] as const;
    const seeing = all.filter((role) =>
      canSeeAllDepartments(
        user(role, role === 'window' || role === 'reviewer' || role === 'chief' || role === 'dept_admin' ? SCJG : null),
      ),
    );
    expect(seeing).toEqual(['legal', 'supervisor', 'sysadmin']);
    expect(canSeeAllDepartments(ANONYMOUS)).toBe(false);
  });
});
