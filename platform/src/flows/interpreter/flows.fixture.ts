import { makeUscc } from '../../departments';
import type { Flow, FlowBranch, FlowNext, FlowStep, ParallelNode, TaskNode } from '../Flow';
import { applyFlowEvent } from './applyFlowEvent';
import type { FlowContext } from './FlowContext';
import type { FlowEffect } from './FlowEffect';
import type { FlowEvent } from './FlowEvent';
import type { FlowState, FlowTask } from './FlowState';
import { startFlow } from './startFlow';

// 某县: 市场监管局 owns the matters; 消防救援大队 leads the joint review, 卫生健康局 joins it.
export const SAMR = makeUscc({ prefix: '11', region: '439901', orgBody: '00601001' });
export const FIRE = makeUscc({ prefix: '11', region: '439901', orgBody: '00601002' });
export const HEALTH = makeUscc({ prefix: '11', region: '439901', orgBody: '00601003' });
export const DEPARTMENTS: ReadonlySet<string> = new Set([SAMR, FIRE, HEALTH]);

export function step(id: string, name: string, overrides: Partial<FlowStep> = {}): FlowStep {
  return { id, name, role: 'reviewer', budgetDays: 1, actions: ['approve', 'return', 'transfer', 'addSigner'], ...overrides };
}

export function task(id: string, name: string, next: FlowNext, overrides: Partial<TaskNode> = {}): TaskNode {
  return { ...step(id, name), kind: 'task', next, ...overrides };
}

export function windowTask(id: string, next: FlowNext): TaskNode {
  return task(id, '窗口受理', next, { role: 'window', budgetDays: 1, actions: ['accept', 'reject', 'supplement', 'transfer'] });
}

export function chiefTask(id: string, next: FlowNext): TaskNode {
  return task(id, '审批决定', next, { role: 'chief', budgetDays: 1, actions: ['decide', 'deny', 'return', 'terminate'] });
}

export const onSiteCheck = { properties: { isOnSiteCheckNeeded: { const: true } }, required: ['isOnSiteCheckNeeded'] };
export const hasAirConditioning = {
  properties: { hasCentralAirConditioning: { const: true } },
  required: ['hasCentralAirConditioning'],
};
export const isLarge = { properties: { floorArea: { minimum: 1000 } }, required: ['floorArea'] };

/** 受理 → 审查 → 决定. */
export function serialFlow(): Flow {
  return {
    start: 'accept',
    nodes: [windowTask('accept', 'review'), task('review', '材料审查', 'decide', { budgetDays: 3 }), chiefTask('decide', 'end')],
  };
}

/**
 * 食品经营许可: 受理 → 审查 → (需现场核查时) 现场核查 → (面积千平方米以上) 复核 → 决定. The first
 * condition routes through `next`, the second is the 复核 step's own condition.
 */
export function foodFlow(): Flow {
  return {
    start: 'accept',
    nodes: [
      windowTask('accept', 'review'),
      task(
        'review',
        '材料审查',
        { cases: [{ when: onSiteCheck, to: 'siteCheck', label: '需现场核查' }], otherwise: 'recheck' },
        { budgetDays: 3 },
      ),
      task('siteCheck', '现场核查', 'recheck', { budgetDays: 2 }),
      task('recheck', '复核', 'decide', { condition: isLarge }),
      chiefTask('decide', 'end'),
    ],
  };
}

/** 公众聚集场所消防安全检查: 消防 (two steps) and, with central air-conditioning, 卫生 in parallel. */
export function jointFlow(completion: ParallelNode['completion'] = 'all'): Flow {
  const fire: FlowBranch = {
    id: 'fireBranch',
    name: '消防检查',
    department: FIRE,
    steps: [step('fireInspect', '消防现场检查', { budgetDays: 5 }), step('fireSign', '消防审核签发', { budgetDays: 1 })],
  };
  const health: FlowBranch = {
    id: 'healthBranch',
    name: '卫生审查',
    department: HEALTH,
    condition: hasAirConditioning,
    steps: [step('healthReview', '集中空调卫生审查', { budgetDays: 3 })],
  };
  return {
    start: 'accept',
    nodes: [
      windowTask('accept', 'joint'),
      { id: 'joint', kind: 'parallel', name: '联合审查', lead: FIRE, completion, branches: [fire, health], next: 'decide' },
      chiefTask('decide', 'end'),
    ],
  };
}

/** The parallel node of jointFlow and its two branches, to vary in a test. */
export function jointParts(flow: Flow): { joint: ParallelNode; fire: FlowBranch; health: FlowBranch } {
  const joint = flow.nodes[1];
  const [fire, health] = joint?.kind === 'parallel' ? joint.branches : [];
  if (joint?.kind !== 'parallel' || !fire || !health) throw new Error('jointFlow changed');
  return { joint, fire, health };
}

export function contextOf(data: Record<string, unknown> = {}): FlowContext {
  return { ownerDepartment: SAMR, data };
}

export function refusalOf(act: () => unknown): string | undefined {
  try {
    act();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
}

/** A case's flow driven by events, keeping every effect, as the case layer would. */
export class FlowDriver {
  state: FlowState;
  readonly effects: FlowEffect[];
  lastEffects: FlowEffect[];

  constructor(
    readonly flow: Flow,
    readonly context: FlowContext,
  ) {
    const { state, effects } = startFlow(flow, context);
    this.state = state;
    this.effects = [...effects];
    this.lastEffects = effects;
  }

  act(event: FlowEvent): FlowEffect[] {
    const { state, effects } = applyFlowEvent(this.flow, this.state, event, this.context);
    this.state = state;
    this.effects.push(...effects);
    this.lastEffects = effects;
    return effects;
  }

  taskAt(stepId: string): FlowTask {
    const found = this.state.tasks.find((t) => t.stepId === stepId);
    if (!found) throw new Error(`no open task at ${stepId}; open: ${this.openSteps().join(', ')}`);
    return found;
  }

  openSteps(): string[] {
    return this.state.tasks.map((t) => t.stepId);
  }

  /** Approves (or decides, on a chief's step) the open task at a step as `by`. */
  pass(stepId: string, by = 'u-clerk'): FlowEffect[] {
    const { id, role } = this.taskAt(stepId);
    return this.act({ type: role === 'chief' ? 'decide' : 'approve', taskId: id, by });
  }
}
