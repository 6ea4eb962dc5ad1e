import { fail, requireRole, type Call, type Clock, type Db } from '../../kernel';
import { createUser, type NewUser } from '../createUser';
import { getUser } from './getUser';
import type { StaffUser } from './staffUserStore';

/**
 * POST /api/users: the CLI's createUser (same rules, same audit entry) for staff roles only, answered
 * with the administrator's view. Citizens open their own accounts (POST /api/citizens).
 */
export async function createStaffUser(deps: { db: Db; clock: Clock }, call: Call, input: NewUser): Promise<StaffUser> {
  requireRole(call.actor, ['sysadmin']);
  if (input.role === 'citizen')
    throw fail('VALIDATION_FAILED', [{ pointer: '/role', code: 'user.role', message: '申请人账号由本人注册，不能由管理员创建' }]);
  const created = await createUser(deps, call, input);
  // createUser has committed (or wrote into the caller's transaction, which this read joins).
  return getUser(deps, call, { id: created.id });
}
