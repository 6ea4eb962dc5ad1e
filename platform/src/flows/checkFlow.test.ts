import { describe, expect, it } from 'vitest';
import { makeUscc } from '../departments';
import { checkFlow, type CheckFlowInput } from './checkFlow';
import type { Flow, FlowBranch, FlowNext, FlowNode, FlowStep, ParallelNode, TaskNode, TimeLimit } from './Flow';

// 某县: 市场监管局 owns the matters; 消防救援大队, 卫生健康局 and 住建局 take part in parallel reviews.
const SAMR = makeUscc({ prefix: '11', region: '439901', orgBody: '00601001' });
const FIRE = makeUscc({ prefix: '11', region: '439901', orgBody: '00601002' });
const HEALTH = makeUscc({ prefix: '11', region: '439901', orgBody: '00601003' });
const HOUSING = makeUscc({ prefix: '11', region: '439901', orgBody: '00601004' });
const NOT_IN_DIRECTORY = makeUscc({ prefix: '11', region: '439901', orgBody: '00609999' });

function step(id: string, name: string, overrides: Partial<FlowStep> = {}): FlowStep {
  return { id, name, role: 'reviewer', budgetDays: 1, actions: ['approve', 'return'], ...overrides };
}

function task(id: string, name: string, next: FlowNext, overrides: Partial<TaskNode> = {}): TaskNode {
  return { ...step(id, name), kind: 'task', next, ...overrides };
}

function windowTask(id: string, next: FlowNext, overrides: Partial<TaskNode> = {}): TaskNode {
  return task(id, '窗口受理', next, { role: 'window', actions: ['accept', 'reject', 'supplement'], ...overrides });
}

function chiefTask(id: string, next: FlowNext, overrides: Partial<TaskNode> = {}): TaskNode {
  return task(id, '审批决定', next, { role: 'chief', actions: ['decide', 'deny', 'return'], ...overrides });
}

function branch(
  id: string,
  name: string,
  department: string,
  steps: FlowStep[],
  overrides: Partial<FlowBranch> = {},
): FlowBranch {
  return { id, name, department, steps, ...overrides };
}

function parallel(
  id: string,
  name: string,
  { lead, branches, next }: { lead: string; branches: FlowBranch[]; next: FlowNext },
): ParallelNode {
  return { id, kind: 'parallel', name, lead, completion: 'all', branches, next };
}

function flowOf(start: string, ...nodes: FlowNode[]): Flow {
  return { start, nodes };
}

function workdays(value: number): TimeLimit {
  return { value, unit: 'workday' };
}

const onSiteCheck = { properties: { isOnSiteCheckNeeded: { const: true } }, required: ['isOnSiteCheckNeeded'] };

/** 食品经营许可: 受理 → 审查 → (需现场核查时) 现场核查 → 决定; promised 6 working days. */
function foodLicenceFlow(): Flow {
  return flowOf(
    'accept',
    windowTask('accept', 'review'),
    task(
      'review',
      '材料审查',
      { cases: [{ when: onSiteCheck, to: 'siteCheck', label: '需现场核查' }], otherwise: 'decide' },
      { budgetDays: 3 },
    ),
    task('siteCheck', '现场核查', 'decide', {
      actions: ['approve', 'return', 'specialProcedure'],
      specialProcedures: ['现场核查'],
    }),
    chiefTask('decide', 'end'),
  );
}

/** 个体工商户设立登记 as 即办件: accepted and registered on the spot. */
function individualBusinessFlow(): Flow {
  return flowOf(
    'register',
    windowTask('register', 'end', { name: '登记办结', budgetDays: 0, actions: ['accept', 'reject', 'supplement', 'complete'] }),
  );
}

/** 公众聚集场所投入使用、营业前消防安全检查, with 卫生 review when there is central air-conditioning. */
function fireSafetyFlow(): Flow {
  return flowOf(
    'accept',
    windowTask('accept', 'joint'),
    parallel('joint', '联合审查', {
      lead: FIRE,
      branches: [
        branch('fireBranch', '消防检查', FIRE, [step('fireInspect', '消防现场检查', { department: FIRE, budgetDays: 5 })]),
        branch(
          'healthBranch',
          '卫生审查',
          HEALTH,
          [step('healthReview', '集中空调卫生审查', { department: HEALTH, budgetDays: 3 })],
          {
            condition: { properties: { hasCentralAirConditioning: { const: true } }, required: ['hasCentralAirConditioning'] },
          },
        ),
      ],
      next: 'decide',
    }),
    chiefTask('decide', 'end', { department: FIRE }),
  );
}

function check(flow: Flow, overrides: Partial<CheckFlowInput> = {}) {
  return checkFlow({
    flow,
    knownDepartments: new Set([SAMR, FIRE, HEALTH, HOUSING]),
    ownerDepartment: SAMR,
    promised: workdays(6),
    specialProcedureNames: new Set(['现场核查', '检验检测']),
    formProperties: new Set(['businessName', 'isOnSiteCheckNeeded', 'hasCentralAirConditioning', 'floorArea']),
    ...overrides,
  });
}

function nodeAt(flow: Flow, index: number): FlowNode {
  const node = flow.nodes[index];
  if (!node) throw new Error(`fixture has no node ${index}`);
  return node;
}

function taskAt(flow: Flow, index: number): TaskNode {
  const node = nodeAt(flow, index);
  if (node.kind !== 'task') throw new Error(`node ${index} is not a task`);
  return node;
}

function parallelAt(flow: Flow, index: number): ParallelNode {
  const node = nodeAt(flow, index);
  if (node.kind !== 'parallel') throw new Error(`node ${index} is not parallel`);
  return node;
}

describe('checkFlow', () => {
  it('accepts clean flows: serial with a conditional step, 即办件, and parallel with a lead', () => {
    expect(check(foodLicenceFlow())).toEqual([]);
    expect(check(individualBusinessFlow(), { promised: workdays(0) })).toEqual([]);
    expect(check(fireSafetyFlow(), { ownerDepartment: FIRE, promised: workdays(10) })).toEqual([]);
  });

  it('flow.start_unknown: the start names no node', () => {
    const flow = { ...foodLicenceFlow(), start: 'intake' };
    const issues = check(flow);
    expect(issues).toEqual([{ pointer: '/flow/start', code: 'flow.start_unknown', message: '起始节点“intake”不是流程中的节点' }]);
  });

  it('flow.duplicate_id: ids are unique across nodes, branches and steps', () => {
    const flow = fireSafetyFlow();
    const joint = parallelAt(flow, 1);
    const healthBranch = joint.branches[1];
    if (!healthBranch?.steps[0]) throw new Error('fixture changed');
    healthBranch.steps[0].id = 'decide';
    const issues = check(flow, { ownerDepartment: FIRE, promised: workdays(10) });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ pointer: '/flow/nodes/1/branches/1/steps/0/id', code: 'flow.duplicate_id' });
    expect(issues[0]?.message).toBe(
      '标识“decide”重复：分支“卫生审查”的环节“集中空调卫生审查”（decide）与环节“审批决定”（decide）使用了同一标识',
    );
  });

  it('flow.target_unknown: a next or case target that is neither a node nor end', () => {
    const flow = foodLicenceFlow();
    taskAt(flow, 1).next = { cases: [{ when: onSiteCheck, to: 'sitecheck' }], otherwise: 'decide' };
    taskAt(flow, 2).next = 'decision';
    const issues = check(flow).filter((issue) => issue.code === 'flow.target_unknown');
    expect(issues.map((issue) => issue.pointer)).toEqual(['/flow/nodes/1/next/cases/0/to', '/flow/nodes/2/next']);
    expect(issues[0]?.message).toBe('“材料审查”（review）的后继“sitecheck”既不是流程节点，也不是办结（end）');
  });

  it('flow.unreachable: a node no path from the start leads to', () => {
    const flow = foodLicenceFlow();
    flow.nodes.push(task('expertReview', '专家评审', 'decide'));
    expect(check(flow)).toEqual([
      { pointer: '/flow/nodes/4', code: 'flow.unreachable', message: '环节“专家评审”（expertReview）从起始节点不可达' },
    ]);
  });

  it('flow.cycle: a loop through next edges, pointing at the edge that closes it', () => {
    const flow = foodLicenceFlow();
    // Someone modelled 退回 as an edge back to intake.
    taskAt(flow, 1).next = {
      cases: [
        { when: onSiteCheck, to: 'siteCheck' },
        { when: { required: ['businessName'] }, to: 'accept' },
      ],
      otherwise: 'decide',
    };
    const issues = check(flow);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ pointer: '/flow/nodes/1/next/cases/1/to', code: 'flow.cycle' });
    expect(issues[0]?.message).toContain('“窗口受理”（accept） → “材料审查”（review） → “窗口受理”（accept）');
  });

  it('flow.no_end: no path from the start reaches end', () => {
    const flow = flowOf('accept', windowTask('accept', 'review'), task('review', '材料审查', 'accept'));
    const issues = check(flow);
    expect(issues.map((issue) => issue.code)).toEqual(['flow.cycle', 'flow.no_end']);
    expect(issues[1]).toEqual({ pointer: '/flow', code: 'flow.no_end', message: '从起始节点出发没有任何路径到达办结（end）' });
  });

  it('flow.department_unknown: step, branch and lead departments must be $owner or in the directory', () => {
    const flow = fireSafetyFlow();
    const joint = parallelAt(flow, 1);
    joint.lead = NOT_IN_DIRECTORY;
    const fireBranch = joint.branches[0];
    if (!fireBranch?.steps[0]) throw new Error('fixture changed');
    fireBranch.department = NOT_IN_DIRECTORY;
    fireBranch.steps[0].department = NOT_IN_DIRECTORY;
    taskAt(flow, 2).department = NOT_IN_DIRECTORY;
    const issues = check(flow, { ownerDepartment: FIRE, promised: workdays(10) }).filter(
      (issue) => issue.code === 'flow.department_unknown',
    );
    expect(issues.map((issue) => issue.pointer).sort()).toEqual([
      '/flow/nodes/1/branches/0/department',
      '/flow/nodes/1/branches/0/steps/0/department',
      '/flow/nodes/1/lead',
      '/flow/nodes/2/department',
    ]);
    expect(issues.find((issue) => issue.pointer === '/flow/nodes/2/department')?.message).toBe(
      `环节“审批决定”（decide）的部门“${NOT_IN_DIRECTORY}”不在部门名录中`,
    );
  });

  it('flow.lead_not_in_branches: the lead must run one of the branches; $owner matches the owner code', () => {
    const flow = fireSafetyFlow();
    parallelAt(flow, 1).lead = HOUSING;
    expect(check(flow, { ownerDepartment: FIRE, promised: workdays(10) })).toEqual([
      {
        pointer: '/flow/nodes/1/lead',
        code: 'flow.lead_not_in_branches',
        message: `并联环节“联合审查”（joint）的牵头单位“${HOUSING}”不是任何一个并联分支的部门`,
      },
    ]);
    parallelAt(flow, 1).lead = '$owner';
    expect(check(flow, { ownerDepartment: FIRE, promised: workdays(10) })).toEqual([]);
    expect(check(flow, { ownerDepartment: SAMR, promised: workdays(10) }).map((issue) => issue.code)).toEqual([
      'flow.lead_not_in_branches',
    ]);
  });

  it('flow.budget_exceeds_promise: the longest path, naming it', () => {
    const flow = foodLicenceFlow();
    taskAt(flow, 1).budgetDays = 5;
    expect(check(flow)).toEqual([
      {
        pointer: '/flow',
        code: 'flow.budget_exceeds_promise',
        message:
          '最长办理路径 “窗口受理”（accept） → “材料审查”（review） → “现场核查”（siteCheck） → “审批决定”（decide） 的环节时限合计 8 个工作日，超过承诺办结时限 6 个工作日',
      },
    ]);
    // On the calendar's worst case (plain weeks here): 8 working days from a Friday end 12 days later.
    expect(check(flow, { promised: { value: 12, unit: 'day' } })).toEqual([]);
    const overNaturalDays = check(flow, { promised: { value: 11, unit: 'day' } });
    expect(overNaturalDays.map((issue) => issue.code)).toEqual(['flow.budget_exceeds_promise']);
    expect(overNaturalDays[0]?.message).toMatch(/超过承诺办结时限 11 日（如 \d{4}-\d{2}-\d{2} 起算：环节时限至/);
    expect(check(flow, { promised: { value: 1, unit: 'month' } })).toEqual([]);
    expect(check(flow, { promised: undefined })).toEqual([]);
  });

  it('flow.budget_exceeds_promise: a parallel node takes its slowest branch, conditional branches included', () => {
    const flow = fireSafetyFlow();
    const healthBranch = parallelAt(flow, 1).branches[1];
    if (!healthBranch) throw new Error('fixture changed');
    healthBranch.steps.push(step('healthSite', '卫生现场核查', { department: HEALTH, budgetDays: 6 }));
    const issues = check(flow, { ownerDepartment: FIRE, promised: workdays(10) });
    expect(issues).toHaveLength(1);
    expect(issues[0]?.message).toContain('合计 11 个工作日');
  });

  it('flow.instant_budget: a 即办件 allows no working-day budget anywhere', () => {
    const flow = individualBusinessFlow();
    taskAt(flow, 0).budgetDays = 1;
    expect(check(flow, { promised: workdays(0) })).toEqual([
      {
        pointer: '/flow/nodes/0/budgetDays',
        code: 'flow.instant_budget',
        message: '即办件当场办结，环节“登记办结”（register）的环节时限应为 0，当前为 1 个工作日',
      },
    ]);
  });

  it('flow.special_procedure_unknown: a step starts a procedure the matter does not declare', () => {
    const flow = foodLicenceFlow();
    taskAt(flow, 2).specialProcedures = ['现场核查', '专家评审'];
    expect(check(flow)).toEqual([
      {
        pointer: '/flow/nodes/2/specialProcedures/1',
        code: 'flow.special_procedure_unknown',
        message: '环节“现场核查”（siteCheck）可启动的特别程序“专家评审”未在事项的特别程序中登记',
      },
    ]);
  });

  it('flow.role_actions: a window clerk cannot decide, a reviewer cannot deny', () => {
    const flow = fireSafetyFlow();
    taskAt(flow, 0).actions = ['accept', 'decide'];
    const fireStep = parallelAt(flow, 1).branches[0]?.steps[0];
    if (!fireStep) throw new Error('fixture changed');
    fireStep.actions = ['approve', 'deny'];
    const issues = check(flow, { ownerDepartment: FIRE, promised: workdays(10) });
    expect(issues).toEqual([
      {
        pointer: '/flow/nodes/0/actions/1',
        code: 'flow.role_actions',
        message: '环节“窗口受理”（accept）的办理角色为“窗口受理”，不能使用“准予决定”操作',
      },
      {
        pointer: '/flow/nodes/1/branches/0/steps/0/actions/1',
        code: 'flow.role_actions',
        message: '分支“消防检查”的环节“消防现场检查”（fireInspect）的办理角色为“审查”，不能使用“不予决定”操作',
      },
    ]);
  });

  it('flow.condition_invalid: a condition that is not a valid JSON Schema', () => {
    const flow = foodLicenceFlow();
    taskAt(flow, 1).next = {
      cases: [{ when: { properties: { isOnSiteCheckNeeded: { type: 'bool' } } }, to: 'siteCheck' }],
      otherwise: 'decide',
    };
    const issues = check(flow);
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.every((issue) => issue.code === 'flow.condition_invalid')).toBe(true);
    expect(issues[0]?.pointer).toMatch(/^\/flow\/nodes\/1\/next\/cases\/0\/when\/properties\/isOnSiteCheckNeeded\/type/);
    expect(issues[0]?.message).toContain('环节“材料审查”（review）的第 1 个流转分支的适用条件不是有效的 JSON Schema');
  });

  it('flow.condition_invalid: an unresolvable $ref does not compile', () => {
    const flow = fireSafetyFlow();
    const healthBranch = parallelAt(flow, 1).branches[1];
    if (!healthBranch) throw new Error('fixture changed');
    healthBranch.condition = { $ref: '#/$defs/airConditioned' };
    expect(check(flow, { ownerDepartment: FIRE, promised: workdays(10) })).toMatchObject([
      { pointer: '/flow/nodes/1/branches/1/condition', code: 'flow.condition_invalid' },
    ]);
  });

  it('flow.condition_unknown_field: a condition names a field the form does not have', () => {
    const flow = fireSafetyFlow();
    const healthBranch = parallelAt(flow, 1).branches[1];
    if (!healthBranch) throw new Error('fixture changed');
    healthBranch.condition = {
      allOf: [{ properties: { hasAirCon: { const: true } } }, { not: { required: ['floorArea', 'isHotel'] } }],
      // Nested properties describe a sub-object, not form fields.
      properties: { floorArea: { properties: { unit: { const: 'm2' } } } },
    };
    const input = { ownerDepartment: FIRE, promised: workdays(10) };
    expect(check(flow, input)).toEqual([
      {
        pointer: '/flow/nodes/1/branches/1/condition/allOf/0/properties/hasAirCon',
        code: 'flow.condition_unknown_field',
        message: '分支“卫生审查”（healthBranch）的适用条件引用了申请表单中不存在的字段“hasAirCon”',
      },
      {
        pointer: '/flow/nodes/1/branches/1/condition/allOf/1/not/required/1',
        code: 'flow.condition_unknown_field',
        message: '分支“卫生审查”（healthBranch）的适用条件引用了申请表单中不存在的字段“isHotel”',
      },
    ]);
    expect(check(flow, { ...input, formProperties: undefined })).toEqual([]);
  });

  it('reports every issue at once', () => {
    const flow = foodLicenceFlow();
    taskAt(flow, 0).actions = ['decide'];
    taskAt(flow, 3).next = 'finish';
    taskAt(flow, 2).department = NOT_IN_DIRECTORY;
    expect(check(flow).map((issue) => issue.code)).toEqual([
      'flow.target_unknown',
      'flow.no_end',
      'flow.role_actions',
      'flow.department_unknown',
    ]);
  });
});

/** 网吧设立: 筹建 from the start, 最终审核 from its own window step (two 办理情形, one flow). */
function internetCafeFlow(): Flow {
  return flowOf(
    'prepAccept',
    windowTask('prepAccept', 'prepReview'),
    task('prepReview', '筹建审查', 'prepDecide', { budgetDays: 5 }),
    chiefTask('prepDecide', 'end'),
    windowTask('finalAccept', 'siteCheck', { name: '最终审核受理' }),
    task('siteCheck', '实地检查', 'finalDecide', { budgetDays: 4 }),
    chiefTask('finalDecide', 'end'),
  );
}

const finalStage = { id: 'final', name: '最终审核', flowStart: 'finalAccept', pointer: '/situations/1' };

describe('checkFlow with 办理情形', () => {
  it('a node reachable only from a situation’s flowStart is not unreachable', () => {
    const flow = internetCafeFlow();
    expect(check(flow, { promised: workdays(10) }).map((issue) => issue.pointer)).toEqual([
      '/flow/nodes/3',
      '/flow/nodes/4',
      '/flow/nodes/5',
    ]);
    expect(check(flow, { promised: workdays(10), situationStarts: [{ ...finalStage, promised: workdays(10) }] })).toEqual([]);
  });

  it('flow.budget_exceeds_promise: each situation’s longest path against the situation’s own promise', () => {
    const flow = internetCafeFlow();
    const issues = check(flow, { promised: workdays(10), situationStarts: [{ ...finalStage, promised: workdays(5) }] });
    expect(issues).toEqual([
      {
        pointer: '/situations/1/flowStart',
        code: 'flow.budget_exceeds_promise',
        message:
          '办理情形“最终审核”（final）的最长办理路径 “最终审核受理”（finalAccept） → “实地检查”（siteCheck） → “审批决定”（finalDecide） 的环节时限合计 6 个工作日，超过本情形承诺办结时限 5 个工作日',
      },
    ]);
    // The matter's own promise still holds the path from the flow's start (筹建: 7 working days).
    expect(
      check(flow, { promised: workdays(6), situationStarts: [{ ...finalStage, promised: workdays(10) }] }).map((i) => i.pointer),
    ).toEqual(['/flow']);
  });

  it('a situation starting where the flow starts is held to its own promise there', () => {
    const flow = internetCafeFlow();
    const situation = { id: 'prep', name: '筹建', flowStart: undefined, pointer: '/situations/0', promised: workdays(6) };
    expect(
      check(flow, { promised: workdays(10), situationStarts: [situation, { ...finalStage, promised: workdays(10) }] }),
    ).toEqual([expect.objectContaining({ pointer: '/situations/0/timeLimits/promised', code: 'flow.budget_exceeds_promise' })]);
  });

  it('flow.no_end from a situation’s start; an unknown flowStart is left to the situation checks', () => {
    const flow = internetCafeFlow();
    taskAt(flow, 5).next = 'siteCheck';
    const codes = check(flow, { promised: workdays(10), situationStarts: [{ ...finalStage, promised: workdays(10) }] }).map(
      (issue) => `${issue.code} ${issue.pointer}`,
    );
    expect(codes).toContain('flow.no_end /situations/1/flowStart');
    expect(codes).toContain('flow.cycle /flow/nodes/5/next');
    const unknown = check(internetCafeFlow(), {
      promised: workdays(10),
      situationStarts: [{ ...finalStage, flowStart: 'nowhere', promised: workdays(10) }],
    });
    expect(unknown.map((issue) => issue.code)).toEqual(['flow.unreachable', 'flow.unreachable', 'flow.unreachable']);
  });

  it('flow.instant_budget only on the nodes a 当场办结 situation reaches', () => {
    // 消防 告知承诺: decided on the spot from its own step; the 检查 path keeps its 10 working days.
    const flow = flowOf(
      'accept',
      windowTask('accept', 'inspect'),
      task('inspect', '现场检查', 'decide', { budgetDays: 6 }),
      chiefTask('decide', 'end'),
      windowTask('pledge', 'end', { name: '承诺即办', budgetDays: 0, actions: ['accept', 'reject', 'complete'] }),
    );
    const pledge = { id: 'pledge', name: '告知承诺', flowStart: 'pledge', pointer: '/situations/0', promised: workdays(0) };
    expect(check(flow, { promised: workdays(10), situationStarts: [pledge] })).toEqual([]);
    taskAt(flow, 3).budgetDays = 1;
    expect(check(flow, { promised: workdays(10), situationStarts: [pledge] })).toEqual([
      expect.objectContaining({ pointer: '/flow/nodes/3/budgetDays', code: 'flow.instant_budget' }),
    ]);
  });
});
