import { fail, type Actor, type FieldIssue, type Queryable } from '../../kernel';
import { listAcceptedRisks, saveAcceptedRisks } from './acceptedRiskStore';
import { listSlimCatalog } from './catalogFields';
import { matterQualityErrors } from './checkCatalogQuality';
import type { QualityContext, QualityMatter } from './QualityRule';

export interface OfferedRisk {
  rule: string;
  pointer: string;
  reason: string;
}

const keyOf = (finding: { rule: string; pointer: string }) => `${finding.rule}#${finding.pointer}`;

/**
 * Submit and publish: every error-level quality finding on this version (the rules comparing
 * matters over the rest of the catalog) must be accepted by legal, earlier (stored for this
 * version) or now (`offered`, recorded here, in the caller's transaction). Only legal may offer
 * reasons, one per finding, each matching a finding the version has; anything else is refused.
 */
export async function assertQualityAccepted(
  tx: Queryable,
  {
    context,
    matter,
    offered,
    actor,
    at,
  }: {
    context: QualityContext & { today: string };
    matter: QualityMatter & { version: number };
    offered: readonly OfferedRisk[];
    actor: Actor;
    at: Date;
  },
): Promise<void> {
  if (offered.length > 0 && (actor.kind !== 'user' || actor.role !== 'legal')) {
    throw fail('FORBIDDEN', { acceptedRisks: offered.length }, '只有法制审核人员可以接受质量风险');
  }
  const catalog = await listSlimCatalog(tx, { today: context.today });
  const errors = new Map(matterQualityErrors({ ...context, matter, catalog }).map((finding) => [keyOf(finding), finding]));
  const problems: FieldIssue[] = [];
  offered.forEach((risk, i) => {
    if (!errors.has(keyOf(risk)))
      problems.push({
        pointer: `/acceptedRisks/${i}`,
        code: 'risk.no_finding',
        message: `第 ${matter.version} 版没有规则 ${risk.rule}、位置 ${risk.pointer || '/'} 的错误级质量问题`,
      });
    else if (!risk.reason.trim())
      problems.push({ pointer: `/acceptedRisks/${i}/reason`, code: 'risk.reason_required', message: '须填写接受该风险的理由' });
  });
  if (problems.length > 0) throw fail('VALIDATION_FAILED', problems);

  const accepted = new Set([
    ...(await listAcceptedRisks(tx, [{ code: matter.code, version: matter.version }])).map(keyOf),
    ...offered.map(keyOf),
  ]);
  const open = [...errors.values()].filter((finding) => !accepted.has(keyOf(finding)));
  if (open.length > 0) {
    throw fail('QUALITY_BLOCKED', {
      findings: open.map(({ rule, pointer, message }) => ({ rule, pointer, message })),
      acceptedBy: 'legal',
    });
  }
  if (offered.length === 0 || actor.kind !== 'user') return;
  await saveAcceptedRisks(
    tx,
    offered.map((risk) => ({
      code: matter.code,
      version: matter.version,
      rule: risk.rule,
      pointer: risk.pointer,
      reason: risk.reason.trim(),
      message: errors.get(keyOf(risk))?.message ?? '',
      by: actor.username,
      byName: actor.displayName,
      at: at.toISOString(),
    })),
  );
}
