import { APPLICANT_FACING_HOOKS, type FieldIssue, type HookInput, type HookName } from '@matterflow/schemas';
import type { Call, HookOutcome, HookTarget, PluginHooks } from '../../kernel';
import type { ApplicationContent } from '../validation/validateApplication';
import type { DraftPlugins, Fees, PluginFindings } from './PluginFindings';
import { hookMatter } from './hookTargetOf';

type Failed = Extract<HookOutcome<HookName>, { ok: false }>;

/** A failed call blocks the applicant only for the hooks whose answer they depend on, and only when the pin says so. */
function settle(findings: PluginFindings, hook: HookName, outcome: Failed): void {
  const { pluginId, version, failure } = outcome;
  if (outcome.onFailure === 'block' && APPLICANT_FACING_HOOKS.includes(hook))
    findings.blocking.push({ pointer: '', code: 'plugin.failed', message: failure.message });
  else findings.failures.push({ pluginId, version, hook, kind: failure.kind, message: failure.message });
}

function note(findings: PluginFindings, outcome: HookOutcome<HookName>): void {
  if (outcome.version !== null) findings.versions[outcome.pluginId] ??= outcome.version;
}

/**
 * Asks the pinned plugins about an application as it stands: `validate` first, then `computeFees`
 * and `materials` on the versions validate was answered by, so one consultation never mixes two
 * versions of a plugin even while a new one is being enabled. Save shows the result; submit refuses
 * on its issues and stores its fees and versions.
 */
export async function consultPlugins(
  plugins: PluginHooks,
  call: Call,
  target: HookTarget,
  content: ApplicationContent,
): Promise<PluginFindings> {
  const findings: PluginFindings = { issues: [], blocking: [], failures: [], fees: null, materials: [], versions: {} };
  const base: HookInput<'computeFees'> = { matter: hookMatter(target), form: content.formData, answers: content.answers };
  const supplied = Object.entries(content.materials).flatMap(([id, files]) => (files.length > 0 ? [id] : []));
  const validating: HookInput<'validate'> = { ...base, materials: supplied };
  const validated: HookOutcome<'validate'>[] = await plugins.run<'validate'>(call, target, 'validate', validating);
  for (const outcome of validated) {
    note(findings, outcome);
    if (!outcome.ok) settle(findings, 'validate', outcome);
    else
      findings.issues.push(
        ...outcome.output.issues.map((issue): FieldIssue => ({
          pointer: issue.pointer,
          code: 'plugin.invalid',
          message: issue.message,
        })),
      );
  }
  const versions = { ...findings.versions };
  const pricing: Promise<HookOutcome<'computeFees'>[]> = plugins.run<'computeFees'>(call, target, 'computeFees', base, {
    versions,
  });
  const listing: Promise<HookOutcome<'materials'>[]> = plugins.run<'materials'>(call, target, 'materials', base, { versions });
  // Both run at once; awaited one by one (Promise.all over the two outcome types is too deep for the compiler).
  const priced = await pricing;
  const listed = await listing;
  const fees: Fees = { lines: [], totalFen: 0, notes: [] };
  for (const outcome of priced) {
    note(findings, outcome);
    if (!outcome.ok) {
      settle(findings, 'computeFees', outcome);
      continue;
    }
    fees.lines.push(...outcome.output.lines.map((line) => ({ ...line, pluginId: outcome.pluginId })));
    if (outcome.output.note) fees.notes.push(outcome.output.note);
  }
  fees.totalFen = fees.lines.reduce((sum, line) => sum + line.amountFen * line.quantity, 0);
  findings.fees = priced.some((outcome) => outcome.ok) ? fees : null;
  for (const outcome of listed) {
    note(findings, outcome);
    if (!outcome.ok) settle(findings, 'materials', outcome);
    else findings.materials.push(...outcome.output.require.map((item) => ({ ...item, pluginId: outcome.pluginId })));
  }
  return findings;
}

/** What a draft keeps of a consultation: its issues (blocking ones included), fees and materials. */
export function draftPluginsOf(findings: PluginFindings, sources: DraftPlugins['sources']): DraftPlugins {
  return {
    fees: findings.fees,
    materials: findings.materials,
    issues: [...findings.blocking, ...findings.issues],
    sources,
  };
}
