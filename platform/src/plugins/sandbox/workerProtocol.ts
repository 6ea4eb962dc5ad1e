import type { PluginFailureKind } from '@matterflow/schemas';
import type { SandboxGrants, SandboxLimits, SandboxLog } from './SandboxPool';

/**
 * Messages between the pool (main thread) and a department's worker. Input and options cross as
 * JSON strings: the guest parses them itself, so no host object ever reaches it, and the worker
 * never holds a live reference to the host's values either.
 */
export interface CallMessage {
  type: 'call';
  callId: number;
  /** pluginId@version: the worker keeps one loaded sandbox per key. */
  key: string;
  hook: string;
  /** Sent only when the worker does not have this key's code (or the code changed). */
  code?: string;
  /** Sent with the code, or when the grants changed since they were last sent for this key. */
  grants?: SandboxGrants;
  inputJson: string;
  /**
   * A call taken from the spin channel carries its input as the UTF-8 bytes in the shared region
   * instead (inputJson is then empty): they go into the guest's heap as they are. The pool writes
   * nothing there until this call is answered.
   */
  inputBytes?: Uint8Array;
  optionsJson: string;
  limits: SandboxLimits;
}

export interface ForgetMessage {
  type: 'forget';
  key: string;
}

export type ToWorker = CallMessage | ForgetMessage;

export type CallOutcome = { ok: true; outputJson: string } | { ok: false; kind: PluginFailureKind; detail: string };

export interface DoneMessage {
  type: 'done';
  callId: number;
  outcome: CallOutcome;
  logs: SandboxLog[];
  /** Time the guest ran (load and hook, brokered HTTP waits excluded): what the CPU quota counts. */
  cpuMs: number;
}

/**
 * The watchdog allows `ms` more (the guest waits on a brokered HTTP request, or a QuickJS module is
 * being created); negative gives back what an allowance did not use.
 */
export interface WaitMessage {
  type: 'wait';
  callId: number;
  ms: number;
}

export interface ReadyMessage {
  type: 'ready';
}

export type FromWorker = DoneMessage | WaitMessage | ReadyMessage;
