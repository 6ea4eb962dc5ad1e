import type { FlowRole } from '../Flow';

/** Bumped when the shape changes; the case layer migrates stored states like documents (ADR 004). */
export const FLOW_STATE_VERSION = 1;

export type FlowStatus = 'running' | 'completed' | 'denied' | 'terminated';

/** Someone added to a step (加签): the step completes only when the holder and every co-signer approved. */
export interface CoSigner {
  userId: string;
  hasApproved: boolean;
}

/** One open piece of work: a task node, or one step of a parallel branch. */
export interface FlowTask {
  /** `t1`, `t2`, … from the state's counter, so replaying the same events gives the same ids. */
  id: string;
  /** The task node, or the parallel node whose branch holds the step. */
  nodeId: string;
  stepId: string;
  branchId: string | null;
  name: string;
  role: FlowRole;
  /** `$owner` already resolved to the matter's owner department code. */
  department: string;
  budgetDays: number;
  /** null while the task waits in the department's queue (认领). */
  assignee: string | null;
  hasHolderApproved: boolean;
  coSigners: CoSigner[];
}

/** A parallel node at work (并联): which branches it started and which have finished. */
export interface FlowGroup {
  nodeId: string;
  /** 牵头单位, resolved. */
  lead: string;
  completion: 'all' | 'any';
  started: string[];
  finished: string[];
}

/** One completed step on the path taken: what 退回 may go back to. */
export interface PathEntry {
  taskId: string;
  nodeId: string;
  stepId: string;
  branchId: string | null;
  by: string;
  action: 'approve' | 'decide';
}

/** Where a case stands in its flow; plain JSON, stored by the case layer as it is. */
export interface FlowState {
  schemaVersion: typeof FLOW_STATE_VERSION;
  status: FlowStatus;
  nextTaskNumber: number;
  tasks: FlowTask[];
  groups: FlowGroup[];
  path: PathEntry[];
  /**
   * Per parallel node id, the branches a department plugin chose at 受理 (the `route` hook): when
   * the node is entered these start instead of those whose own conditions hold. Absent: the
   * conditions decide. Part of the state so that replaying the same events gives the same flow.
   */
  branchChoice?: Record<string, string[]>;
  /**
   * Per step id, the department a 转其他部门 moved the step to: it overrides the flow's department
   * whenever the step opens again (a later return to it), since the flow's was found not competent.
   */
  stepDepartments?: Record<string, string>;
}

/** Before the first node is entered. */
export function emptyFlowState(): FlowState {
  return { schemaVersion: FLOW_STATE_VERSION, status: 'running', nextTaskNumber: 1, tasks: [], groups: [], path: [] };
}
