import type { PluginFailureKind } from '@matterflow/schemas';
import type { SandboxLimits, SandboxQuota } from './SandboxPool';

export interface CallWho {
  pluginId: string;
  version: string;
  hook: string;
}

function megabytes(bytes: number): string {
  return String(Math.round((bytes / (1024 * 1024)) * 10) / 10);
}

function kilobytes(bytes: number): string {
  return String(Math.round((bytes / 1024) * 10) / 10);
}

/**
 * The one Chinese sentence a failed call ends with, naming plugin, version and hook, e.g.
 * 插件 id-check 1.0.0 的 validate 超时（200 毫秒）. Staff see it on the case and in the plugin's
 * health; `detail` is the guest's own words or the number that was over, already cut short.
 */
export function failureMessage(
  kind: PluginFailureKind,
  who: CallWho,
  limits: SandboxLimits,
  quota: SandboxQuota,
  detail: string,
): string {
  const subject = `插件 ${who.pluginId} ${who.version} 的 ${who.hook}`;
  switch (kind) {
    case 'timeout':
      return `${subject} 超时（${limits.timeoutMs} 毫秒）`;
    case 'memory':
      return `${subject} 内存超限（${megabytes(limits.memoryBytes)} MB）`;
    case 'stack':
      return `${subject} 调用栈过深`;
    case 'throw':
      return `${subject} 抛出错误：${detail}`;
    case 'capability_denied':
      return `${subject} 未经授权访问 ${detail}`;
    case 'output_invalid':
      return `${subject} 的返回值不是 JSON（${detail}）`;
    case 'output_too_large':
      return `${subject} 的返回值超过 ${kilobytes(limits.outputBytes)} KB（${detail} 字节）`;
    case 'input_too_large':
      return detail === 'not-json'
        ? `${subject} 的输入不是 JSON`
        : `${subject} 的输入超过 ${kilobytes(limits.inputBytes)} KB（${detail}）`;
    case 'quota':
      return `${subject} 未运行：本部门插件调用超出每分钟配额（${quota.callsPerMinute} 次、CPU ${quota.cpuMsPerMinute} 毫秒）`;
    case 'not_enabled':
      return `${subject} 未启用`;
    case 'options_invalid':
      return `${subject} 的选项不符合要求：${detail}`;
    case 'load':
      return `${subject} 加载失败：${detail}`;
  }
}
