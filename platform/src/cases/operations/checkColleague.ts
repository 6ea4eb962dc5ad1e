import { getUser } from '../../identity';
import { SYSTEM_ACTOR, fail, isDomainError, type Db, type Queryable } from '../../kernel';

/** The staff who may co-sign (加签): examiners and the chief, never the window or an administrator. */
export const SIGNING_ROLES: readonly string[] = ['reviewer', 'chief'];

/**
 * Whom a task may be transferred to (转办: an active colleague of the step's role in the task's
 * department) or a co-signer added (加签: an active reviewer or chief of that department). Anyone
 * else is CASE_TASK_USER_INVALID, pointing at /userId.
 */
export async function checkColleague(
  deps: { db: Db },
  tx: Queryable,
  { userId, departmentCode, role }: { userId: number; departmentCode: string; role?: string },
): Promise<void> {
  const user = await getUser(deps, { actor: SYSTEM_ACTOR, tx }, { id: userId }).catch((error: unknown) => {
    if (isDomainError(error) && error.code === 'USER_NOT_FOUND') return undefined;
    throw error;
  });
  const isSuitable =
    user !== undefined &&
    !user.isDisabled &&
    user.departmentCode === departmentCode &&
    (role === undefined ? SIGNING_ROLES.includes(user.role) : user.role === role);
  if (!isSuitable)
    throw fail('CASE_TASK_USER_INVALID', [
      { pointer: '/userId', code: 'case.user_invalid', message: '须是本环节承办部门中可办理本环节的在岗人员' },
    ]);
}
