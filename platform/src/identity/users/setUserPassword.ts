import { fail, inTransaction, requireRole, type Call, type Clock, type Db } from '../../kernel';
import { recordAudit } from '../../audit';
import { hashPassword } from '../hashPassword';
import { checkStaffPassword } from '../userRules';
import { endUserSessions } from './endUserSessions';
import { findStaffUser } from './staffUserStore';

/**
 * POST /api/users/{id}/password: the administrator sets a new password (the CLI's policy) and every
 * session of the user ends, so whoever held the old one is out. Not an edit of the account's
 * fields: the revision stays, and an edit form open elsewhere can still be saved.
 */
export async function setUserPassword(
  deps: { db: Db; clock: Clock },
  call: Call,
  { id, password }: { id: number; password: string },
): Promise<void> {
  requireRole(call.actor, ['sysadmin']);
  const issues = checkStaffPassword(password);
  if (issues.length > 0) throw fail('VALIDATION_FAILED', issues);
  // Hashing is slow on purpose; do it before the transaction holds any lock.
  const passwordHash = await hashPassword(password);
  await inTransaction(deps.db, call, async (tx) => {
    const user = await findStaffUser(tx, id, { lock: true });
    if (!user) throw fail('USER_NOT_FOUND', { id });
    await tx.query('UPDATE users SET password_hash = $2, updated_at = $3 WHERE id = $1', [id, passwordHash, deps.clock.now()]);
    const sessionsEnded = await endUserSessions(tx, id);
    await recordAudit(
      deps,
      { ...call, tx },
      {
        action: 'user.password_set',
        targetType: 'user',
        targetId: String(id),
        details: { username: user.username, sessionsEnded },
      },
    );
  });
}
