import type { MatterDocument } from '@matterflow/schemas';
import { getJson } from './getJson';
import { sendJson } from './sendJson';

/**
 * The intake answers the apply, receipt and 我的办件 pages read (/tmp contract of issue 7, as the
 * platform's OpenAPI document describes them). Only the fields the portal uses are named.
 */
export interface FileView {
  id: string;
  name: string;
  size: number;
  mediaType: string;
  extension: string;
  sha256: string;
  scan: 'clean' | 'unscanned';
}

export interface DraftUpgrade {
  fromVersion: number;
  toVersion: number;
  /** What changed, in Chinese sentences. */
  changes: string[];
  /** JSON pointers of the answers that no longer fit and were removed. */
  dropped: string[];
}

/** One fee line a department plugin priced: per unit in 分, no floating-point money. */
export interface FeeLine {
  item: string;
  amountFen: number;
  quantity: number;
  basis: string;
}

export interface Fees {
  lines: FeeLine[];
  totalFen: number;
  notes: string[];
}

export interface FieldIssue {
  pointer: string;
  code: string;
  message: string;
}

/** What the matter's department plugins said at the last save (and, for prefill, at the start). */
export interface DraftPlugins {
  fees: Fees | null;
  /** Materials of the matter's list a plugin made required for this application, and why. */
  materials: { materialId: string; reason: string }[];
  /** The plugins' issues; one at pointer '' is a failed call that blocks the submit. */
  issues: FieldIssue[];
  /** Where prefilled form values came from (pointers into the form data). */
  sources: { pointer: string; source: string }[];
}

export interface Draft {
  id: string;
  matterCode: string;
  matterName?: string;
  version: number;
  revision: number;
  status?: 'open' | 'submitted';
  /** Set once the draft was submitted. */
  applicationNumber?: string | null;
  applicant?: { name: string; idNumberMasked: string; phone?: string };
  /** A window clerk files it for the applicant (代办). */
  isOnBehalf?: boolean;
  answers: Record<string, string>;
  formData: Record<string, unknown>;
  /** Material id → file ids (as saved) or the files themselves. */
  materials: Record<string, (string | FileView)[]>;
  /** The draft's files, when the platform lists them apart from `materials`. */
  files?: FileView[];
  updatedAt?: string;
  upgrade?: DraftUpgrade | null;
  plugins?: DraftPlugins | null;
}

export interface DraftSummary {
  id: string;
  matterCode: string;
  matterName: string;
  version: number;
  updatedAt: string;
  /** A window clerk's 代办 draft, filed for `applicantName`. */
  isOnBehalf: boolean;
  applicantName: string;
}

export interface ApplicationEvent {
  at: string;
  type: string;
  title: string;
  actor: string | null;
  detail?: string | null;
}

export interface Application {
  number: string;
  matterCode: string;
  matterName: string;
  version: number;
  departmentName?: string;
  status: string;
  statusLabel?: string;
  submittedAt: string;
  receivedOn: string;
  /** 承诺办结时限 in words, for this application's situations. */
  promisedLimit?: string | null;
  applicant: { name: string; idNumberMasked: string; phone?: string };
  filedBy?: { displayName: string; departmentName: string | null } | null;
  materials: { materialId: string; name: string; requirement: string; copies?: number | null; files: FileView[] }[];
  answers?: Record<string, string>;
  formData?: Record<string, unknown>;
  /** What the department plugins priced at submit. */
  fees?: Fees | null;
  events: ApplicationEvent[];
}

export interface ApplicationSummary {
  number: string;
  matterCode: string;
  matterName: string;
  status: string;
  statusLabel?: string;
  submittedAt: string;
  isOnBehalf?: boolean;
  applicantName?: string;
}

export interface MatterVersionView {
  code: string;
  version: number;
  name: string;
  status?: string;
  document: MatterDocument;
}

export interface DraftChange {
  revision: number;
  answers: Record<string, string>;
  formData: Record<string, unknown>;
  materials: Record<string, string[]>;
}

const enc = encodeURIComponent;

export const intakeApi = {
  matterVersion: (code: string, version: number) => getJson<MatterVersionView>(`/api/matters/${enc(code)}/versions/${version}`),
  formUrl: (code: string, version: number) => `/api/matters/${enc(code)}/versions/${version}/form.js`,
  drafts: () => getJson<{ items: DraftSummary[] }>('/api/drafts'),
  draft: (id: string) => getJson<Draft>(`/api/drafts/${enc(id)}`),
  createDraft: (body: {
    matterCode: string;
    answers?: Record<string, string>;
    onBehalfOf?: { name: string; idNumber: string; phone: string };
  }) => sendJson<Draft>('POST', '/api/drafts', body),
  saveDraft: (id: string, change: DraftChange) => sendJson<Draft>('PUT', `/api/drafts/${enc(id)}`, change),
  submit: (id: string, idempotencyKey: string) =>
    sendJson<Application>('POST', `/api/drafts/${enc(id)}/submit`, undefined, { headers: { 'Idempotency-Key': idempotencyKey } }),
  applications: () => getJson<{ items: ApplicationSummary[] }>('/api/applications'),
  application: (number: string) => getJson<Application>(`/api/applications/${enc(number)}`),
  fileUrl: (id: string) => `/api/files/${enc(id)}`,
};
