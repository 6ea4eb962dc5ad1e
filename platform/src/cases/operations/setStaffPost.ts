import { recordAudit } from '../../audit';
import { getUser } from '../../identity';
import {
  SYSTEM_ACTOR,
  assertDepartmentScope,
  fail,
  inTransaction,
  isDomainError,
  requireRole,
  type Call,
  type Queryable,
} from '../../kernel';
import type { CaseDeps } from '../caseDeps';
import { upsertStaffPost, type StaffPost } from '../store/postStore';

/** The posts that hold case tasks; an administrator's or a centre role's account has no tasks to cover. */
const POST_ROLES: readonly string[] = ['window', 'reviewer', 'chief'];

async function staffUser(deps: CaseDeps, tx: Queryable, id: number) {
  return getUser(deps, { actor: SYSTEM_ACTOR, tx }, { id }).catch((error: unknown) => {
    if (isDomainError(error) && error.code === 'USER_NOT_FOUND') return undefined;
    throw error;
  });
}

/**
 * PUT /api/staff-posts/{userId} (A/B岗): the department's administrator names a holder's backup
 * and marks the holder absent or back. The backup is an active colleague of the same department
 * and role, so whatever the holder may do on a task the backup may do too. Audited.
 */
export async function setStaffPost(
  deps: CaseDeps,
  call: Call,
  { userId, backupUserId, isAbsent }: StaffPost,
): Promise<StaffPost> {
  requireRole(call.actor, ['dept_admin']);
  const { actor } = call;
  return inTransaction(deps.db, call, async (tx) => {
    const holder = await staffUser(deps, tx, userId);
    if (!holder || !POST_ROLES.includes(holder.role) || holder.departmentCode === null)
      throw fail('USER_NOT_FOUND', { id: userId });
    assertDepartmentScope(actor, holder.departmentCode);
    if (backupUserId !== null) {
      const backup = await staffUser(deps, tx, backupUserId);
      const isSuitable =
        backup !== undefined &&
        backup.id !== holder.id &&
        !backup.isDisabled &&
        backup.role === holder.role &&
        backup.departmentCode === holder.departmentCode;
      if (!isSuitable)
        throw fail('VALIDATION_FAILED', [
          { pointer: '/backupUserId', code: 'post.backup_invalid', message: '须是本部门同一岗位的其他在岗人员' },
        ]);
    }
    if (isAbsent && backupUserId === null)
      throw fail('VALIDATION_FAILED', [
        { pointer: '/backupUserId', code: 'post.backup_required', message: '标记缺岗须先指定B岗人员' },
      ]);
    const post = { userId, backupUserId, isAbsent };
    await upsertStaffPost(tx, { ...post, by: actor.userId, at: deps.clock.now() });
    await recordAudit(
      deps,
      { ...call, tx },
      { action: 'staff_post.set', targetType: 'user', targetId: String(userId), details: post },
    );
    return post;
  });
}
