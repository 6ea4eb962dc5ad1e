import type { MaterialRequirement } from '@matterflow/schemas';
import type { FileView } from '../files';
import type { Answers, Applicant } from './Draft';
import type { Fees } from './plugins/PluginFindings';

export type ApplicationStatus = 'submitted';

/** One material as received: the files the applicant gave for it, or none (容缺, 免提交, paper). */
export interface ReceivedMaterial {
  materialId: string;
  name: string;
  requirement: MaterialRequirement;
  isUpload: boolean;
  copies: number | null;
  fileIds: string[];
}

export interface ApplicationRecord {
  id: number;
  number: string;
  draftId: string;
  matterCode: string;
  version: number;
  matterName: string;
  departmentCode: string;
  applicant: Applicant;
  filedByUserId: number;
  isOnBehalf: boolean;
  answers: Answers;
  formData: Record<string, unknown>;
  materials: ReceivedMaterial[];
  status: ApplicationStatus;
  idempotencyKey: string;
  submittedAt: string;
  receivedOn: string;
  /** What the pinned plugins priced at submit; null when none did. */
  fees: Fees | null;
  /** Plugin id → the exact version that served the submit: the case calls these later. */
  pluginVersions: Record<string, string>;
}

/** One entry of the case timeline; the case engine adds further types (受理, 补正, steps, 决定 …). */
export interface ApplicationEvent {
  at: string;
  type: string;
  title: string;
  actor: string | null;
  detail: string | null;
}

export interface ApplicationView {
  number: string;
  matterCode: string;
  matterName: string;
  version: number;
  departmentCode: string;
  departmentName: string;
  status: ApplicationStatus;
  statusLabel: string;
  submittedAt: string;
  receivedOn: string;
  applicant: { name: string; idNumberMasked: string; phone: string };
  filedBy: { displayName: string; departmentName: string | null } | null;
  materials: (Omit<ReceivedMaterial, 'fileIds'> & { files: FileView[] })[];
  answers: Answers;
  formData: Record<string, unknown>;
  /** 承诺办结时限 in words, as the guide states it. */
  promisedLimit: string | null;
  /** The fees the 材料接收凭证 prints, as priced at submit. */
  fees: Fees | null;
  events: ApplicationEvent[];
}

export interface ApplicationSummary {
  number: string;
  matterCode: string;
  matterName: string;
  status: ApplicationStatus;
  statusLabel: string;
  submittedAt: string;
  isOnBehalf: boolean;
  applicantName: string;
}

export const STATUS_LABELS: Record<ApplicationStatus, string> = { submitted: '已提交，待受理' };
