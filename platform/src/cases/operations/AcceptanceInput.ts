import type { AcceptanceAction, ClockAction, RefusalReason } from '../Case';

/** The body of POST /api/cases/{number}/actions (its JSON Schema is in http/caseSchemas.ts). */
export interface AcceptanceInput {
  action: AcceptanceAction;
  idempotencyKey: string;
  /** The revision the window read: an older one is a conflict (someone acted first). */
  revision: number;
  reasonCode?: RefusalReason;
  reasonText?: string;
  competentBody?: string;
  items?: { kind: 'material' | 'field'; materialId?: string; pointer?: string; reason: string }[];
}

/**
 * The body as the route reads it: an acceptance action, or a clock action with its own fields
 * (ClockActionInput); each action refuses the other's fields.
 */
export interface CaseActionInput extends Omit<AcceptanceInput, 'action'> {
  action: AcceptanceAction | ClockAction;
  taskId?: string;
  procedure?: string;
  notice?: string;
  days?: number;
  approvedBy?: string;
}
