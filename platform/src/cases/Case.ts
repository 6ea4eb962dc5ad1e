import type { FlowState } from '../flows';
import type { ClockState } from './clock';
import type { CaseDecision, CaseDelivery, CaseDocument, CaseResultFile, CaseStatus, SupplementItem } from '@matterflow/schemas';

// The statuses, reasons and wire shapes the workbench and the portal read too live in schemas/src/cases.

export {
  CASE_STATUSES,
  CASE_STATUS_LABELS,
  REFUSAL_REASONS,
  type CaseDecision,
  type CaseDelivery,
  type CaseResultFile,
  type CaseStatus,
  type RefusalReason,
  type SupplementItem,
} from '@matterflow/schemas';

export interface CaseRecord {
  id: number;
  applicationId: number;
  /** The application's number (intake's): how staff and the API name a case. */
  number: string;
  departmentCode: string;
  status: CaseStatus;
  receivedOn: string;
  /** The day the acceptance period runs from: the receipt, or the day a 补正 answer completed it. */
  completeOn: string;
  acceptedOn: string | null;
  clock: ClockState | null;
  flowState: FlowState | null;
  supplement: SupplementItem[] | null;
  supplementCount: number;
  isGreenChannel: boolean;
  revision: number;
  decision: CaseDecision | null;
  delivery: CaseDelivery | null;
  /** The result file attached after 准予 (migration 024). */
  resultFile: CaseResultFile | null;
  /** The 文号 the register issued for the case's notices, oldest first (migration 025). */
  documents: CaseDocument[];
}

/** What the holder of a task (or the chief and the supervisor, for 催办) may do after 受理. */
export const TASK_ACTIONS = [
  'approve',
  'return',
  'transfer',
  'transferDepartment',
  'addSigner',
  'claim',
  'decide',
  'deny',
  'terminate',
  'urge',
] as const;
export type TaskAction = (typeof TASK_ACTIONS)[number];

export const DELIVERY_METHODS = ['onSite', 'express'] as const;

/** What holds or moves the case clock after 受理 (docs/cases.md "Clock actions and warnings"). */
export const CLOCK_ACTIONS = ['startSpecialProcedure', 'endSpecialProcedure', 'extend'] as const;
export type ClockAction = (typeof CLOCK_ACTIONS)[number];

/** What a window may answer an application with (行政许可法第三十二条), and 即办件 at the counter. */
export const ACCEPTANCE_ACTIONS = ['accept', 'refuse', 'supplement', 'completeOnSpot'] as const;
export type AcceptanceAction = (typeof ACCEPTANCE_ACTIONS)[number];
