import type { PluginVersionSummary } from './pluginTypes';

/** A move on one plugin version, with the confirm that says what changes before it is made. */
export interface VersionMove {
  to: 'enabled' | 'disabled';
  label: '启用' | '停用' | '回滚到此版本';
  title: string;
  content: string;
}

const parts = (version: string) => version.split(/[.+-]/, 3).map((part) => Number.parseInt(part, 10) || 0);
const majorOf = (version: string) => parts(version)[0] ?? 0;

/** Semantic versions in order (MAJOR.MINOR.PATCH; the manifest allows nothing else). */
export function compareVersions(a: string, b: string): number {
  const [x, y] = [parts(a), parts(b)];
  for (let n = 0; n < 3; n++) if ((x[n] ?? 0) !== (y[n] ?? 0)) return (x[n] ?? 0) - (y[n] ?? 0);
  return 0;
}

export const newestFirst = <T extends { version: string }>(versions: readonly T[]): T[] =>
  [...versions].sort((a, b) => compareVersions(b.version, a.version));

const KEPT = '已在处理的调用按开始时的版本完成；已提交的申请和办件沿用提交时的版本。';

/**
 * What the clerk may do to a version: a plugin has at most one enabled version, so enabling one
 * stops the other, and enabling an earlier one is the rollback. A draft failed its check and
 * cannot be enabled. Matters pin a major version: leaving a major says who loses the plugin.
 */
export function movesFor(
  pluginId: string,
  version: PluginVersionSummary,
  versions: readonly PluginVersionSummary[],
): VersionMove[] {
  const v = version.version;
  if (version.state === 'enabled')
    return [
      {
        to: 'disabled',
        label: '停用',
        title: `停用 ${pluginId} ${v}？`,
        content:
          `停用后 ${v} 停止服务，插件 ${pluginId} 没有启用的版本：引用它的事项在调用时按事项的设置处理` +
          `（阻止提交并提示申请人，或照常提交由窗口人工核验）。${KEPT}`,
      },
    ];
  if (version.state === 'draft') return [];
  const serving = versions.find((other) => other.state === 'enabled');
  if (!serving)
    return [{ to: 'enabled', label: '启用', title: `启用 ${pluginId} ${v}？`, content: `启用后由 ${v} 处理新的调用。${KEPT}` }];
  const isRollback = compareVersions(v, serving.version) < 0;
  const majorChange =
    majorOf(v) === majorOf(serving.version)
      ? ''
      : `注意：主版本由 ${majorOf(serving.version)} 变为 ${majorOf(v)}，引用主版本 ${majorOf(serving.version)} 的事项将没有可用版本，` +
        `引用主版本 ${majorOf(v)} 的事项改由 ${v} 处理。`;
  return [
    {
      to: 'enabled',
      label: isRollback ? '回滚到此版本' : '启用',
      title: `${isRollback ? '回滚' : '启用'} ${pluginId} 到 ${v}？`,
      content: `${serving.version} 将停止服务，新的调用改由 ${v} 处理。${majorChange}${KEPT}`,
    },
  ];
}
