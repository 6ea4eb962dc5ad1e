import { findDepartment } from '../../departments';
import { fail, type Queryable } from '../../kernel';

const refuse = (code: string, message: string) =>
  fail('CASE_TASK_DEPARTMENT_INVALID', [{ pointer: '/toDepartmentCode', code, message }]);

/**
 * Where a 转其他部门 may send a task: an active department of the centre (a disabled one takes no
 * new work) other than the one holding it now. Anything else is CASE_TASK_DEPARTMENT_INVALID,
 * pointing at /toDepartmentCode.
 */
export async function checkTargetDepartment(q: Queryable, { from, to }: { from: string; to: string }): Promise<void> {
  const department = await findDepartment(q, to);
  if (department === undefined || department.isDisabled) throw refuse('case.department_unknown', '须是本中心在用的部门');
  if (department.code === from) throw refuse('case.department_same', '须是本环节当前承办部门以外的部门');
}
