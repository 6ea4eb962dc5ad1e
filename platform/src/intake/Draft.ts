import type { FileView } from '../files';
import type { DraftPlugins } from './plugins/PluginFindings';

/** Who applies: the citizen themself, or the person a window clerk files for (代办). */
export interface Applicant {
  name: string;
  idNumber: string;
  phone: string;
  /** The applicant's citizen account, when they have one. */
  userId: number | null;
}

/** What changed when a draft moved from a superseded version to the one in force. */
export interface DraftUpgrade {
  fromVersion: number;
  toVersion: number;
  changes: string[];
  /** JSON pointers of answers, form values and files that no longer fit and were removed. */
  dropped: string[];
}

export type Answers = Record<string, string>;
export type MaterialFiles = Record<string, string[]>;

export interface DraftRecord {
  id: string;
  matterCode: string;
  version: number;
  ownerUserId: number;
  applicant: Applicant;
  isOnBehalf: boolean;
  answers: Answers;
  formData: Record<string, unknown>;
  materials: MaterialFiles;
  revision: number;
  upgrade: DraftUpgrade | null;
  /** What the pinned plugins said at the last save (null: none pinned, or not asked yet). */
  plugins: DraftPlugins | null;
  status: 'open' | 'submitted';
  createdAt: string;
  updatedAt: string;
}

/** A draft as its owner sees it: files resolved to their views, the id number masked. */
export interface DraftView {
  id: string;
  matterCode: string;
  matterName: string;
  version: number;
  revision: number;
  status: 'open' | 'submitted';
  applicant: { name: string; idNumberMasked: string; phone: string };
  isOnBehalf: boolean;
  answers: Answers;
  formData: Record<string, unknown>;
  materials: Record<string, FileView[]>;
  upgrade: DraftUpgrade | null;
  /** Fees, plugin-required materials, plugin issues and prefill sources; null when no plugin is pinned. */
  plugins: DraftPlugins | null;
  applicationNumber: string | null;
  createdAt: string;
  updatedAt: string;
}
