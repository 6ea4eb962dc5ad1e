import { assertDepartmentScope, canSeeAllDepartments, requireRole, type Actor } from '../kernel';

/** Drafting is the department's job (dept_admin) and legal-affairs' (cleaning the whole catalog). */
const EDITOR_ROLES = ['dept_admin', 'legal'] as const;

export function assertCanEdit(actor: Actor, departmentCode: string): void {
  requireRole(actor, EDITOR_ROLES);
  assertDepartmentScope(actor, departmentCode);
}

/** Publishing, sending back and retiring are legal review decisions. */
export function assertCanDecide(actor: Actor): void {
  requireRole(actor, ['legal']);
}

/** Drafts and versions in review are visible to the owning department's staff and to centre-wide roles. */
export function canReadUnpublished(actor: Actor, departmentCode: string): boolean {
  if (actor.kind !== 'user' || actor.role === 'citizen') return false;
  return canSeeAllDepartments(actor) || actor.departmentCode === departmentCode;
}

/** SQL visibility of unpublished rows: null = all departments, a code = that one, '' = none. */
export function unpublishedScope(actor: Actor): string | null {
  if (actor.kind !== 'user' || actor.role === 'citizen') return '';
  if (canSeeAllDepartments(actor)) return null;
  return actor.departmentCode ?? '';
}
