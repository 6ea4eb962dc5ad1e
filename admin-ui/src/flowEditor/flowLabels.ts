import type { StepFields } from '@matterflow/schemas';
import type { FlowDepartment } from './useFlowContext';

/** The words flow.schema.json gives the roles (x-enumNames). */
export const FLOW_ROLE_LABELS: Record<StepFields['role'], string> = { window: '窗口受理', reviewer: '审查', chief: '决定' };
export const COMPLETION_LABELS = { all: '会签（全部通过）', any: '或签（任一通过）' } as const;
export const OWNER = '$owner';

/** A department as clerks name it: `$owner` is the matter's implementing body. */
export function departmentLabel(code: string | undefined, departments: readonly FlowDepartment[], ownerName?: string): string {
  if (code === undefined || code === OWNER) return ownerName ? `实施主体（${ownerName}）` : '实施主体';
  const department = departments.find((d) => d.code === code);
  return department ? (department.shortName ?? department.name) : code;
}
