import type { FieldIssue, HookInput, HookName, HookOutput, PluginFailureKind, PluginPin } from '@matterflow/schemas';
import type { Call } from './Call';

/**
 * The extension point through which intake and cases reach department plugins. The plugin host
 * implements it and the composition root hands it to the modules, so no module imports the host
 * and a module given none runs as if no plugin existed.
 */
export interface HookTarget {
  matterCode: string;
  version: number;
  matterName: string;
  departmentCode: string;
  /** The matter version's `plugins`. */
  pins: readonly PluginPin[];
}

/** One failed call: names the plugin, its version and the hook; `message` is Chinese, for staff and (when blocking) the applicant. */
export interface PluginFailure {
  kind: PluginFailureKind;
  message: string;
}

export type HookOutcome<H extends HookName> =
  | { ok: true; pluginId: string; version: string; output: HookOutput<H> }
  | {
      ok: false;
      pluginId: string;
      /** null when no version of the pinned major is enabled. */
      version: string | null;
      onFailure: 'block' | 'window';
      failure: PluginFailure;
    };

export interface PluginHooks {
  /**
   * Calls `hook` of every plugin the target pins that implements it, in pin order, and answers one
   * outcome per such plugin. `versions` (plugin id → exact version) keeps an open case on the
   * versions it was filed with; without it, the enabled version of each pinned major serves.
   * Never throws for a plugin's failure: that is an outcome, already recorded in the plugin's health.
   */
  run<H extends HookName>(
    call: Call,
    target: HookTarget,
    hook: H,
    input: HookInput<H>,
    options?: { versions?: Readonly<Record<string, string>>; caseNumber?: string },
  ): Promise<HookOutcome<H>[]>;

  /**
   * The exact version each pin of the target resolves to, `versions` first: submit stores it for
   * every pinned plugin, so a route- or onEvent-only plugin also runs at 受理 on the version in force
   * when the application was filed. A pin with nothing enabled is left out.
   */
  resolveVersions(call: Call, target: HookTarget, versions?: Readonly<Record<string, string>>): Promise<Record<string, string>>;

  /**
   * What publishing the target would get wrong about its pins, pointing into the matter document
   * (`/plugins/{i}/…`): another department's plugin, options for a plugin that declares none or that
   * do not fit the options schema of the version that would serve now. A plugin not uploaded yet, or
   * whose major has no enabled version, is not a problem (an upload names matters already
   * published): calls answer `not_enabled` until the department enables one.
   */
  checkPins(call: Call, target: HookTarget): Promise<FieldIssue[]>;
}
