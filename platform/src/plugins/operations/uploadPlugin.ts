import { recordAudit } from '../../audit';
import { getMatterVersion, getMatterVersions } from '../../catalog';
import {
  assertDepartmentScope,
  fail,
  inTransaction,
  isDomainError,
  isUniqueViolation,
  readerOf,
  requireRole,
  type Call,
  type Clock,
  type Db,
  type FieldIssue,
} from '../../kernel';
import type { PluginBundle, PluginCheckResult } from '../check/PluginCheckResult';
import type { MatterForms } from '../check/renderFormTypes';
import { readBundleHead, type BundleHead } from '../readBundleHead';
import { findPlugin, findVersion, insertPlugin, insertVersion, updatePluginDescription } from '../store/pluginStore';
import { byOf, PLUGIN_MANAGERS } from './pluginAccess';
import { versionDetailOf, type VersionDetail } from './pluginViews';

/**
 * Runs the upload check against the target matters' current form schemas. The composition root
 * binds it to `checkPluginBundle` and the shared sandbox pool.
 */
export type CheckBundle = (bundle: PluginBundle, forms: MatterForms) => Promise<PluginCheckResult>;

/** The whole upload, JSON-encoded (whatever BODY_LIMIT the server has). */
export const MAX_BUNDLE_BYTES = 1024 * 1024;

/** An object schema that lets anything through: the form of a matter that has none. */
const ANY_FORM = { type: 'object' } as const;

/**
 * The latest form schema of each matter the manifest serves (what the check types the plugin
 * against), refusing a matter that does not exist or is another department's.
 */
async function formsOf(
  deps: { db: Db; clock: Clock },
  call: Call,
  head: BundleHead,
): Promise<Record<string, Record<string, unknown>>> {
  const forms: Record<string, Record<string, unknown>> = {};
  const missing: FieldIssue[] = [];
  const foreign: FieldIssue[] = [];
  for (const [index, code] of head.matters.entries()) {
    const pointer = `/manifest/matters/${index}`;
    let latest;
    try {
      latest = (await getMatterVersions(deps, call, { code })).at(-1);
    } catch (error) {
      if (!isDomainError(error) || error.code !== 'MATTER_NOT_FOUND') throw error;
    }
    if (!latest) {
      missing.push({ pointer, code: 'plugin.matter_unknown', message: `没有实施编码为 ${code} 的事项` });
      continue;
    }
    if (latest.departmentCode !== head.departmentCode) {
      foreign.push({ pointer, code: 'plugin.matter_foreign', message: `事项 ${code}（${latest.name}）不是插件所属部门的事项` });
      continue;
    }
    // The version list carries no documents: the latest one is read whole for its form.
    const { document } = await getMatterVersion(deps, call, { code, version: latest.version });
    forms[code] = (document.form?.schema as Record<string, unknown> | undefined) ?? ANY_FORM;
  }
  if (missing.length > 0) throw fail('PLUGIN_BUNDLE_INVALID', missing);
  if (foreign.length > 0) throw fail('PLUGIN_DEPARTMENT_FORBIDDEN', foreign);
  return forms;
}

/**
 * POST /api/plugins: stores a new version of a plugin with the result of its upload check —
 * `checked` when every stage passed, `draft` (never enabled) when not. The check runs outside any
 * transaction (it type-checks and runs examples for seconds); the insert then decides, by the
 * primary key, which of two uploads of one version wins.
 */
export async function uploadPlugin(
  deps: { db: Db; clock: Clock; checkBundle: CheckBundle },
  call: Call,
  bundle: PluginBundle,
): Promise<VersionDetail> {
  requireRole(call.actor, PLUGIN_MANAGERS);
  if (Buffer.byteLength(JSON.stringify(bundle), 'utf8') > MAX_BUNDLE_BYTES)
    throw fail('BODY_TOO_LARGE', { maxBytes: MAX_BUNDLE_BYTES });
  const head = readBundleHead(bundle);
  assertDepartmentScope(call.actor, head.departmentCode);
  const reader = readerOf(deps.db, call);
  const known = await findPlugin(reader, head.id);
  if (known && known.departmentCode !== head.departmentCode)
    throw fail('PLUGIN_DEPARTMENT_FORBIDDEN', [
      { pointer: '/manifest/id', code: 'plugin.id_foreign', message: `插件标识 ${head.id} 已属于另一个部门` },
    ]);
  if (await findVersion(reader, head.id, head.version))
    throw fail('PLUGIN_VERSION_EXISTS', { id: head.id, version: head.version });
  const forms = await formsOf(deps, call, head);
  const { compiled, ...check } = await deps.checkBundle(bundle, forms);
  const at = deps.clock.now().toISOString();
  const by = byOf(call.actor);
  const isChecked = check.ok && typeof compiled === 'string';
  const stored = {
    pluginId: head.id,
    version: head.version,
    major: head.major,
    manifest: bundle.manifest as Record<string, unknown>,
    files: bundle.files,
    compiled: isChecked ? compiled : null,
    state: isChecked ? ('checked' as const) : ('draft' as const),
    check: isChecked ? check : { ...check, ok: false },
    uploadedAt: at,
    uploadedBy: by,
  };
  try {
    await inTransaction(deps.db, call, async (tx) => {
      if (await findPlugin(tx, head.id, { isForUpdate: true })) await updatePluginDescription(tx, head.id, head.description);
      else
        await insertPlugin(tx, {
          id: head.id,
          departmentCode: head.departmentCode,
          description: head.description,
          createdAt: at,
          createdBy: by,
        });
      await insertVersion(tx, stored);
      await recordAudit(
        deps,
        { ...call, tx },
        {
          action: 'plugin.upload',
          targetType: 'plugin',
          targetId: `${head.id}@${head.version}`,
          details: { state: stored.state, stage: check.stage, matters: head.matters },
        },
      );
    });
  } catch (error) {
    // Two uploads of one version (or of a new plugin) at once: the key decided.
    if (isUniqueViolation(error)) throw fail('PLUGIN_VERSION_EXISTS', { id: head.id, version: head.version });
    throw error;
  }
  return versionDetailOf(head.id, { ...stored, enabledAt: null, enabledBy: null, disabledAt: null, disabledBy: null });
}
