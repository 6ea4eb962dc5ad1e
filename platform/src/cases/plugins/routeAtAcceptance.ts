import type { HookInput, MatterDocument } from '@matterflow/schemas';
import { hookMatter, hookTargetOf, type ApplicationRecord } from '../../intake';
import type { Call, HookOutcome, Queryable } from '../../kernel';
import type { CaseDeps } from '../caseDeps';

/** A timeline entry the route hook leaves: its choice and reason, or its failure (staff only). */
export interface PluginNote {
  type: 'plugin_routed' | 'plugin_failed';
  details: Record<string, unknown>;
}

export interface Routed {
  /** Per parallel node id, the branches to start; undefined: the branches' own conditions decide. */
  branchChoice: Record<string, string[]> | undefined;
  notes: PluginNote[];
}

const NOT_ROUTED: Routed = { branchChoice: undefined, notes: [] };

/**
 * 受理 asks the pinned `route` plugins which branches of the flow's parallel steps this case takes,
 * on the plugin versions its application was filed with. Only ids of the flow's own nodes and
 * branches are kept; the first plugin to choose for a node decides it. A failed call leaves the
 * choice to the branches' conditions, and is noted on the case for the staff.
 */
export async function routeAtAcceptance(
  deps: Pick<CaseDeps, 'plugins'>,
  call: Call & { tx: Queryable },
  { application, document }: { application: ApplicationRecord; document: MatterDocument },
): Promise<Routed> {
  const parallel = (document.flow?.nodes ?? []).flatMap((node) => (node.kind === 'parallel' ? [node] : []));
  const target =
    deps.plugins && parallel.length > 0
      ? hookTargetOf({
          code: application.matterCode,
          version: application.version,
          name: application.matterName,
          departmentCode: application.departmentCode,
          document,
        })
      : undefined;
  if (!deps.plugins || !target) return NOT_ROUTED;
  const input: HookInput<'route'> = {
    matter: hookMatter(target),
    form: application.formData,
    answers: application.answers,
    steps: parallel.map((node) => ({
      id: node.id,
      name: node.name,
      branches: node.branches.map((branch) => ({ id: branch.id, name: branch.name })),
    })),
  };
  const outcomes: HookOutcome<'route'>[] = await deps.plugins.run<'route'>(call, target, 'route', input, {
    versions: application.pluginVersions,
    caseNumber: application.number,
  });
  const branchChoice: Record<string, string[]> = {};
  const notes: PluginNote[] = [];
  for (const outcome of outcomes) {
    if (!outcome.ok) {
      const { pluginId, version, failure } = outcome;
      notes.push({ type: 'plugin_failed', details: { pluginId, version, hook: 'route', ...failure } });
      continue;
    }
    const chosen: Record<string, string[]> = {};
    for (const node of parallel) {
      const ids = outcome.output.branches[node.id];
      if (!ids || node.id in branchChoice) continue;
      chosen[node.id] = node.branches.filter((branch) => ids.includes(branch.id)).map((branch) => branch.id);
    }
    Object.assign(branchChoice, chosen);
    notes.push({
      type: 'plugin_routed',
      details: {
        pluginId: outcome.pluginId,
        version: outcome.version,
        branches: chosen,
        reason: outcome.output.reason ?? null,
      },
    });
  }
  return { branchChoice: Object.keys(branchChoice).length > 0 ? branchChoice : undefined, notes };
}
