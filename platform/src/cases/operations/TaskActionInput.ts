import type { TaskAction } from '../Case';

/** The body of POST /api/cases/{number}/tasks/{taskId}/actions (its JSON Schema is in http/caseSchemas.ts). */
export interface TaskActionInput {
  action: TaskAction;
  idempotencyKey: string;
  /** The case revision the user read: an older one is a conflict (someone acted first). */
  revision: number;
  comment?: string;
  /** return: the step (or parallel node) on the path to go back to. */
  to?: string;
  /** transfer, addSigner: the colleague (users.id). */
  userId?: number;
  /** transferDepartment: the competent department (统一社会信用代码) the task moves to. */
  toDepartmentCode?: string;
  /** decide: the result (defaults to the matter's result name) and its 文号. */
  resultName?: string;
  resultNumber?: string;
  /** deny, terminate, transferDepartment: why. */
  reason?: string;
}
