import type { AcceptanceAction, RefusalReason } from '../Case';

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
