import type { FieldIssue } from '../../kernel';
import type { TaskAction } from '../Case';
import type { TaskActionInput } from './TaskActionInput';

/** The fields each action takes besides action, idempotencyKey, revision and comment. */
const ACTION_FIELDS: Record<
  TaskAction,
  { required: readonly (keyof TaskActionInput)[]; optional?: readonly (keyof TaskActionInput)[] }
> = {
  approve: { required: [] },
  return: { required: ['to'] },
  transfer: { required: ['userId'] },
  transferDepartment: { required: ['toDepartmentCode', 'reason'] },
  addSigner: { required: ['userId'] },
  claim: { required: [] },
  decide: { required: ['resultNumber'], optional: ['resultName'] },
  deny: { required: ['reason'] },
  terminate: { required: ['reason'] },
  urge: { required: [] },
};
const COMMON: readonly string[] = ['action', 'idempotencyKey', 'revision', 'comment'];

const issue = (pointer: string, code: string, message: string): FieldIssue => ({ pointer, code, message });

/**
 * One flat body schema lists every action's fields; which belong to which action is checked here,
 * so each issue points at its field in Chinese (as checkActionFields does for acceptance).
 */
export function checkTaskFields(input: TaskActionInput): FieldIssue[] {
  const { required, optional = [] } = ACTION_FIELDS[input.action];
  const issues: FieldIssue[] = [];
  for (const key of Object.keys(input) as (keyof TaskActionInput)[])
    if (!COMMON.includes(key) && !required.includes(key) && !optional.includes(key))
      issues.push(issue(`/${key}`, 'case.field_not_for_action', '该操作不接受此项'));
  for (const key of required)
    if (input[key] === undefined) issues.push(issue(`/${key}`, 'case.field_required', '该操作须填写此项'));
  return issues;
}
