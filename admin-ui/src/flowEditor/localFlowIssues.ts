import { FLOW_END, flowEdges, type ApiIssue, type Flow, type StepFields } from '@matterflow/schemas';

/**
 * The flow's simple structural rules, checked as the clerk types (the meta-schema itself needs ajv,
 * which the page's CSP does not let compile): names, budgets, branch counts, ids, targets. The
 * server's checks on save stay the authority; these only save a round trip. Codes are the ones the
 * server uses for the same defect.
 */
export function localFlowIssues(flow: Flow): ApiIssue[] {
  const issues: ApiIssue[] = [];
  const seen = new Set<string>();
  const checkId = (id: string, pointer: string) => {
    if (seen.has(id)) issues.push({ pointer: `${pointer}/id`, code: 'flow.duplicate_id', message: `标识“${id}”重复` });
    seen.add(id);
  };
  const checkStep = (step: StepFields, pointer: string) => {
    checkId(step.id, pointer);
    if (step.name.trim() === '') issues.push({ pointer: `${pointer}/name`, code: 'schema.minLength', message: '请填写环节名称' });
    const days = step.budgetDays;
    if (!Number.isInteger(days))
      issues.push({ pointer: `${pointer}/budgetDays`, code: 'schema.type', message: '环节时限应为整数个工作日' });
    else if (days < 0 || days > 365)
      issues.push({
        pointer: `${pointer}/budgetDays`,
        code: days < 0 ? 'schema.minimum' : 'schema.maximum',
        message: '环节时限应在 0 至 365 个工作日之间',
      });
  };
  flow.nodes.forEach((node, n) => {
    const pointer = `/flow/nodes/${n}`;
    if (node.kind === 'task') {
      checkStep(node, pointer);
    } else {
      checkId(node.id, pointer);
      if (node.name.trim() === '')
        issues.push({ pointer: `${pointer}/name`, code: 'schema.minLength', message: '请填写并联环节名称' });
      if (node.branches.length < 2)
        issues.push({ pointer: `${pointer}/branches`, code: 'schema.minItems', message: '并联环节至少要有两个分支' });
      node.branches.forEach((branch, b) => {
        checkId(branch.id, `${pointer}/branches/${b}`);
        if (branch.name.trim() === '')
          issues.push({ pointer: `${pointer}/branches/${b}/name`, code: 'schema.minLength', message: '请填写分支名称' });
        branch.steps.forEach((step, s) => checkStep(step, `${pointer}/branches/${b}/steps/${s}`));
      });
    }
  });
  const ids = new Set(flow.nodes.map((node) => node.id));
  if (!ids.has(flow.start))
    issues.push({ pointer: '/flow/start', code: 'flow.start_unknown', message: `起始节点“${flow.start}”不存在` });
  flow.nodes.forEach((node, n) => {
    const targets = flowEdges({ next: node.next, nodePointer: `/flow/nodes/${n}` });
    for (const { to, pointer } of targets)
      if (to !== FLOW_END && !ids.has(to)) issues.push({ pointer, code: 'flow.target_unknown', message: `后继“${to}”不存在` });
  });
  return issues;
}

/** Server issues first (they are the authority), then local ones that say something new. */
export function mergeIssues(server: readonly ApiIssue[], local: readonly ApiIssue[]): ApiIssue[] {
  const key = (issue: ApiIssue) => `${issue.pointer}\u0000${issue.code}`;
  const known = new Set(server.map(key));
  return [...server, ...local.filter((issue) => !known.has(key(issue)))];
}
