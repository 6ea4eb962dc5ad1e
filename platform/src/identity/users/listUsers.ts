import { inTransaction, requireRole, type Call, type Db } from '../../kernel';
import { listStaffUsers, type StaffUser, type StaffUserFilters } from './staffUserStore';

export interface UserPage {
  items: StaffUser[];
  /** Accounts matching the filters, over all pages. */
  total: number;
  page: number;
  pageSize: number;
}

/** The staff accounts, by user name, a page at a time: for the system administrator only. */
export async function listUsers(
  deps: { db: Db },
  call: Call,
  { filters, page, pageSize }: { filters: StaffUserFilters; page: number; pageSize: number },
): Promise<UserPage> {
  requireRole(call.actor, ['sysadmin']);
  // One snapshot, so that the count and the page agree.
  const found = await inTransaction(deps.db, call, (tx) => listStaffUsers(tx, filters, { page, pageSize }));
  return { ...found, page, pageSize };
}
