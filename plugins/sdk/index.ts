/**
 * 事项通 plugin SDK: everything a department plugin imports (`@matterflow/plugin-sdk`). It is plain
 * TypeScript with no dependencies, because the upload check type-checks a plugin against these very
 * files over an in-memory compiler host. At run time only `definePlugin` exists, and it returns its
 * argument: the platform reads `plugin.hooks` from the compiled script.
 */
import type {
  ComputeFeesInput,
  ComputeFeesOutput,
  MaterialsInput,
  MaterialsOutput,
  OnEventInput,
  OnEventOutput,
  PrefillInput,
  PrefillOutput,
  RouteInput,
  RouteOutput,
  ValidateInput,
  ValidateOutput,
} from './generated/hooks';

export type * from './generated/hooks';

/** Any JSON value: what options, lookup rows and HTTP bodies are. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** The hook's input with the platform's untyped `form` replaced by the author's form type. */
type WithForm<Input, Form> = Input extends { form: unknown } ? Omit<Input, 'form'> & { form: Form } : Input;

/** What each hook receives; `Form` is usually `Form` from the plugin's generated forms.d.ts. */
export interface HookInputs<Form> {
  validate: WithForm<ValidateInput, Form>;
  computeFees: WithForm<ComputeFeesInput, Form>;
  materials: WithForm<MaterialsInput, Form>;
  prefill: PrefillInput;
  route: WithForm<RouteInput, Form>;
  onEvent: OnEventInput;
}

/** What each hook must answer; the platform checks the answer against the same schema. */
export interface HookOutputs<Form> {
  validate: ValidateOutput;
  computeFees: ComputeFeesOutput;
  materials: MaterialsOutput;
  prefill: Omit<PrefillOutput, 'formData'> & { formData: Partial<Form> };
  route: RouteOutput;
  onEvent: OnEventOutput;
}

export type HookName = keyof HookInputs<unknown>;

export interface HttpAnswer {
  status: number;
  body: unknown;
}

/**
 * What a hook may use beyond its input. Every capability but `log` must be requested in plugin.json
 * and granted; using one that was not throws an Error whose message starts `CAPABILITY_DENIED:`.
 */
export interface PluginContext<Options> {
  /**
   * The plugin's options as the department configured them (else the manifest's defaults). Frozen,
   * deep: calls with the same options share them, so nothing written here could reach the next call.
   */
  readonly options: Options;
  log: {
    info(message: string): void;
    warn(message: string): void;
    error(message: string): void;
  };
  /** The region's working-day calendar (capability `calendar`); dates are 'YYYY-MM-DD'. */
  calendar: {
    isWorkingDay(date: string): boolean;
    addWorkingDays(date: string, days: number): string;
    /** Working days in (from, to]. */
    countWorkingDays(from: string, to: string): number;
  };
  /** A row of a read-only reference table (capability `lookup`), or null. */
  lookup(table: string, key: string): unknown | null;
  /** Outbound HTTP to origins a sysadmin approved for this plugin (capability `http`). */
  http: {
    postJson(url: string, body: unknown): Promise<HttpAnswer>;
    getJson(url: string): Promise<HttpAnswer>;
  };
}

export type Hook<H extends HookName, Form, Options> = (
  input: HookInputs<Form>[H],
  ctx: PluginContext<Options>,
) => HookOutputs<Form>[H] | Promise<HookOutputs<Form>[H]>;

export interface PluginDefinition<Form, Options> {
  hooks: { [H in HookName]?: Hook<H, Form, Options> };
}

/**
 * Declares a plugin; `src/index.ts` exports it as `plugin`:
 * `export const plugin = definePlugin<Form, Options>({ hooks: { validate(input, ctx) { … } } })`.
 */
export function definePlugin<Form = Record<string, unknown>, Options = Record<string, never>>(
  definition: PluginDefinition<Form, Options>,
): PluginDefinition<Form, Options> {
  return definition;
}
