import { recordAudit } from '../../audit';
import { fail, inTransaction, type Call, type Clock, type Db } from '../../kernel';
import { findEnabledVersion, setVersionState } from '../store/pluginStore';
import { byOf, loadManagedVersion } from './pluginAccess';
import { pluginViewIn } from './readPlugins';
import type { PluginView } from './pluginViews';

/**
 * POST …/versions/{version}/transitions: enable a checked or disabled version (the plugin's
 * enabled one, if any, is disabled in the same transaction — a rollback is enabling an earlier
 * version) or disable the enabled one. Hosts read the enabled version per call, so this is the
 * whole switch: there is nothing to notify.
 */
export async function transitionPluginVersion(
  deps: { db: Db; clock: Clock },
  call: Call,
  { id, version, to }: { id: string; version: string; to: 'enabled' | 'disabled' },
): Promise<PluginView> {
  return inTransaction(deps.db, call, async (tx) => {
    // The plugin row's lock orders two transitions of one plugin: the second sees the first's result.
    const { plugin, stored } = await loadManagedVersion(tx, call, { id, version }, { isForUpdate: true });
    const at = deps.clock.now().toISOString();
    const by = call.actor.kind === 'user' ? byOf(call.actor) : 'system';
    if (to === 'enabled') {
      if (stored.state === 'draft') throw fail('PLUGIN_NOT_CHECKED', { id, version, stage: stored.check.stage });
      if (stored.state === 'enabled') throw fail('PLUGIN_TRANSITION_INVALID', { state: stored.state });
      const previous = await findEnabledVersion(tx, id);
      if (previous) await setVersionState(tx, { pluginId: id, version: previous, state: 'disabled', at, by });
      await setVersionState(tx, { pluginId: id, version, state: 'enabled', at, by });
      await recordAudit(
        deps,
        { ...call, tx },
        {
          action: 'plugin.enable',
          targetType: 'plugin',
          targetId: `${id}@${version}`,
          details: { replaced: previous ?? null },
        },
      );
    } else {
      if (stored.state !== 'enabled') throw fail('PLUGIN_TRANSITION_INVALID', { state: stored.state });
      await setVersionState(tx, { pluginId: id, version, state: 'disabled', at, by });
      await recordAudit(deps, { ...call, tx }, { action: 'plugin.disable', targetType: 'plugin', targetId: `${id}@${version}` });
    }
    return pluginViewIn(tx, plugin);
  });
}
