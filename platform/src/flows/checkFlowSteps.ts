import type { FieldIssue } from '@matterflow/schemas';
import { checkCondition, labelOf } from '@matterflow/schemas';
import { OWNER_DEPARTMENT, type DepartmentRef, type ParallelNode, type TimeLimit } from './Flow';
import { workItems, type FlowSite } from './flowSites';
import { ROLE_ACTIONS } from './roleActions';

export interface FlowStepContext {
  knownDepartments: ReadonlySet<string>;
  ownerDepartment: string;
  promised: TimeLimit | undefined;
  /** Nodes some root promising 0 (当场办结) reaches; all nodes when undefined and the promise is 0. */
  instantNodes?: ReadonlySet<string>;
  specialProcedureNames: ReadonlySet<string>;
  formProperties: ReadonlySet<string> | undefined;
}

function departmentIssue({
  department,
  pointer,
  label,
  knownDepartments,
}: {
  department: DepartmentRef | undefined;
  pointer: string;
  label: string;
  knownDepartments: ReadonlySet<string>;
}): FieldIssue[] {
  if (department === undefined || department === OWNER_DEPARTMENT || knownDepartments.has(department)) return [];
  return [{ pointer, code: 'flow.department_unknown', message: `${label}的部门“${department}”不在部门名录中` }];
}

/** The lead (牵头单位) owns the case's clock, so it must be one of the departments that actually take part. */
function leadIssues(node: ParallelNode, pointer: string, label: string, ownerDepartment: string): FieldIssue[] {
  const resolve = (department: DepartmentRef): string => (department === OWNER_DEPARTMENT ? ownerDepartment : department);
  const lead = resolve(node.lead);
  if (node.branches.some((branch) => resolve(branch.department) === lead)) return [];
  return [
    {
      pointer: `${pointer}/lead`,
      code: 'flow.lead_not_in_branches',
      message: `${label}的牵头单位“${node.lead}”不是任何一个并联分支的部门`,
    },
  ];
}

/** Checks of each node, branch and step on its own: departments, roles, budgets, procedures, conditions. */
export function checkFlowSteps({ sites, context }: { sites: readonly FlowSite[]; context: FlowStepContext }): FieldIssue[] {
  const { knownDepartments, ownerDepartment, promised, instantNodes, specialProcedureNames, formProperties } = context;
  const isInstant = (nodeId: string): boolean => (instantNodes ? instantNodes.has(nodeId) : promised?.value === 0);
  const issues: FieldIssue[] = [];
  const conditionIssues = (condition: unknown, pointer: string, subject: string): void => {
    if (condition === undefined) return;
    issues.push(...checkCondition({ condition, pointer, subject, codePrefix: 'flow', formProperties }));
  };

  for (const site of sites) {
    if (site.kind === 'branch') {
      issues.push(
        ...departmentIssue({
          department: site.branch.department,
          pointer: `${site.pointer}/department`,
          label: site.label,
          knownDepartments,
        }),
      );
      conditionIssues(site.branch.condition, `${site.pointer}/condition`, site.label);
      continue;
    }
    if (site.kind !== 'node') continue;
    const { node } = site;
    if (node.kind === 'parallel') {
      issues.push(
        ...departmentIssue({ department: node.lead, pointer: `${site.pointer}/lead`, label: site.label, knownDepartments }),
      );
      issues.push(...leadIssues(node, site.pointer, site.label, ownerDepartment));
      conditionIssues(node.condition, `${site.pointer}/condition`, site.label);
    }
    if (typeof node.next !== 'string') {
      node.next.cases.forEach((c, k) =>
        conditionIssues(c.when, `${site.pointer}/next/cases/${k}/when`, `${site.label}的第 ${k + 1} 个流转分支`),
      );
    }
  }

  for (const { item, nodeId, pointer, label } of workItems(sites)) {
    issues.push(...departmentIssue({ department: item.department, pointer: `${pointer}/department`, label, knownDepartments }));
    if (isInstant(nodeId) && item.budgetDays > 0) {
      issues.push({
        pointer: `${pointer}/budgetDays`,
        code: 'flow.instant_budget',
        message: `即办件当场办结，${label}的环节时限应为 0，当前为 ${item.budgetDays} 个工作日`,
      });
    }
    (item.specialProcedures ?? []).forEach((name, k) => {
      if (specialProcedureNames.has(name)) return;
      issues.push({
        pointer: `${pointer}/specialProcedures/${k}`,
        code: 'flow.special_procedure_unknown',
        message: `${label}可启动的特别程序“${name}”未在事项的特别程序中登记`,
      });
    });
    const allowed = ROLE_ACTIONS[item.role];
    (item.actions ?? []).forEach((action, k) => {
      if (allowed.includes(action)) return;
      issues.push({
        pointer: `${pointer}/actions/${k}`,
        code: 'flow.role_actions',
        message: `${label}的办理角色为“${labelOf('flow.role', item.role)}”，不能使用“${labelOf('flow.action', action)}”操作`,
      });
    });
    conditionIssues(item.condition, `${pointer}/condition`, label);
  }
  return issues;
}
