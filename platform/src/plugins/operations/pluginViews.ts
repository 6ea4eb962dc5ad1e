import type {
  StoredCheck,
  StoredGrants,
  StoredPlugin,
  StoredVersion,
  StoredVersionHeader,
  VersionState,
} from '../store/pluginStore';
import { manifestCapabilities, manifestHooks } from '../manifestParts';

export interface VersionView {
  version: string;
  major: number;
  state: VersionState;
  hooks: string[];
  matters: string[];
  requested: { calendar: boolean; lookup: string[]; http: string[] };
  check: { ok: boolean; stage: StoredCheck['stage'] };
  uploadedAt: string;
  uploadedBy: string;
  enabledAt: string | null;
  enabledBy: string | null;
  disabledAt: string | null;
  disabledBy: string | null;
}

export interface VersionDetail extends Omit<VersionView, 'check'> {
  id: string;
  manifest: Record<string, unknown>;
  files: Record<string, string>;
  check: StoredCheck;
}

export interface PluginView {
  id: string;
  departmentCode: string;
  departmentName: string | null;
  description: string;
  createdAt: string;
  createdBy: string;
  enabledVersion: string | null;
  grants: StoredGrants;
  versions: VersionView[];
}

export function versionViewOf(header: StoredVersionHeader): VersionView {
  const { manifest } = header;
  return {
    version: header.version,
    major: header.major,
    state: header.state,
    hooks: [...manifestHooks(manifest).keys()],
    matters: Array.isArray(manifest.matters) ? manifest.matters.filter((code): code is string => typeof code === 'string') : [],
    requested: manifestCapabilities(manifest),
    check: { ok: header.check.ok, stage: header.check.stage },
    uploadedAt: header.uploadedAt,
    uploadedBy: header.uploadedBy,
    enabledAt: header.enabledAt,
    enabledBy: header.enabledBy,
    disabledAt: header.disabledAt,
    disabledBy: header.disabledBy,
  };
}

export function versionDetailOf(pluginId: string, stored: StoredVersion): VersionDetail {
  return {
    id: pluginId,
    ...versionViewOf(stored),
    manifest: stored.manifest,
    files: stored.files,
    check: stored.check,
  };
}

export function pluginViewOf(
  plugin: StoredPlugin,
  { versions, grants, departmentName }: { versions: StoredVersionHeader[]; grants: StoredGrants; departmentName: string | null },
): PluginView {
  return {
    ...plugin,
    departmentName,
    enabledVersion: versions.find((version) => version.state === 'enabled')?.version ?? null,
    grants,
    versions: versions.map(versionViewOf),
  };
}
