import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkFlow } from '../checkFlow';
import type { Flow, FlowBranch, FlowCondition, FlowNext, FlowNode, FlowStep } from '../Flow';
import { allowedActions } from './allowedActions';
import { applyFlowEvent } from './applyFlowEvent';
import type { FlowEvent } from './FlowEvent';
import type { FlowState } from './FlowState';
import { DEPARTMENTS, FIRE, HEALTH, SAMR } from './flows.fixture';
import { startFlow } from './startFlow';

const FIELDS = ['f0', 'f1', 'f2'] as const;
const departments = fc.constantFrom(SAMR, FIRE, HEALTH);
const condition: fc.Arbitrary<FlowCondition | undefined> = fc.option(
  fc.constantFrom(...FIELDS).map((field) => ({ properties: { [field]: { const: true } }, required: [field] })),
  { nil: undefined, freq: 2 },
);

function stepOf(id: string, role: FlowStep['role'], budgetDays: number, when: FlowCondition | undefined): FlowStep {
  const actions: FlowStep['actions'] =
    role === 'chief' ? ['decide', 'deny', 'return'] : role === 'window' ? ['accept', 'transfer'] : ['approve', 'return'];
  return { id, name: `环节${id}`, role, budgetDays, actions, ...(when ? { condition: when } : {}) };
}

const stepShape = fc.record({
  role: fc.constantFrom('window', 'reviewer', 'reviewer', 'chief') as fc.Arbitrary<FlowStep['role']>,
  budgetDays: fc.integer({ min: 0, max: 3 }),
  when: condition,
});

const nodeShape = fc.record({
  isParallel: fc.boolean(),
  step: stepShape,
  when: condition,
  completion: fc.constantFrom('all', 'any') as fc.Arbitrary<'all' | 'any'>,
  branches: fc.array(
    fc.record({ department: departments, when: condition, steps: fc.array(stepShape, { minLength: 1, maxLength: 3 }) }),
    { minLength: 2, maxLength: 3 },
  ),
  /** Extra conditional targets, as offsets ahead of the node. */
  cases: fc.array(fc.record({ when: condition, ahead: fc.integer({ min: 2, max: 4 }) }), { maxLength: 2 }),
});

/** Chains nodes n0 → n1 → … → end, with conditional cases jumping ahead: acyclic and all reachable. */
const flows: fc.Arbitrary<Flow> = fc.array(nodeShape, { minLength: 1, maxLength: 5 }).map((shapes) => {
  const count = shapes.length;
  const target = (i: number): string => (i >= count ? 'end' : `n${i}`);
  const nodes = shapes.map((shape, i): FlowNode => {
    const cases = shape.cases.flatMap((c) => (c.when ? [{ when: c.when, to: target(i + c.ahead) }] : []));
    const next: FlowNext = cases.length > 0 ? { cases, otherwise: target(i + 1) } : target(i + 1);
    const id = `n${i}`;
    const when = shape.when ? { condition: shape.when } : {};
    if (!shape.isParallel) return { ...stepOf(id, shape.step.role, shape.step.budgetDays, shape.step.when), kind: 'task', next };
    const branches = shape.branches.map((b, k): FlowBranch => ({
      id: `${id}b${k}`,
      name: `分支${k}`,
      department: b.department,
      ...(b.when ? { condition: b.when } : {}),
      steps: b.steps.map((s, j) => stepOf(`${id}b${k}s${j}`, s.role, s.budgetDays, s.when)),
    }));
    const lead = branches[0]?.department ?? SAMR;
    return { id, kind: 'parallel', name: `并联${id}`, lead, completion: shape.completion, branches, next, ...when };
  });
  return { start: 'n0', nodes };
});

const formData = fc.record({ f0: fc.boolean(), f1: fc.boolean(), f2: fc.boolean() });

function stepCount(flow: Flow): number {
  return flow.nodes.reduce(
    (sum, node) => sum + (node.kind === 'task' ? 1 : node.branches.reduce((n, b) => n + b.steps.length, 0)),
    0,
  );
}

/** The event that passes a task: decide on a chief's step, approve elsewhere, by whoever holds it. */
function passEvent(flow: Flow, state: FlowState, taskId: string): FlowEvent {
  const task = state.tasks.find((t) => t.id === taskId);
  const by = task?.assignee ?? 'u-any';
  return allowedActions(flow, state, taskId).actions.includes('decide')
    ? { type: 'decide', taskId, by }
    : { type: 'approve', taskId, by };
}

function expectSound(state: FlowState): void {
  const steps = state.tasks.map((t) => t.stepId);
  expect(new Set(steps).size, `two open tasks for one step: ${steps.join(', ')}`).toBe(steps.length);
  expect(JSON.parse(JSON.stringify(state))).toStrictEqual(state);
}

/**
 * Drives a case: at every turn picks an open task by `picks` and passes it, or, while `returns`
 * lasts, sends it back to one of its return targets. Returns the final state and the events.
 */
function drive(
  flow: Flow,
  data: unknown,
  picks: readonly number[],
  returns: number,
): { state: FlowState; events: FlowEvent[]; turns: number } {
  const context = { ownerDepartment: SAMR, data };
  let { state } = startFlow(flow, context);
  expectSound(state);
  const events: FlowEvent[] = [];
  let left = returns;
  const bound = stepCount(flow) * (returns + 1) + 1;
  let turns = 0;
  for (; state.status === 'running' && turns < bound * 3; turns++) {
    const pick = picks[turns % Math.max(1, picks.length)] ?? 0;
    const task = state.tasks[pick % state.tasks.length];
    if (!task) break;
    const targets = allowedActions(flow, state, task.id).returnTargets;
    const target = targets[pick % Math.max(1, targets.length)];
    const event: FlowEvent =
      left > 0 && pick % 2 === 0 && target
        ? { type: 'return', taskId: task.id, by: task.assignee ?? 'u-any', to: target.id }
        : passEvent(flow, state, task.id);
    if (event.type === 'return') left -= 1;
    state = applyFlowEvent(flow, state, event, context).state;
    events.push(event);
    expectSound(state);
  }
  return { state, events, turns };
}

describe('flow interpreter properties', () => {
  const isClean = (flow: Flow): boolean =>
    checkFlow({
      flow,
      knownDepartments: DEPARTMENTS,
      ownerDepartment: SAMR,
      promised: undefined,
      specialProcedureNames: new Set(),
      formProperties: new Set(FIELDS),
    }).length === 0;

  it('the generated flows pass the publish checks', () => {
    fc.assert(
      fc.property(flows, (flow) => isClean(flow)),
      { numRuns: 100 },
    );
  });

  it('approving whatever is open completes within one approval per step, never two tasks for one step', () => {
    fc.assert(
      fc.property(flows, formData, fc.array(fc.nat(), { maxLength: 20 }), (flow, data, picks) => {
        const { state, turns } = drive(flow, data, picks, 0);
        expect(state.status).toBe('completed');
        expect(turns).toBeLessThanOrEqual(stepCount(flow));
        expect(state.tasks).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('with returns along the way it still completes, and replaying the events gives the same state', () => {
    fc.assert(
      fc.property(
        flows,
        formData,
        fc.array(fc.nat(), { minLength: 1, maxLength: 20 }),
        fc.integer({ min: 1, max: 3 }),
        (flow, data, picks, returns) => {
          const { state, events } = drive(flow, data, picks, returns);
          expect(state.status).toBe('completed');
          const context = { ownerDepartment: SAMR, data };
          const replayed = events.reduce(
            (s, event) => applyFlowEvent(flow, s, event, context).state,
            startFlow(flow, context).state,
          );
          expect(replayed).toStrictEqual(state);
        },
      ),
      { numRuns: 200 },
    );
  });
});
