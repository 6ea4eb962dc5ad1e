import { canSeeAllDepartments, readerOf, requireRole, type Call, type Clock, type Db } from '../../kernel';
import { listLatestDocuments } from '../operations/listLatestDocuments';
import type { MatterFilters } from '../operations/searchMatters';
import { listAcceptedRisks, riskKey } from './acceptedRiskStore';
import { listSlimCatalog } from './catalogFields';
import { checkCatalogQuality, qualitySeverity, type QualityReport } from './checkCatalogQuality';
import { loadQualityContext, type CatalogSettings } from './loadQualityContext';

/**
 * GET /api/catalog/quality: the cleaning report over each matter's newest version the caller may
 * see and asked for (a department administrator: its own department's). What runs across matters
 * (a 互为前置 cycle, 三级四同) is computed over the whole catalog, so a cycle through another
 * department's matter is shown to this department too. Findings legal accepted for that version
 * are marked with who, when and why; they stay in the report.
 */
export async function runQualityReport(
  deps: { db: Db; clock: Clock } & CatalogSettings,
  call: Call,
  { filters }: { filters: MatterFilters },
): Promise<QualityReport> {
  const { actor } = call;
  requireRole(actor, ['dept_admin', 'legal', 'supervisor', 'sysadmin']);
  // A department administrator cleans its own department's matters.
  const scoped = actor.role === 'dept_admin' ? { ...filters, department: actor.departmentCode ?? '' } : filters;
  const reader = readerOf(deps.db, call);
  const matters = await listLatestDocuments(deps, call, { filters: scoped });
  // The whole catalog is already there when a centre-wide role asks without filters.
  const isWholeCatalog = canSeeAllDepartments(actor) && Object.values(scoped).every((value) => value === undefined);
  const catalog = isWholeCatalog ? [] : await listSlimCatalog(reader, { today: deps.clock.today() });
  const report = checkCatalogQuality({ matters, ...(await loadQualityContext(deps, reader)) }, { catalog });
  await markAccepted(reader, report);
  return report;
}

/** Marks each error-level finding legal accepted for its version with the recorded decision. */
async function markAccepted(reader: Parameters<typeof listAcceptedRisks>[0], report: QualityReport): Promise<void> {
  const versions = new Map<string, { code: string; version: number }>();
  for (const finding of report.findings) {
    if (finding.version !== null && qualitySeverity(finding.rule) === 'error')
      versions.set(`${finding.code}#${finding.version}`, { code: finding.code, version: finding.version });
  }
  const accepted = new Map((await listAcceptedRisks(reader, [...versions.values()])).map((risk) => [riskKey(risk), risk]));
  for (const finding of report.findings) {
    const risk = accepted.get(riskKey(finding));
    if (risk) finding.accepted = { reason: risk.reason, by: risk.by, byName: risk.byName, at: risk.at, version: risk.version };
  }
}
