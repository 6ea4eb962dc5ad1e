import type { CaseView, ClockLevel, MatterDocument } from '@matterflow/schemas';

// The case read's shapes are the platform's own, from the shared package.
export type { CaseDecision, CasePause, CaseView, ClockLevel, SupplementItem } from '@matterflow/schemas';

/** `GET /api/cases?queue=acceptance`. */
export interface AcceptanceQueueItem {
  number: string;
  matterName: string;
  applicantName: string;
  receivedOn: string;
  isGreenChannel: boolean;
  supplementCount: number;
  /** The last day to answer, and the working days to it (negative once passed), graded as the case clock. */
  acceptanceDue: string;
  provisional: boolean;
  workdaysLeft: number;
  level: ClockLevel;
}

/** `GET /api/cases/{number}/warnings`: one warning rung of the case (each fires once). */
export interface CaseWarning {
  rung: string;
  taskId: string | null;
  departmentCode: string;
  at: string;
  details: Record<string, unknown>;
}

export interface FileView {
  id: string;
  name: string;
  size: number;
  mediaType: string;
  scan: string;
}

/** `GET /api/applications/{number}`: the 材料接收凭证's content. */
export interface ApplicationView {
  number: string;
  matterCode: string;
  matterName: string;
  version: number;
  departmentName: string;
  submittedAt: string;
  receivedOn: string;
  applicant: { name: string; idNumberMasked: string; phone: string };
  filedBy: { displayName: string; departmentName: string | null } | null;
  materials: { materialId: string; name: string; isUpload: boolean; copies: number | null; files: FileView[] }[];
  /** 办理情形 answers: question id → option id. */
  answers: Record<string, string>;
  formData: Record<string, unknown>;
  promisedLimit: string | null;
}

/** `GET /api/cases/{number}/events`: the timeline with what each step recorded. */
export interface CaseEvent {
  at: string;
  type: string;
  title: string;
  actorName: string | null;
  details: Record<string, unknown>;
}

/** Everything a case page and its notices are made from. */
export interface CaseFile {
  case: CaseView;
  application: ApplicationView;
  document: MatterDocument;
  events: CaseEvent[];
  /** The case's warnings (staff only), oldest first. */
  warnings: CaseWarning[];
  today: string;
}
