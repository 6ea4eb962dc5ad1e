import { getJson } from '../api/getJson';
import type { CaseProgress } from '@matterflow/schemas';
import { sendJson } from '../api/sendJson';

/**
 * The applicant's reads and writes of their case (GET /api/cases/{number}/progress, POST
 * /api/cases/{number}/supplement), as the platform's OpenAPI document describes them.
 */
export type { CaseProgress, ProgressDetail, ProgressEvent, ProgressItem } from '@matterflow/schemas';

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
