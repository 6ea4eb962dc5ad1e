import { evaluateCondition } from '@matterflow/schemas';
import { OWNER_DEPARTMENT, type DepartmentRef, type Flow, type FlowNext, type FlowTarget } from '../Flow';
import { buildFlowGraph, type FlowGraph } from '../flowGraph';
import type { FlowContext } from './FlowContext';
import type { FlowEffect, FlowTransition } from './FlowEffect';
import type { FlowState } from './FlowState';
import { locateSteps, type StepPlace } from './locateSteps';

/**
 * One step of the interpreter at work: a private copy of the state that the helpers change and the
 * effects they record. Only startFlow and applyFlowEvent create one, so the caller's state is never
 * touched and the functions stay pure.
 */
export interface Run {
  flow: Flow;
  context: FlowContext;
  graph: FlowGraph;
  steps: ReadonlyMap<string, StepPlace>;
  state: FlowState;
  effects: FlowEffect[];
}

export function createRun(flow: Flow, context: FlowContext, state: FlowState): Run {
  return {
    flow,
    context,
    graph: buildFlowGraph({ flow, prefix: '' }),
    steps: locateSteps(flow),
    state: structuredClone(state),
    effects: [],
  };
}

export function transitionOf(run: Run): FlowTransition {
  return { state: run.state, effects: run.effects };
}

export function resolveDepartment(run: Run, department: DepartmentRef | undefined): string {
  return department === undefined || department === OWNER_DEPARTMENT ? run.context.ownerDepartment : department;
}

/** An absent condition holds. */
export function holds(run: Run, condition: unknown): boolean {
  return condition === undefined || evaluateCondition(condition, run.context.data);
}

/** A conditional `next` takes the first case that holds, in order, else `otherwise`. */
export function resolveNext(run: Run, next: FlowNext): FlowTarget {
  if (typeof next === 'string') return next;
  return next.cases.find((c) => holds(run, c.when))?.to ?? next.otherwise;
}

export function placeOf(run: Run, stepId: string): StepPlace {
  const place = run.steps.get(stepId);
  // Stored states name steps of the flow version the case is pinned to; a miss is a bug.
  if (!place) throw new Error(`flow has no step ${stepId}`);
  return place;
}
