import { isDomainError, SYSTEM_ACTOR, type Deps, type Role } from '../kernel';
import { createUser } from './createUser';
import { hashPassword } from './hashPassword';
import { insertCitizen, type NewCitizen } from './registerCitizen';
import { findUserByUsername } from './userStore';

export const DEMO_PASSWORD = 'matterflow-demo';
/** The department whose staff the demo accounts are: the seed catalog's busiest one. */
export const DEMO_DEPARTMENT_NAME = '市场监督管理局';

export interface DemoAccount {
  username: string;
  displayName: string;
  role: Role;
  isInDemoDepartment: boolean;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { username: 'sysadmin', displayName: '赵志刚', role: 'sysadmin', isInDemoDepartment: false },
  { username: 'legal', displayName: '李明华', role: 'legal', isInDemoDepartment: false },
  { username: 'supervisor', displayName: '孙丽娟', role: 'supervisor', isInDemoDepartment: false },
  { username: 'citizen', displayName: '张三', role: 'citizen', isInDemoDepartment: false },
  { username: 'scjg_admin', displayName: '王建国', role: 'dept_admin', isInDemoDepartment: true },
  { username: 'scjg_window', displayName: '刘晓燕', role: 'window', isInDemoDepartment: true },
  { username: 'scjg_reviewer', displayName: '陈志强', role: 'reviewer', isInDemoDepartment: true },
  { username: 'scjg_chief', displayName: '周卫东', role: 'chief', isInDemoDepartment: true },
];

/**
 * A registered citizen (log in with the 身份证号 as user name). The number is valid (region of the
 * demo county 439901, check digit by GB 11643-1999) but belongs to nobody: the county is fictional.
 */
export const DEMO_CITIZEN: Omit<NewCitizen, 'password'> = {
  name: '李春梅',
  idNumber: '439901199003071280',
  phone: '13800138000',
};

/**
 * Creates one account per role, and the demo citizen, with the well-known password 'matterflow-demo'; existing accounts
 * are left untouched, so restarts and several processes starting at once are safe. The
 * composition root calls it in demo mode only: never in production, where a known password
 * would be an open door. Departments must be seeded first.
 */
export async function seedDemoAccounts(deps: Pick<Deps, 'db' | 'clock' | 'logger'>): Promise<void> {
  const department = await deps.db.query<{ code: string }>(
    'SELECT code FROM departments WHERE position($1 in name) > 0 ORDER BY code LIMIT 1',
    [DEMO_DEPARTMENT_NAME],
  );
  const departmentCode = department.rows[0]?.code;
  if (!departmentCode)
    deps.logger.warn({ department: DEMO_DEPARTMENT_NAME }, 'no such department; its demo accounts are skipped');

  for (const account of DEMO_ACCOUNTS) {
    if (account.isInDemoDepartment && !departmentCode) continue;
    if (await findUserByUsername(deps.db, account.username)) continue;
    try {
      await createUser(
        deps,
        { actor: SYSTEM_ACTOR },
        {
          username: account.username,
          displayName: account.displayName,
          password: DEMO_PASSWORD,
          role: account.role,
          departmentCode: account.isInDemoDepartment ? departmentCode : null,
        },
      );
    } catch (error) {
      // Another process seeded it between our check and our insert.
      if (!(isDomainError(error) && error.code === 'USER_EXISTS')) throw error;
    }
  }
  await seedDemoCitizen(deps);
}

async function seedDemoCitizen(deps: Pick<Deps, 'db' | 'clock'>): Promise<void> {
  if (await findUserByUsername(deps.db, DEMO_CITIZEN.idNumber)) return;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  try {
    await deps.db.transaction((tx) =>
      insertCitizen(deps, { actor: SYSTEM_ACTOR, tx }, { ...DEMO_CITIZEN, password: DEMO_PASSWORD }, passwordHash),
    );
  } catch (error) {
    // Another process seeded it between our check and our insert (the check or the unique index).
    if (!(isDomainError(error) && error.code === 'CITIZEN_EXISTS') && (error as { code?: unknown }).code !== '23505') throw error;
  }
}
