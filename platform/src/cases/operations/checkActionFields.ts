import type { FieldIssue } from '../../kernel';
import type { AcceptanceInput } from './AcceptanceInput';

/** The fields each action takes besides action, idempotencyKey and revision. */
const ACTION_FIELDS: Record<AcceptanceInput['action'], readonly (keyof AcceptanceInput)[]> = {
  accept: [],
  refuse: ['reasonCode', 'reasonText', 'competentBody'],
  supplement: ['items'],
  completeOnSpot: [],
};
const COMMON: readonly string[] = ['action', 'idempotencyKey', 'revision'];

const required = (pointer: string): FieldIssue => ({ pointer, code: 'case.field_required', message: '该操作须填写此项' });
const foreign = (pointer: string): FieldIssue => ({ pointer, code: 'case.field_not_for_action', message: '该操作不接受此项' });

/**
 * The body schema lists every action's fields (one flat object, unknown fields refused there); which
 * belong to which action is checked here, so each issue points at the field in Chinese.
 */
export function checkActionFields(input: AcceptanceInput): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const allowed = ACTION_FIELDS[input.action];
  for (const key of Object.keys(input))
    if (!COMMON.includes(key) && !allowed.includes(key as keyof AcceptanceInput)) issues.push(foreign(`/${key}`));
  if (input.action === 'refuse') {
    if (input.reasonCode === undefined) issues.push(required('/reasonCode'));
    if (input.reasonText === undefined) issues.push(required('/reasonText'));
    // 不推诿: a refusal for want of competence tells the applicant where to go.
    if (input.reasonCode === 'not_competent' && input.competentBody === undefined) issues.push(required('/competentBody'));
  }
  if (input.action === 'supplement') {
    if (input.items === undefined) issues.push(required('/items'));
    (input.items ?? []).forEach((item, index) => {
      const [needed, other] =
        item.kind === 'material' ? (['materialId', 'pointer'] as const) : (['pointer', 'materialId'] as const);
      if (item[needed] === undefined) issues.push(required(`/items/${index}/${needed}`));
      if (item[other] !== undefined) issues.push(foreign(`/items/${index}/${other}`));
    });
  }
  return issues;
}
