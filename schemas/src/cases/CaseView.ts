import type { Period } from '../calendar';
import type { CaseStatus } from './caseStatuses';
import type { CaseDocument } from './documentNumbers';

/** The warning level derived from the clock: yellow ≤ 1 working day left or 80% used, red on the due day, overdue after. */
export type ClockLevel = 'normal' | 'yellow' | 'red' | 'overdue';

/** One thing a 补正 notice asks for: a material of the application's version, or a field of its form. */
export type SupplementItem =
  { kind: 'material'; materialId: string; reason: string } | { kind: 'field'; pointer: string; reason: string };

/** What the chief decided (行政许可法第三十八条): 准予 with the result and its 文号, or 不予 with the reason and remedies. */
export interface CaseDecision {
  outcome: 'approved' | 'denied';
  resultName: string | null;
  /** The result's own number as the chief typed it (a licence's 证照编号); null when none. */
  resultNumber: string | null;
  /** The decision's 文号 from the register; absent on decisions made before it existed. */
  documentNumber?: string | null;
  reason: string | null;
  /** The applicant's remedies as the decision states them; only a 不予 carries them. */
  remedies: { reconsideration: string; litigation: string } | null;
  decidedOn: string;
  decidedBy: string;
}

/** 送达: on site, or by express with its tracking number. */
export interface CaseDelivery {
  method: 'onSite' | 'express';
  carrier: string | null;
  trackingNumber: string | null;
  deliveredOn: string;
  deliveredBy: string;
}

/** One entry of the case clock's pause ledger; `max` is the procedure's maximum, past which days count again. */
export interface CasePause {
  /** The procedure's kind (hearing, expertReview …), as the matter registers it. */
  reason: string;
  from: string;
  to: string | null;
  max: Period | null;
}

/** The result file of an approved case (the licence, scanned or electronic), as the applicant downloads it. */
export interface CaseResultFile {
  fileId: string;
  name: string;
  size: number;
  mediaType: string;
  attachedOn: string;
}

/** A case as staff read it (`GET /api/cases/{number}`), its clock derived for today. */
export interface CaseView {
  number: string;
  status: CaseStatus;
  statusLabel: string;
  departmentCode: string;
  receivedOn: string;
  acceptedOn: string | null;
  /** The last day the window may answer; null once answered. */
  acceptanceDue: string | null;
  revision: number;
  isGreenChannel: boolean;
  supplementCount: number;
  supplement: SupplementItem[] | null;
  clock: {
    startedOn: string;
    due: string;
    provisional: boolean;
    state: 'running' | 'paused' | 'stopped';
    budgetWorkdays: number;
    workdaysUsed: number;
    workdaysLeft: number;
    level: ClockLevel;
    /** The pause ledger (特别程序): civil dates, both ends held; `to` null while the procedure runs. */
    pauses: CasePause[];
  } | null;
  flowStatus: string | null;
  tasks: { id: string; name: string; role: string; department: string; assignee: string | null; budgetDays: number }[];
  decision: CaseDecision | null;
  delivery: CaseDelivery | null;
  /** The attached result; optional only so views built by hand (fixtures) need not name it. */
  result?: CaseResultFile | null;
  /** The 文号 the register issued for this case's notices, oldest first; optional for fixtures. */
  documents?: CaseDocument[];
}
