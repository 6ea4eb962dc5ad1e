import { fail } from './fail';
import { DEPARTMENT_SCOPED_ROLES, type Actor, type Role } from './Actor';

export type UserActor = Extract<Actor, { kind: 'user' }>;

/** Throws AUTH_REQUIRED unless someone is logged in. */
export function requireUser(actor: Actor): asserts actor is UserActor {
  if (actor.kind !== 'user') throw fail('AUTH_REQUIRED');
}

/** Throws AUTH_REQUIRED for anonymous callers and FORBIDDEN for users without one of `roles`. */
export function requireRole(actor: Actor, roles: readonly Role[]): asserts actor is UserActor {
  requireUser(actor);
  if (!roles.includes(actor.role)) throw fail('FORBIDDEN', { requiredRoles: [...roles] });
}

export function isDepartmentScoped(role: Role): boolean {
  return DEPARTMENT_SCOPED_ROLES.includes(role);
}

/** Centre-wide roles (legal, supervisor, sysadmin) see every department; citizens see none as staff. */
export function canSeeAllDepartments(actor: Actor): boolean {
  return actor.kind === 'user' && actor.role !== 'citizen' && !isDepartmentScoped(actor.role);
}

/**
 * Throws DEPARTMENT_SCOPE when a department-scoped role acts on another department's data. Role
 * checks are separate (`requireRole`); this only guards the department boundary.
 */
export function assertDepartmentScope(actor: Actor, departmentCode: string): void {
  requireUser(actor);
  if (!isDepartmentScoped(actor.role)) return;
  if (actor.departmentCode !== departmentCode) {
    throw fail('DEPARTMENT_SCOPE', { departmentCode, ownDepartmentCode: actor.departmentCode });
  }
}
