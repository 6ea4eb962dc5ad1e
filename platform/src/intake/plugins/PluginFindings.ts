import type { FieldIssue, HookName, PluginFailureKind } from '@matterflow/schemas';

/** One fee line as a plugin priced it, with the plugin that did. Amounts in 分: no floating-point money. */
export interface FeeLine {
  item: string;
  amountFen: number;
  quantity: number;
  basis: string;
  pluginId: string;
}

/** What the applicant pays, as the draft, the application and the 材料接收凭证 show it. */
export interface Fees {
  lines: FeeLine[];
  totalFen: number;
  notes: string[];
}

/** A material of the matter's own list that a plugin made required for this application, and why. */
export interface PluginMaterial {
  materialId: string;
  reason: string;
  pluginId: string;
}

/** Where a prefilled form value came from (e.g. 电子证照库), shown beside the field. */
export interface PrefillSource {
  pointer: string;
  source: string;
}

/** A failed call the window checks by hand (recorded on the application as `plugin_failed`). */
export interface PluginFailureRecord {
  pluginId: string;
  version: string | null;
  hook: HookName;
  kind: PluginFailureKind;
  message: string;
}

/** What a draft's last save (and its opening, for prefill) learnt from the pinned plugins. */
export interface DraftPlugins {
  fees: Fees | null;
  materials: PluginMaterial[];
  /** validate's issues, and a blocking failure at pointer '' (`plugin.failed`). */
  issues: FieldIssue[];
  sources: PrefillSource[];
}

/** What save and submit learn from the plugins in one consultation. */
export interface PluginFindings {
  /** validate's issues (`plugin.invalid`, the plugin's pointer and words). */
  issues: FieldIssue[];
  /** Failed calls the matter blocks on: one issue each at pointer '' (`plugin.failed`). */
  blocking: FieldIssue[];
  /** Failed calls the window decides about. */
  failures: PluginFailureRecord[];
  fees: Fees | null;
  materials: PluginMaterial[];
  /** Plugin id → the exact version that answered (the case calls these later). */
  versions: Record<string, string>;
}
