import type { CalendarYear, HookName, PluginFailureKind } from '@matterflow/schemas';

/**
 * The sandbox's face: one call of one hook of one compiled plugin version, with its limits and
 * the capabilities granted to it, answered as JSON or as a failure that names plugin, version and
 * hook. The host (lifecycle, grants, health) and the check (running a version's examples) both go
 * through this; only `createSandboxPool` knows about QuickJS and worker threads.
 */
export interface SandboxLimits {
  /** The guest's own time for one call; past it the worker running it is terminated. */
  timeoutMs: number;
  /** The maximum of the sandbox module's own WebAssembly memory. */
  memoryBytes: number;
  stackBytes: number;
  /** JSON of input and options together. */
  inputBytes: number;
  /** JSON of the answer. */
  outputBytes: number;
  /** Each brokered HTTP request, on top of `timeoutMs`. */
  httpTimeoutMs: number;
}

export const DEFAULT_SANDBOX_LIMITS: SandboxLimits = {
  timeoutMs: 200,
  memoryBytes: 32 * 1024 * 1024,
  stackBytes: 256 * 1024,
  inputBytes: 64 * 1024,
  outputBytes: 64 * 1024,
  httpTimeoutMs: 2000,
};

/** What a plugin version may use beyond pure computation: nothing unless granted. */
export interface SandboxGrants {
  /** Origins (`scheme://host:port`) a sysadmin approved for this plugin's outbound HTTP. */
  httpOrigins: readonly string[];
  /** Read-only reference tables by name: key → row. */
  lookupTables: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /** The region's working-day calendar, or null when the calendar is not granted. */
  calendar: readonly CalendarYear[] | null;
}

export const NO_GRANTS: SandboxGrants = { httpOrigins: [], lookupTables: {}, calendar: null };

export interface SandboxRequest {
  departmentCode: string;
  pluginId: string;
  version: string;
  /**
   * The version's compiled script (the check's esbuild output): evaluated once per sandbox, it
   * assigns `globalThis.__matterflowPlugin = { hooks: { validate, computeFees, … } }`.
   */
  code: string;
  hook: HookName;
  input: unknown;
  /** The plugin's options (checked against its options schema by the host). */
  options: unknown;
  grants: SandboxGrants;
  limits?: Partial<SandboxLimits>;
}

export interface SandboxLog {
  level: 'info' | 'warn' | 'error';
  message: string;
}

export type SandboxResult =
  | { ok: true; output: unknown; logs: SandboxLog[]; wallMs: number }
  | {
      ok: false;
      kind: PluginFailureKind;
      /** Chinese, naming plugin, version and hook, e.g. 插件 fee-budongchan 1.0.0 的 computeFees 超时（200 毫秒）. */
      message: string;
      logs: SandboxLog[];
      wallMs: number;
    };

export interface DepartmentUsage {
  departmentCode: string;
  /** In the current quota window. */
  calls: number;
  cpuMs: number;
  /** Calls refused for the quota in this window. */
  refused: number;
}

export interface SandboxQuota {
  callsPerMinute: number;
  cpuMsPerMinute: number;
}

export interface SandboxPoolSettings {
  quota: SandboxQuota;
  /** Most worker threads in all (one per department that has calls, least recently used retired first). */
  maxWorkers?: number;
  /** How long past a call's timeoutMs the main thread waits before terminating its worker (default 100). */
  hardStopMarginMs?: number;
  /**
   * Warm calls go over a SharedArrayBuffer both threads wait on for up to this long, instead of
   * postMessage, whose thread wake-up was most of a call's cost (default 300; 0 turns it off). The
   * worker waits this long after each answer for a next call, the pool this long for an answer;
   * each wait spins for its first 100 µs and sleeps on the shared word for the rest.
   */
  spinMicros?: number;
  /** Milliseconds for the quota windows (default Date.now): tests move it. */
  now?: () => number;
}

export interface SandboxPool {
  run(request: SandboxRequest): Promise<SandboxResult>;
  usage(): DepartmentUsage[];
  /** Drops what the workers keep for a plugin version (its loaded context). */
  forget(pluginId: string, version: string): void;
  close(): Promise<void>;
}
