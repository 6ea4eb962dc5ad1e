import type { ChangeLine } from '@matterflow/schemas';

/** One row of `GET /api/matters/{code}/versions` (the index, without documents). */
export interface VersionSummary {
  code: string;
  version: number;
  status: string;
  revision: number;
  name: string;
  type: string;
  departmentCode: string;
  effectiveFrom: string | null;
  cancelAt: string | null;
  reviewComments: { by: string; at: string; comments: string }[];
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  publishedAt: string | null;
}

/** `GET /api/matters/{code}/diff`: the pointer-level changes and the same changes in words. */
export interface VersionDiff {
  code: string;
  from: number;
  to: number;
  changes: { op: 'add' | 'remove' | 'replace'; pointer: string; from?: unknown; to?: unknown }[];
  summary: ChangeLine[];
}

/** `GET /api/matters/{code}/versions/{n}/impact`. */
export interface VersionImpact {
  days: number;
  applications: number;
  changed: number;
  isCapped: boolean;
  examples: { number: string; submittedAt: string; version: number; added: string[]; removed: string[] }[];
}

/** Why the platform refused a move, each naming the field it is about. */
export interface Refusal {
  pointer: string;
  code: string;
  message: string;
}
