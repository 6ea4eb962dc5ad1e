import type { UploadKind } from '../intake';
import type { CaseStatus } from './caseStatuses';
import type { CaseResultFile } from './CaseView';

/** One item of the open 补正 as the applicant is asked for it, with what an upload may be. */
export type ProgressItem =
  | {
      kind: 'material';
      materialId: string;
      name: string;
      reason: string;
      /** Paper-only materials are handed in at the window. */
      isUpload: boolean;
      accept: UploadKind[];
      maxBytes: number;
      maxFiles: number;
    }
  | { kind: 'field'; pointer: string; name: string; reason: string };

/** What each step recorded that the applicant may read: never who handled it, their notes or task internals. */
export interface ProgressDetail {
  items?: { name: string; reason: string | null }[];
  noticeNumber?: number;
  reason?: string;
  competentBody?: string;
  acceptedOn?: string;
  due?: string;
  acceptanceDue?: string;
  stepName?: string;
  resultName?: string;
  resultNumber?: string;
  remedies?: { reconsideration: string; litigation: string };
  deliveryMethod?: 'onSite' | 'express';
  carrier?: string;
  trackingNumber?: string;
}

export interface ProgressEvent {
  at: string;
  type: string;
  title: string;
  detail: ProgressDetail;
}

export interface CaseProgress {
  number: string;
  status: CaseStatus;
  statusLabel: string;
  receivedOn: string;
  acceptedOn: string | null;
  acceptanceDue: string | null;
  /** 预计办结日期: the case clock's due date once accepted (provisional where the calendar runs out). */
  expected: { due: string; provisional: boolean } | null;
  supplement: { notice: number; items: ProgressItem[] } | null;
  decision: {
    outcome: 'approved' | 'denied';
    resultName: string | null;
    resultNumber: string | null;
    /** The decision's 文号 from the register (none on decisions made before it). */
    documentNumber: string | null;
    reason: string | null;
    remedies: { reconsideration: string; litigation: string } | null;
    decidedOn: string;
  } | null;
  delivery: { method: 'onSite' | 'express'; carrier: string | null; trackingNumber: string | null; deliveredOn: string } | null;
  /** The result file once attached: downloaded through GET /api/files/{fileId}. */
  result: CaseResultFile | null;
  timeline: ProgressEvent[];
}
