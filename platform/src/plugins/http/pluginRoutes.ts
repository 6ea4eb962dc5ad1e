import { defineRoute, type Clock, type Db, type Route } from '../../kernel';
import type { PluginBundle } from '../check/PluginCheckResult';
import { getPluginHealth } from '../operations/getPluginHealth';
import { putPluginGrants } from '../operations/putPluginGrants';
import { getPluginTable, putPluginTable } from '../operations/pluginTables';
import { getPlugin, getPluginVersion, listPlugins } from '../operations/readPlugins';
import { transitionPluginVersion } from '../operations/transitionPluginVersion';
import { uploadPlugin, type CheckBundle } from '../operations/uploadPlugin';
import {
  bundleBody,
  grantsBody,
  grantsView,
  healthView,
  idParams,
  pluginList,
  pluginView,
  tableBody,
  tableParams,
  tableView,
  transitionBody,
  versionDetail,
  versionParams,
} from './pluginSchemas';

const tags = ['插件 plugins'];
const MANAGERS = ['dept_admin', 'sysadmin'] as const;
const GRANTORS = ['sysadmin'] as const;

/**
 * The plugin API (docs/plugin-host.md): department administrators upload and switch their
 * department's plugins, the system administrator also grants capabilities and keeps the lookup
 * tables. `beforeHealth` lets this process write its counters first, so a health read includes them.
 */
export function pluginRoutes(
  deps: { db: Db; clock: Clock; checkBundle: CheckBundle },
  { beforeHealth = async () => undefined }: { beforeHealth?: () => Promise<void> } = {},
): Route[] {
  return [
    defineRoute({
      method: 'get',
      path: '/plugins',
      summary: '插件列表（部门管理员只见本部门的）',
      tags,
      access: MANAGERS,
      responses: { '200': { description: '插件', schema: pluginList } },
      errors: [401, 403],
      async handle({ call }) {
        return { body: await listPlugins(deps, call) };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/plugins',
      summary: '上传插件的一个新版本（打包的 plugin.json 与源文件）',
      description:
        '上传即运行上传检查（清单、类型检查、编译、示例）：通过为 checked，可启用；未通过为 draft，附检查结果，不能启用。插件包不可用（缺少可用的标识、版本、部门、事项，或文件超限）时返回 PLUGIN_BUNDLE_INVALID 并逐条给出 JSON Pointer；清单中的事项须为插件所属部门的事项。',
      tags,
      access: MANAGERS,
      body: { json: bundleBody },
      responses: { '201': { description: '保存的版本（含检查结果）', schema: versionDetail } },
      errors: [400, 401, 403, 409, 413, 415, 422],
      async handle({ call, body }) {
        return { status: 201, body: await uploadPlugin(deps, call, body as PluginBundle) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/plugins/{id}',
      summary: '插件：各版本、状态与授权',
      tags,
      access: MANAGERS,
      params: idParams,
      responses: { '200': { description: '插件', schema: pluginView } },
      errors: [400, 401, 403, 404],
      async handle({ call, params }) {
        return { body: await getPlugin(deps, call, { id: params.id }) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/plugins/{id}/versions/{version}',
      summary: '插件版本：清单、源文件与完整的检查结果',
      tags,
      access: MANAGERS,
      params: versionParams,
      responses: { '200': { description: '版本', schema: versionDetail } },
      errors: [400, 401, 403, 404],
      async handle({ call, params }) {
        return { body: await getPluginVersion(deps, call, params) };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/plugins/{id}/versions/{version}/transitions',
      summary: '启用或停用一个版本（回滚即启用较早的版本）',
      description:
        '启用已检查或已停用的版本，同时停用该插件原已启用的版本；各平台进程在下一次调用时即改用新版本，进行中的调用按原版本完成。draft 版本返回 PLUGIN_NOT_CHECKED。',
      tags,
      access: MANAGERS,
      params: versionParams,
      body: { json: transitionBody },
      responses: { '200': { description: '切换后的插件', schema: pluginView } },
      errors: [400, 401, 403, 404, 409, 415, 422],
      async handle({ call, params, body }) {
        return { body: await transitionPluginVersion(deps, call, { ...params, to: body.to }) };
      },
    }),
    defineRoute({
      method: 'put',
      path: '/plugins/{id}/grants',
      summary: '授予插件出站 HTTP 来源与只读参照表（系统管理员）',
      description:
        '整体替换：请求体即授权后的全部来源与参照表。日志与工作日历无需授权。来源须为 http(s)://主机[:端口]；参照表须已存在。',
      tags,
      access: GRANTORS,
      params: idParams,
      body: { json: grantsBody },
      responses: { '200': { description: '授权', schema: grantsView } },
      errors: [400, 401, 403, 404, 415, 422],
      async handle({ call, params, body }) {
        return { body: await putPluginGrants(deps, call, { id: params.id, ...body }) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/plugins/{id}/versions/{version}/health',
      summary: '插件版本的运行情况：调用次数、失败次数、延迟 p50/p95、最近的失败',
      tags,
      access: MANAGERS,
      params: versionParams,
      responses: { '200': { description: '运行情况', schema: healthView } },
      errors: [400, 401, 403, 404],
      async handle({ call, params }) {
        await beforeHealth();
        return { body: await getPluginHealth(deps, call, params) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/plugin-tables/{name}',
      summary: '插件只读参照表（系统管理员）',
      tags,
      access: GRANTORS,
      params: tableParams,
      responses: { '200': { description: '参照表', schema: tableView } },
      errors: [400, 401, 403, 404],
      async handle({ call, params }) {
        return { body: await getPluginTable(deps, call, params) };
      },
    }),
    defineRoute({
      method: 'put',
      path: '/plugin-tables/{name}',
      summary: '新建或替换插件只读参照表（系统管理员）',
      description: 'rows 为 键 → 行（JSON 对象），最多 10000 行、1 MiB。插件在下一次调用时即读到新内容。',
      tags,
      access: GRANTORS,
      params: tableParams,
      body: { json: tableBody },
      responses: { '200': { description: '参照表', schema: tableView } },
      errors: [400, 401, 403, 413, 415, 422],
      async handle({ call, params, body }) {
        return { body: await putPluginTable(deps, call, { name: params.name, rows: body.rows as Record<string, unknown> }) };
      },
    }),
  ];
}
