import type { HookInput } from '@matterflow/schemas';
import type { Call, HookOutcome, HookTarget, PluginHooks } from '../../kernel';
import type { Applicant } from '../Draft';
import type { DraftPlugins } from './PluginFindings';
import { hookMatter } from './hookTargetOf';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Values of `from` where `into` has none yet, object by object: the first plugin to answer a field keeps it. */
function fillIn(into: Record<string, unknown>, from: Record<string, unknown>): Record<string, unknown> {
  const out = { ...into };
  for (const [key, value] of Object.entries(from)) {
    const held = out[key];
    if (held === undefined) out[key] = value;
    else if (isObject(held) && isObject(value)) out[key] = fillIn(held, value);
  }
  return out;
}

/**
 * The form a new draft starts with: what the pinned `prefill` plugins found for the applicant (e.g.
 * in the 电子证照库), and where each value came from. A failed call only leaves the form empty: the
 * applicant fills it in themself, and the failure is in the plugin's health.
 */
export async function prefillDraft(
  plugins: PluginHooks,
  call: Call,
  target: HookTarget,
  applicant: Applicant,
): Promise<{ formData: Record<string, unknown>; plugins: DraftPlugins } | undefined> {
  const input: HookInput<'prefill'> = {
    matter: hookMatter(target),
    applicant: { kind: 'person', name: applicant.name, idNumber: applicant.idNumber },
  };
  const outcomes: HookOutcome<'prefill'>[] = await plugins.run<'prefill'>(call, target, 'prefill', input);
  let formData: Record<string, unknown> = {};
  const sources: DraftPlugins['sources'] = [];
  for (const outcome of outcomes) {
    if (!outcome.ok) continue;
    formData = fillIn(formData, outcome.output.formData);
    sources.push(...(outcome.output.sources ?? []));
  }
  if (Object.keys(formData).length === 0) return undefined;
  return { formData, plugins: { fees: null, materials: [], issues: [], sources } };
}
