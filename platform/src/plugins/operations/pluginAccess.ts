import { assertDepartmentScope, fail, requireRole, type Call, type Queryable, type UserActor } from '../../kernel';
import { findPlugin, findVersion, type StoredPlugin, type StoredVersion } from '../store/pluginStore';

/** Department administrators keep their own department's plugins; the system administrator all of them. */
export const PLUGIN_MANAGERS = ['dept_admin', 'sysadmin'] as const;
/** Network capabilities and reference data reach past a department: only the system administrator grants them. */
export const PLUGIN_GRANTORS = ['sysadmin'] as const;

/** The actor's name as the version rows and audit record it. */
export const byOf = (actor: UserActor): string => actor.username;

/** The plugin, if the caller may manage it: role first, then existence, then department. */
export async function loadManagedPlugin(
  q: Queryable,
  call: Call,
  id: string,
  { isForUpdate = false }: { isForUpdate?: boolean } = {},
): Promise<StoredPlugin> {
  requireRole(call.actor, PLUGIN_MANAGERS);
  const plugin = await findPlugin(q, id, { isForUpdate });
  if (!plugin) throw fail('PLUGIN_NOT_FOUND', { id });
  assertDepartmentScope(call.actor, plugin.departmentCode);
  return plugin;
}

export async function loadManagedVersion(
  q: Queryable,
  call: Call,
  { id, version }: { id: string; version: string },
  { isForUpdate = false }: { isForUpdate?: boolean } = {},
): Promise<{ plugin: StoredPlugin; stored: StoredVersion }> {
  const plugin = await loadManagedPlugin(q, call, id, { isForUpdate });
  const stored = await findVersion(q, id, version, { isForUpdate });
  if (!stored) throw fail('PLUGIN_VERSION_NOT_FOUND', { id, version });
  return { plugin, stored };
}
