import type { MatterDocument } from '@matterflow/schemas';

/** The warning level the platform derives from the clock (docs/cases.md "Levels"). */
export type ClockLevel = 'normal' | 'yellow' | 'red' | 'overdue';

export type SupplementItem =
  { kind: 'material'; materialId: string; reason: string } | { kind: 'field'; pointer: string; reason: string };

/** A decision as helper A1's case read carries it (absent before their change lands). */
export interface CaseDecision {
  outcome: 'approved' | 'denied';
  resultName: string | null;
  resultNumber: string | null;
  reason: string | null;
  remedies: { reconsideration: string; litigation: string } | null;
  decidedOn: string;
  decidedBy: string;
}

/** `GET /api/cases/{number}`: the fields the workbench reads. */
export interface CaseView {
  number: string;
  status: string;
  statusLabel: string;
  departmentCode: string;
  receivedOn: string;
  acceptedOn: string | null;
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
  } | null;
  flowStatus: string | null;
  tasks: { id: string; name: string; role: string; department: string; assignee: string | null; budgetDays: number }[];
  decision?: CaseDecision | null;
}

/** `GET /api/cases?queue=acceptance`. */
export interface AcceptanceQueueItem {
  number: string;
  matterName: string;
  applicantName: string;
  receivedOn: string;
  isGreenChannel: boolean;
  supplementCount: number;
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
  today: string;
}
