import type { FieldIssue } from '../../kernel';
import type { ClockAction } from '../Case';
import type { CaseActionInput } from './AcceptanceInput';

type Field = keyof CaseActionInput;

/** Each clock action's fields besides action, idempotencyKey and revision: required, then optional. */
const FIELDS: Record<ClockAction, { required: readonly Field[]; optional: readonly Field[] }> = {
  startSpecialProcedure: { required: ['taskId', 'procedure', 'notice', 'days'], optional: [] },
  endSpecialProcedure: { required: ['procedure'], optional: ['taskId'] },
  extend: { required: ['days', 'approvedBy', 'reasonText'], optional: [] },
};
const COMMON: readonly string[] = ['action', 'idempotencyKey', 'revision'];

/** As checkActionFields for the acceptance actions: which flat-body fields belong to which clock action. */
export function checkClockFields(action: ClockAction, input: CaseActionInput): FieldIssue[] {
  const { required, optional } = FIELDS[action];
  const issues: FieldIssue[] = [];
  for (const key of Object.keys(input) as Field[])
    if (!COMMON.includes(key) && !required.includes(key) && !optional.includes(key))
      issues.push({ pointer: `/${key}`, code: 'case.field_not_for_action', message: '该操作不接受此项' });
  for (const key of required)
    if (input[key] === undefined) issues.push({ pointer: `/${key}`, code: 'case.field_required', message: '该操作须填写此项' });
  return issues;
}
