import { fail, readerOf, requireRole, type Call, type Db } from '../../kernel';
import { findStaffUser, type StaffUser } from './staffUserStore';

/** One staff account; USER_NOT_FOUND for an unknown id or a citizen's account. */
export async function getUser(deps: { db: Db }, call: Call, { id }: { id: number }): Promise<StaffUser> {
  requireRole(call.actor, ['sysadmin']);
  const user = await findStaffUser(readerOf(deps.db, call), id);
  if (!user) throw fail('USER_NOT_FOUND', { id });
  return user;
}
