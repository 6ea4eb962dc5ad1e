import type { FlowState, FlowStatus, FlowTask } from './FlowState';

/** Why a task was opened: timers and the timeline word it differently. */
export type TaskOpenReason = 'entered' | 'returned' | 'transferred';

export type TaskOutcome = 'approved' | 'returned' | 'cancelled' | 'transferred' | 'denied';

/** What the case layer must do after a step of the interpreter: rows, events and timers. */
export type FlowEffect =
  | { type: 'taskOpened'; task: FlowTask; budgetDays: number; reason: TaskOpenReason }
  | { type: 'taskClosed'; taskId: string; outcome: TaskOutcome }
  | { type: 'taskClaimed'; taskId: string; assignee: string }
  | { type: 'signerAdded'; taskId: string; userId: string }
  | { type: 'signerApproved'; taskId: string; userId: string }
  /** A task node or branch step whose condition does not hold. */
  | { type: 'stepSkipped'; nodeId: string; stepId: string; branchId: string | null }
  /** A parallel node whose condition does not hold, or none of whose branches applies. */
  | { type: 'groupSkipped'; nodeId: string }
  | { type: 'groupStarted'; nodeId: string; lead: string; completion: 'all' | 'any'; branches: string[]; notStarted: string[] }
  | { type: 'groupJoined'; nodeId: string; finished: string[]; cancelled: string[] }
  /** A return (退回) from inside a group to a step before it. */
  | { type: 'groupCancelled'; nodeId: string }
  | { type: 'flowCompleted'; outcome: Exclude<FlowStatus, 'running'> };

/** The answer of startFlow and applyFlowEvent: the new state and what to do about it, in order. */
export interface FlowTransition {
  state: FlowState;
  effects: FlowEffect[];
}
