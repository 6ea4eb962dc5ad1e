import { fail } from '../../kernel';
import type { Flow } from '../Flow';
import type { FlowContext } from './FlowContext';
import type { FlowTransition } from './FlowEffect';
import { emptyFlowState } from './FlowState';
import { enterNode } from './advance';
import { createRun, transitionOf } from './Run';

/** Where the case enters: the first applying 办理情形 that names a `flowStart`, else the flow's start. */
export function entryNode(flow: Flow, context: FlowContext): string {
  return context.situations?.find((situation) => situation.flowStart !== undefined)?.flowStart ?? flow.start;
}

/** Opens the first work of a case: the entry node, skipping what does not apply; `branchChoice` as FlowState's. */
export function startFlow(flow: Flow, context: FlowContext, branchChoice?: Record<string, string[]>): FlowTransition {
  const run = createRun(flow, context, { ...emptyFlowState(), ...(branchChoice ? { branchChoice } : {}) });
  const start = entryNode(flow, context);
  if (!run.graph.has(start)) throw fail('FLOW_START_UNKNOWN', { start });
  enterNode(run, start);
  return transitionOf(run);
}
