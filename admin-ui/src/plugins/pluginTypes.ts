import type { CheckResult, HookName, PluginFailureKind } from '@matterflow/schemas';

export type { CheckDiagnostic, CheckResult, CheckStage, ExampleResult } from '@matterflow/schemas';

/** A plugin version's life cycle (docs/plugin-host.md): only a checked or disabled version can be enabled. */
export type PluginVersionState = 'draft' | 'checked' | 'enabled' | 'disabled';

/** Calls and failures of a plugin (all its versions) or of one version. */
export interface CallCounts {
  calls: number;
  failures: number;
}

/** One row of GET /api/plugins (docs/plugin-host.md); calls and failures of all its versions. */
export interface PluginSummary extends CallCounts {
  id: string;
  departmentCode: string;
  departmentName: string;
  description: string;
  enabledVersion: string | null;
  latestVersion: string;
  versionCount: number;
}

/** A version as GET /api/plugins/{id} lists it, newest upload first. */
export interface PluginVersionSummary {
  version: string;
  major: number;
  state: PluginVersionState;
  hooks: string[];
  matters: string[];
  /** The manifest's capabilities: what it asks for, not what it was granted. */
  requested: RequestedCapabilities;
  check: Pick<CheckResult, 'ok' | 'stage'> | null;
  uploadedAt: string;
  uploadedBy: string;
  enabledAt: string | null;
  enabledBy: string | null;
  disabledAt: string | null;
  disabledBy: string | null;
}

export interface PluginGrants {
  httpOrigins: string[];
  lookupTables: string[];
  grantedBy: string | null;
  grantedAt: string | null;
}

/** GET /api/plugins/{id}. */
export interface PluginDetail {
  id: string;
  departmentCode: string;
  departmentName: string;
  description: string;
  createdAt: string;
  createdBy: string;
  enabledVersion: string | null;
  versions: PluginVersionSummary[];
  grants: PluginGrants;
}

/** The capabilities a manifest asks for (what it gets is the grants). */
export interface RequestedCapabilities {
  calendar: boolean;
  lookup: string[];
  http: string[];
}

/** GET /api/plugins/{id}/versions/{version}, and the answer to an upload (201). */
export interface PluginVersionDetail extends Omit<PluginVersionSummary, 'check'> {
  manifest: Record<string, unknown>;
  files: Record<string, string>;
  check: CheckResult | null;
}

export interface PluginFailureRecord {
  at: string;
  hook: HookName | string;
  kind: PluginFailureKind | string;
  message: string;
  caseNumber?: string | null;
}

interface Latency {
  p50Ms: number | null;
  p95Ms: number | null;
}

/** GET /api/plugins/{id}/versions/{version}/health; p50/p95 are the upper bounds of histogram buckets. */
export interface VersionHealth extends CallCounts, Latency {
  id: string;
  version: string;
  hooks: (CallCounts & Latency & { hook: string; totalMs: number })[];
  /** Newest first, at most 100. */
  lastErrors: PluginFailureRecord[];
}
