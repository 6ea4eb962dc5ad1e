import type { TONES } from '../components/StatusTag';
import type { CheckStage, PluginVersionState } from './pluginTypes';

export const STATE_WORDS: Record<PluginVersionState, string> = {
  draft: '草稿',
  checked: '已检查',
  enabled: '已启用',
  disabled: '已停用',
};

export const STATE_TONES: Record<PluginVersionState, keyof typeof TONES> = {
  draft: 'neutral',
  checked: 'info',
  enabled: 'success',
  disabled: 'warning',
};

export const HOOK_WORDS: Record<string, string> = {
  validate: '校验申请',
  computeFees: '计算费用',
  materials: '增加材料',
  prefill: '预填表单',
  route: '选择分支',
  onEvent: '办件事件',
};

/** Why a call failed, as staff read it in the health table. */
export const FAILURE_WORDS: Record<string, string> = {
  throw: '运行出错',
  timeout: '超时',
  memory: '内存超限',
  stack: '调用栈超限',
  output_invalid: '返回结果不合规',
  output_too_large: '返回结果过大',
  input_too_large: '输入过大',
  capability_denied: '未授权的能力',
  quota: '超出部门配额',
  not_enabled: '无启用版本',
  options_invalid: '事项选项不合规',
  load: '加载失败',
};

export const STAGE_WORDS: Record<CheckStage, string> = {
  manifest: '插件清单（plugin.json）',
  types: '类型检查',
  compile: '编译',
  examples: '运行示例',
};

export const hookWord = (hook: string) => (HOOK_WORDS[hook] ? `${HOOK_WORDS[hook]}（${hook}）` : hook);
export const failureWord = (kind: string) => FAILURE_WORDS[kind] ?? kind;

/** Failures per call, in words: 2.5%, or — before the first call. */
export function failureRate({ calls, failures }: { calls: number; failures: number }): string {
  if (calls === 0) return '—';
  const percent = (failures / calls) * 100;
  return `${percent === 0 || percent >= 10 ? percent.toFixed(0) : percent.toFixed(1)}%`;
}
