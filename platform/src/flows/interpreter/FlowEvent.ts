/** What someone did to a case's flow. `by` is a user id; who may act is the case layer's check. */
export type FlowEvent =
  | { type: 'approve'; taskId: string; by: string }
  | { type: 'decide'; taskId: string; by: string }
  | { type: 'deny'; taskId: string; by: string }
  /** `to` is a step id on the path taken, or the id of a parallel node to run again as a whole. */
  | { type: 'return'; taskId: string; by: string; to: string }
  | { type: 'transfer'; taskId: string; by: string; to: string }
  /** 转其他部门: `to` is the competent department's code; the step is that department's from now on. */
  | { type: 'transferDepartment'; taskId: string; by: string; to: string }
  | { type: 'claim'; taskId: string; by: string }
  | { type: 'addSigner'; taskId: string; by: string; userId: string }
  /** With a task, the step must offer 终止; without, it is an administrative termination. */
  | { type: 'terminate'; by: string; taskId?: string };

export type FlowEventType = FlowEvent['type'];
