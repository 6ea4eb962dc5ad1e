/** Lifecycle states (docs/lifecycle.md). `superseded` and `retired` may also be derived from dates. */
export const MATTER_STATUSES = ['draft', 'in_review', 'published', 'superseded', 'retired'] as const;
export type MatterStatus = (typeof MATTER_STATUSES)[number];

import type { MatterDocument } from '@matterflow/schemas';

/** A matter document, typed from the meta-schema (`npm run gen:types`) and validated by Ajv. */
export type { MatterDocument };

export interface ReviewComment {
  by: string;
  at: string;
  comments: string;
}

export interface MatterVersion {
  code: string;
  version: number;
  /** The state on the given day: a published version overtaken by a newer effective one reads `superseded`. */
  status: MatterStatus;
  revision: number;
  metaSchemaVersion: number;
  name: string;
  type: string;
  departmentCode: string;
  effectiveFrom: string | null;
  cancelAt: string | null;
  reviewComments: ReviewComment[];
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  publishedAt: string | null;
  document: MatterDocument;
}

/** A version without its document: which one it is and its state, for readers that have the document already. */
export type MatterVersionHeader = Omit<MatterVersion, 'document'>;

/** Versions whose content citizens may see once published, even after they are replaced. */
export const PUBLIC_STATUSES: readonly MatterStatus[] = ['published', 'superseded', 'retired'];

/**
 * A version whose content can never change again under its number: published (or since replaced)
 * and in effect. A scheduled one may still go back to review and be edited; a draft changes with
 * every save. What is built from a frozen version (its modules) may be cached for good.
 */
export function isFrozenVersion(version: Pick<MatterVersion, 'status' | 'effectiveFrom'>, today: string): boolean {
  return PUBLIC_STATUSES.includes(version.status) && version.effectiveFrom !== null && version.effectiveFrom <= today;
}
