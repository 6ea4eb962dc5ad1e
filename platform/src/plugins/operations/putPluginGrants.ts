import { recordAudit } from '../../audit';
import { fail, inTransaction, requireRole, type Call, type Clock, type Db, type FieldIssue } from '../../kernel';
import { existingTableNames, findGrants, findPlugin, upsertGrants, type StoredGrants } from '../store/pluginStore';
import { byOf, PLUGIN_GRANTORS } from './pluginAccess';

/** An origin as the sandbox compares it: scheme, host and a non-default port, nothing else. */
function originIssue(origin: string, pointer: string): FieldIssue | undefined {
  let url: URL | undefined;
  try {
    url = new URL(origin);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:'))
    return { pointer, code: 'plugin.origin_invalid', message: `“${origin}”不是 http(s)://主机[:端口] 形式的来源` };
  if (url.origin !== origin)
    return {
      pointer,
      code: 'plugin.origin_not_canonical',
      message: `来源应写作“${url.origin}”（不带路径、小写主机名、省略默认端口）`,
    };
  return undefined;
}

/**
 * PUT /api/plugins/{id}/grants (sysadmin): the whole set of origins and lookup tables the plugin's
 * calls may use, for all its versions, from their next call. What the manifest asked for is the
 * request, this is the answer; log and calendar need no grant.
 */
export async function putPluginGrants(
  deps: { db: Db; clock: Clock },
  call: Call,
  { id, httpOrigins, lookupTables }: { id: string; httpOrigins: readonly string[]; lookupTables: readonly string[] },
): Promise<StoredGrants> {
  requireRole(call.actor, PLUGIN_GRANTORS);
  const by = byOf(call.actor);
  return inTransaction(deps.db, call, async (tx) => {
    if (!(await findPlugin(tx, id, { isForUpdate: true }))) throw fail('PLUGIN_NOT_FOUND', { id });
    const issues = httpOrigins.flatMap((origin, index) => originIssue(origin, `/httpOrigins/${index}`) ?? []);
    const existing = await existingTableNames(tx, lookupTables);
    lookupTables.forEach((name, index) => {
      if (!existing.has(name))
        issues.push({
          pointer: `/lookupTables/${index}`,
          code: 'plugin.table_unknown',
          message: `没有名为 ${name} 的参照表，请先建表`,
        });
    });
    if (issues.length > 0) throw fail('PLUGIN_GRANT_INVALID', issues);
    const previous = await findGrants(tx, id);
    const grants = {
      httpOrigins: [...new Set(httpOrigins)],
      lookupTables: [...new Set(lookupTables)],
      grantedAt: deps.clock.now().toISOString(),
      grantedBy: by,
    };
    await upsertGrants(tx, id, grants);
    await recordAudit(
      deps,
      { ...call, tx },
      {
        action: 'plugin.grant',
        targetType: 'plugin',
        targetId: id,
        details: { httpOrigins: grants.httpOrigins, lookupTables: grants.lookupTables, previous },
      },
    );
    return grants;
  });
}
