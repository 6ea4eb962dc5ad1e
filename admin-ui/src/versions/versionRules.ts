import { ApiError, CHANGE_SECTIONS, type ChangeLine, type ChangeSection } from '@matterflow/schemas';
import type { Refusal, VersionSummary } from './versionTypes';

/** A published version whose effective date has not come: it can still be unscheduled or moved. */
export const isScheduled = (version: VersionSummary, today: string): boolean =>
  version.status === 'published' && version.effectiveFrom !== null && version.effectiveFrom > today;

/** A published version with a cancel date still ahead: served until that day, then retired. */
export const isRetiring = (version: VersionSummary, today: string): boolean =>
  version.status === 'published' && version.cancelAt !== null && version.cancelAt > today;

/** The version applicants are served today, if any (the platform marks older ones superseded). */
export function versionInForce(versions: readonly VersionSummary[], today: string): VersionSummary | undefined {
  return versions
    .filter((v) => v.status === 'published' && v.effectiveFrom !== null && v.effectiveFrom <= today)
    .filter((v) => v.cancelAt === null || v.cancelAt > today)
    .sort((a, b) => b.version - a.version)[0];
}

/** The draft or review that is open, if any: at most one per code (docs/lifecycle.md). */
export const openVersion = (versions: readonly VersionSummary[]): VersionSummary | undefined =>
  versions.find((v) => v.status === 'draft' || v.status === 'in_review');

/**
 * The two versions a clerk most likely wants compared: the newest against the one in force, or,
 * when the newest is the one in force, against the one before it. Undefined with a single version.
 */
export function defaultComparison(versions: readonly VersionSummary[], today: string): { from: number; to: number } | undefined {
  const newest = [...versions].sort((a, b) => b.version - a.version);
  const [latest, previous] = newest;
  if (!latest || !previous) return undefined;
  const current = versionInForce(versions, today);
  const from = current && current.version !== latest.version ? current.version : previous.version;
  return { from, to: latest.version };
}

/** The words of a diff under the editor's sections, in the editor's order; empty sections left out. */
export function linesBySection(summary: readonly ChangeLine[]): { section: ChangeSection; lines: ChangeLine[] }[] {
  return CHANGE_SECTIONS.map((section) => ({ section, lines: summary.filter((line) => line.section === section) })).filter(
    (group) => group.lines.length > 0,
  );
}

interface BlockedFinding {
  rule?: unknown;
  pointer?: unknown;
  message?: unknown;
}

/**
 * The reasons a submit or publish was refused: the publish checks come as field issues
 * (PUBLISH_BLOCKED, VALIDATION_FAILED), error-level quality findings as `details.findings`
 * (QUALITY_BLOCKED). Empty for any other error, which is shown as its message alone.
 */
export function refusalsOf(error: unknown): Refusal[] {
  if (!(error instanceof ApiError)) return [];
  if (error.issues.length > 0) return error.issues;
  const findings = (error.details as { findings?: BlockedFinding[] } | undefined)?.findings;
  if (!Array.isArray(findings)) return [];
  return findings
    .filter((finding) => typeof finding.pointer === 'string' && typeof finding.rule === 'string')
    .map((finding) => ({
      pointer: finding.pointer as string,
      code: finding.rule as string,
      message: typeof finding.message === 'string' ? finding.message : String(finding.rule),
    }));
}

/** The quality findings a refusal names, which legal may go ahead over with a reason each. */
export const isQualityRefusal = (error: unknown): boolean => error instanceof ApiError && error.code === 'QUALITY_BLOCKED';

/** The editor, opened at the field a refusal or finding is about (the editor honours `pointer`). */
export const editorLink = (code: string, version: number, pointer?: string): string =>
  `/matters/${code}/versions/${version}/edit${pointer ? `?pointer=${encodeURIComponent(pointer)}` : ''}`;

export type VersionAction = 'edit' | 'submit' | 'withdraw' | 'review' | 'unschedule' | 'reschedule';

/**
 * What a role may do with one version, as the platform allows it (docs/lifecycle.md): the buttons
 * a clerk would only see refused are not offered.
 */
export function actionsFor(role: string, version: VersionSummary, today: string): VersionAction[] {
  const isKeeper = role === 'dept_admin' || role === 'legal';
  if (!isKeeper) return [];
  if (version.status === 'draft') return ['edit', 'submit'];
  if (version.status === 'in_review') return role === 'legal' ? ['review', 'withdraw'] : ['withdraw'];
  if (role === 'legal' && isScheduled(version, today)) return ['unschedule', 'reschedule'];
  return [];
}

/** A new version starts from the newest published one, and never while one is open or scheduled. */
export function canStartVersion(role: string, versions: readonly VersionSummary[], today: string): boolean {
  if (role !== 'dept_admin' && role !== 'legal') return false;
  if (openVersion(versions) || versions.some((v) => isScheduled(v, today))) return false;
  return versions.some((v) => v.status === 'published' || v.status === 'superseded');
}

/** The key a reason is kept under: a finding is one rule at one pointer. */
export const riskKey = (finding: Pick<Refusal, 'code' | 'pointer'>): string => `${finding.code} ${finding.pointer}`;

/** The `acceptedRisks` of a publish or submit: one entry per finding that has a reason typed. */
export function acceptedRisksOf(
  findings: readonly Refusal[],
  reasons: Readonly<Record<string, string>>,
): { rule: string; pointer: string; reason: string }[] {
  return findings
    .map((finding) => ({ rule: finding.code, pointer: finding.pointer, reason: (reasons[riskKey(finding)] ?? '').trim() }))
    .filter((risk) => risk.reason !== '');
}
