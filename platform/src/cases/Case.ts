import type { FlowState } from '../flows';
import type { ClockState } from './clock';

/**
 * Where a case stands. received → (supplementing ↔ received) → accepted | refused, or completed at
 * the counter (即办件). in_review, decided, terminated and withdrawn belong to the case actions after 受理.
 */
export const CASE_STATUSES = [
  'received',
  'supplementing',
  'accepted',
  'refused',
  'completed',
  'in_review',
  'decided',
  'withdrawn',
  'terminated',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  received: '待受理',
  supplementing: '待补正',
  accepted: '已受理',
  refused: '不予受理',
  completed: '已办结',
  in_review: '审查中',
  decided: '已决定',
  withdrawn: '已撤回',
  terminated: '已终止',
};

/** One thing a 补正 notice asks for: a material of the application's version, or a field of its form. */
export type SupplementItem =
  { kind: 'material'; materialId: string; reason: string } | { kind: 'field'; pointer: string; reason: string };

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
}

/** What the chief decided (行政许可法第三十八条): 准予 with the result and its 文号, or 不予 with the reason and remedies. */
export interface CaseDecision {
  outcome: 'approved' | 'denied';
  resultName: string | null;
  /** 文号 of the decision or the licence number. */
  resultNumber: string | null;
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

/** What the holder of a task (or the chief and the supervisor, for 催办) may do after 受理. */
export const TASK_ACTIONS = [
  'approve',
  'return',
  'transfer',
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

/** Why an application is not accepted; `not_competent` must name the competent body (不推诿). */
export const REFUSAL_REASONS = {
  not_competent: '不属于本机关职权范围',
  not_licensable: '申请事项依法不需要取得行政许可',
  incomplete_after_supplement: '经一次性告知补正后仍不符合要求',
  other: '其他依法不予受理的情形',
} as const;
export type RefusalReason = keyof typeof REFUSAL_REASONS;
