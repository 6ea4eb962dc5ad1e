import { listDepartments } from '../../departments';
import { readerOf, requireRole, type Call, type Db, type Queryable } from '../../kernel';
import { findGrants, listStoredPlugins, listVersionHeaders, type StoredPlugin } from '../store/pluginStore';
import { readUsageTotals } from '../store/usageStore';
import { loadManagedPlugin, loadManagedVersion, PLUGIN_MANAGERS } from './pluginAccess';
import { pluginViewOf, versionDetailOf, type PluginView, type VersionDetail } from './pluginViews';

export interface PluginSummary {
  id: string;
  departmentCode: string;
  departmentName: string | null;
  description: string;
  enabledVersion: string | null;
  latestVersion: string | null;
  versionCount: number;
  /** Over all versions, as flushed by the platform processes. */
  calls: number;
  failures: number;
}

async function departmentNames(q: Queryable): Promise<Map<string, string>> {
  return new Map((await listDepartments(q)).map((department) => [department.code, department.name]));
}

/** GET /api/plugins: a department administrator sees its department's, the system administrator all. */
export async function listPlugins(deps: { db: Db }, call: Call): Promise<{ items: PluginSummary[] }> {
  requireRole(call.actor, PLUGIN_MANAGERS);
  const q = readerOf(deps.db, call);
  const departmentCode = call.actor.role === 'sysadmin' ? undefined : (call.actor.departmentCode ?? '');
  const plugins = await listStoredPlugins(q, { departmentCode });
  const ids = plugins.map((plugin) => plugin.id);
  const [versions, usage, names] = await Promise.all([listVersionHeaders(q, ids), readUsageTotals(q, ids), departmentNames(q)]);
  return {
    items: plugins.map((plugin) => {
      const own = versions.filter((version) => version.pluginId === plugin.id);
      return {
        id: plugin.id,
        departmentCode: plugin.departmentCode,
        departmentName: names.get(plugin.departmentCode) ?? null,
        description: plugin.description,
        enabledVersion: own.find((version) => version.state === 'enabled')?.version ?? null,
        latestVersion: own[0]?.version ?? null,
        versionCount: own.length,
        calls: usage.get(plugin.id)?.calls ?? 0,
        failures: usage.get(plugin.id)?.failures ?? 0,
      };
    }),
  };
}

/** The plugin with its versions and grants, read through `q` (a transition answers from its own transaction). */
export async function pluginViewIn(q: Queryable, plugin: StoredPlugin): Promise<PluginView> {
  const [versions, grants, names] = await Promise.all([
    listVersionHeaders(q, [plugin.id]),
    findGrants(q, plugin.id),
    departmentNames(q),
  ]);
  return pluginViewOf(plugin, { versions, grants, departmentName: names.get(plugin.departmentCode) ?? null });
}

export async function getPlugin(deps: { db: Db }, call: Call, { id }: { id: string }): Promise<PluginView> {
  const q = readerOf(deps.db, call);
  return pluginViewIn(q, await loadManagedPlugin(q, call, id));
}

/** One version with its manifest, source files and the check's whole result. */
export async function getPluginVersion(
  deps: { db: Db },
  call: Call,
  input: { id: string; version: string },
): Promise<VersionDetail> {
  const { stored } = await loadManagedVersion(readerOf(deps.db, call), call, input);
  return versionDetailOf(input.id, stored);
}
