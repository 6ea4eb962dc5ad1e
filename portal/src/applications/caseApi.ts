import { getJson } from '../api/getJson';
import { sendJson } from '../api/sendJson';

/**
 * The applicant's reads and writes of their case (GET /api/cases/{number}/progress, POST
 * /api/cases/{number}/supplement), as the platform's OpenAPI document describes them.
 */
export type ProgressItem =
  | {
      kind: 'material';
      materialId: string;
      name: string;
      reason: string;
      isUpload: boolean;
      accept: string[];
      maxBytes: number;
      maxFiles: number;
    }
  | { kind: 'field'; pointer: string; name: string; reason: string };

/** What a step recorded that the applicant may read; a kind the portal does not know has none of it. */
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
  status: string;
  statusLabel: string;
  receivedOn: string;
  acceptedOn: string | null;
  acceptanceDue: string | null;
  expected: { due: string; provisional: boolean } | null;
  supplement: { notice: number; items: ProgressItem[] } | null;
  decision: {
    outcome: 'approved' | 'denied';
    resultName: string | null;
    resultNumber: string | null;
    reason: string | null;
    remedies: { reconsideration: string; litigation: string } | null;
    decidedOn: string;
  } | null;
  delivery: { method: 'onSite' | 'express'; carrier: string | null; trackingNumber: string | null; deliveredOn: string } | null;
  timeline: ProgressEvent[];
}

export interface SupplementAnswer {
  idempotencyKey: string;
  notice: number;
  materials: Record<string, string[]>;
  formData: Record<string, unknown>;
}

const enc = encodeURIComponent;

export const caseApi = {
  progress: (number: string) => getJson<CaseProgress>(`/api/cases/${enc(number)}/progress`),
  answer: (number: string, body: SupplementAnswer) =>
    sendJson<{ number: string; status: string; statusLabel: string; acceptanceDue: string | null }>(
      'POST',
      `/api/cases/${enc(number)}/supplement`,
      body,
    ),
};
