import { HomePage } from '../pages/HomePage';
import { useStaffUser } from '../session/SessionProvider';
import { WorkbenchPage } from './WorkbenchPage';

/** The roles that work cases (the platform's case readers with a department). */
export const CASE_WORKERS: readonly string[] = ['window', 'reviewer', 'chief', 'dept_admin'];

/** 工作台: a case worker starts at the queues, everyone else at the screens they use. */
export function WorkbenchHome() {
  const user = useStaffUser();
  return CASE_WORKERS.includes(user.role) ? <WorkbenchPage /> : <HomePage />;
}
