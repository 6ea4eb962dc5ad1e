import {
  newQuickJSWASMModuleFromVariant,
  newVariant,
  RELEASE_SYNC,
  type QuickJSContext,
  type QuickJSHandle,
  type QuickJSRuntime,
} from 'quickjs-emscripten';
import type { PluginFailureKind } from '@matterflow/schemas';
import type { SandboxGrants, SandboxLimits, SandboxLog } from './SandboxPool';
import type { CallOutcome } from './workerProtocol';
import { GUEST_PRELUDE } from './guestPrelude';
import { CapabilityDenied, brokeredFetch, grantedUrl } from './brokeredHttp';
import { GuestCalendar } from './GuestCalendar';
import { HookInvoker } from './HookInvoker';
import { wasmApi } from './wasmApi';

const PAGE = 64 * 1024;
/** The prebuilt QuickJS module imports a memory of at least 16 MiB: a smaller limit cannot be had. */
export const MIN_MEMORY_BYTES = 256 * PAGE;
const LOG_ENTRIES = 50;
const LOG_CHARS = 2000;
const HTTP_REQUESTS_PER_CALL = 8;
const DETAIL_CHARS = 200;
const JOB_BATCH = 256;

/** What one hook call collects while it runs; the bridge functions write here. */
interface CallState {
  logs: SandboxLog[];
  logsDropped: number;
  httpRequests: number;
  pending: Set<Promise<void>>;
  onWait(ms: number): void;
  limits: SandboxLimits;
}

export interface CallReport {
  outcome: CallOutcome;
  logs: SandboxLog[];
  cpuMs: number;
  /** The sandbox cannot be trusted with another call (memory, stack, time): drop it. */
  spent: boolean;
}

const LEVELS = ['info', 'warn', 'error'] as const;

function guestFailure(kind: PluginFailureKind, detail: string): CallOutcome {
  return { ok: false, kind, detail: detail.length > DETAIL_CHARS ? `${detail.slice(0, DETAIL_CHARS)}…` : detail };
}

/**
 * One plugin version loaded in its own QuickJS module: its own WebAssembly.Memory whose maximum is
 * the memory limit (QuickJS's own setMemoryLimit does not hold with this build), the compiled code
 * evaluated once, the context kept for later calls of the version. Not thread-safe by design: a
 * worker runs one call at a time.
 */
export class VersionSandbox {
  private deadline = Infinity;
  private current: CallState | null = null;
  private disposed = false;
  private calendar: GuestCalendar | null = null;
  /** The prelude's call and pending functions (guestPrelude.ts), kept for the context's life. */
  private callFn: QuickJSHandle | null = null;
  private pendingFn: QuickJSHandle | null = null;
  private invoker: HookInvoker | null = null;

  private constructor(
    private readonly runtime: QuickJSRuntime,
    private readonly context: QuickJSContext,
    private grants: SandboxGrants,
  ) {}

  /**
   * Creates the module (then calls `onCreated`), the ctx bridge and the prelude, and evaluates the
   * plugin's code within `timeoutMs`.
   */
  static async load(
    wasmModule: WebAssembly.Module,
    code: string,
    grants: SandboxGrants,
    limits: SandboxLimits,
    onCreated: () => void,
  ): Promise<{ sandbox: VersionSandbox; cpuMs: number } | { failure: CallOutcome; cpuMs: number }> {
    const pages = Math.max(MIN_MEMORY_BYTES, limits.memoryBytes) / PAGE;
    // Initial = maximum: growing a memory step by step made bombs three times slower to hit the
    // cap; untouched pages cost no resident memory.
    const memory = new wasmApi.Memory({ initial: Math.ceil(pages), maximum: Math.ceil(pages) });
    const module = await newQuickJSWASMModuleFromVariant(newVariant(RELEASE_SYNC, { wasmModule, wasmMemory: memory }));
    const runtime = module.newRuntime();
    runtime.setMaxStackSize(limits.stackBytes);
    const context = runtime.newContext();
    onCreated();
    const started = performance.now();
    let sandbox: VersionSandbox | null = null;
    try {
      sandbox = new VersionSandbox(runtime, context, grants);
      sandbox.installBridge();
      const prelude = context.evalCode(GUEST_PRELUDE, 'prelude.js');
      if (prelude.error) {
        prelude.error.dispose();
        throw new Error('the sandbox prelude did not evaluate');
      }
      sandbox.callFn = context.getProp(prelude.value, 0);
      sandbox.pendingFn = context.getProp(prelude.value, 1);
      prelude.value.dispose();
      sandbox.invoker = HookInvoker.create(context, sandbox.callFn, memory.buffer);
      sandbox.deadline = started + limits.timeoutMs;
      const evaluated = context.evalCode(code, `${'plugin'}.js`);
      if (evaluated.error) {
        const failure = sandbox.classify(evaluated.error);
        evaluated.error.dispose();
        sandbox.dispose();
        return {
          failure: failure.ok ? failure : { ...failure, kind: loadKind(failure.kind) },
          cpuMs: performance.now() - started,
        };
      }
      evaluated.value.dispose();
      const shape = context.evalCode(
        "typeof globalThis.__matterflowPlugin === 'object' && globalThis.__matterflowPlugin !== null && typeof globalThis.__matterflowPlugin.hooks === 'object'",
      );
      const ok = !shape.error && context.dump(shape.value) === true;
      (shape.error ?? shape.value).dispose();
      if (!ok) {
        sandbox.dispose();
        return {
          failure: guestFailure('load', '代码没有设置 globalThis.__matterflowPlugin = { hooks: { … } }'),
          cpuMs: performance.now() - started,
        };
      }
      sandbox.deadline = Infinity;
      return { sandbox, cpuMs: performance.now() - started };
    } catch (error) {
      if (sandbox) sandbox.dispose();
      else disposeQuietly(context, runtime);
      return { failure: hostFailure(error, 'load'), cpuMs: performance.now() - started };
    }
  }

  setGrants(grants: SandboxGrants): void {
    this.grants = grants;
    this.calendar = null;
  }

  /**
   * One hook call; the answer leaves as the guest's own JSON text. A hook that answers at once is
   * reported at once (no promise): most hooks do, and a warm call is a few tens of microseconds.
   */
  call(
    hook: string,
    input: string | Uint8Array,
    optionsJson: string,
    limits: SandboxLimits,
    onWait: (ms: number) => void,
  ): CallReport | Promise<CallReport> {
    const state: CallState = { logs: [], logsDropped: 0, httpRequests: 0, pending: new Set(), onWait, limits };
    this.current = state;
    const started = performance.now();
    let waited = 0;
    this.deadline = started + limits.timeoutMs;
    let outcome: CallOutcome | Promise<CallOutcome>;
    try {
      outcome = this.run(hook, input, optionsJson, state, (ms) => (waited += ms));
    } catch (error) {
      return this.report(state, started, waited, hostFailure(error, 'throw'), true);
    }
    if (!(outcome instanceof Promise)) return this.report(state, started, waited, outcome, false);
    return outcome.then(
      (settled) => this.report(state, started, waited, settled, false),
      (error: unknown) => this.report(state, started, waited, hostFailure(error, 'throw'), true),
    );
  }

  private run(
    hook: string,
    input: string | Uint8Array,
    optionsJson: string,
    state: CallState,
    addWaited: (ms: number) => void,
  ): CallOutcome | Promise<CallOutcome> {
    if (!this.invoker) throw new Error('the sandbox is not loaded');
    const result = this.invoker.invoke(hook, input, optionsJson, state.limits.outputBytes);
    if ('thrown' in result) {
      const failure = this.classify(result.thrown);
      result.thrown.dispose();
      return failure;
    }
    if (result.text === 'P') return this.settlePending(state, addWaited);
    return decode(result.text, result.bytes, state.limits);
  }

  /** Ends the call: its guest time (brokered HTTP waits excluded), its logs, whether the sandbox is spent. */
  private report(state: CallState, started: number, waited: number, outcome: CallOutcome, engineFailed: boolean): CallReport {
    this.deadline = Infinity;
    this.current = null;
    // Requests still in flight answer into a context nobody listens to; they end by their own timeout.
    const cpuMs = Math.max(0, performance.now() - started - waited);
    const spent =
      engineFailed || (!outcome.ok && (outcome.kind === 'memory' || outcome.kind === 'stack' || outcome.kind === 'timeout'));
    const logs =
      state.logsDropped > 0
        ? [...state.logs, { level: 'warn' as const, message: `（另有 ${state.logsDropped} 条日志未记录）` }]
        : state.logs;
    return { outcome, logs, cpuMs, spent };
  }

  /** An async hook: takes its promise from the prelude and settles it. */
  private async settlePending(state: CallState, addWaited: (ms: number) => void): Promise<CallOutcome> {
    if (!this.pendingFn) throw new Error('the sandbox is not loaded');
    const taken = this.context.callFunction(this.pendingFn, this.context.undefined);
    if (taken.error) {
      const failure = this.classify(taken.error);
      taken.error.dispose();
      return failure;
    }
    try {
      return await this.settle(taken.value, state, addWaited);
    } finally {
      if (taken.value.alive) taken.value.dispose();
    }
  }

  /** Runs the guest's jobs until its promise settles, waiting on brokered HTTP in between. */
  private async settle(promise: QuickJSHandle, state: CallState, addWaited: (ms: number) => void): Promise<CallOutcome> {
    for (;;) {
      // In batches, so a guest that only ever awaits is stopped here even if no job runs long.
      if (performance.now() > this.deadline) return { ok: false, kind: 'timeout', detail: '' };
      const jobs = this.runtime.executePendingJobs(JOB_BATCH);
      if (jobs.error) {
        const failure = this.classify(jobs.error);
        jobs.error.dispose();
        return failure;
      }
      const executed = jobs.value;
      const promiseState = this.context.getPromiseState(promise);
      if (promiseState.type === 'fulfilled') {
        const value = promiseState.value;
        const text = this.context.typeof(value) === 'string' ? this.context.getString(value) : 'Nnot-json';
        if (value !== promise) value.dispose();
        return decode(text, Buffer.byteLength(text), state.limits);
      }
      if (promiseState.type === 'rejected') {
        const failure = this.classify(promiseState.error);
        promiseState.error.dispose();
        return failure;
      }
      if (executed > 0) continue;
      if (state.pending.size === 0) return guestFailure('output_invalid', 'Promise 永远不会完成');
      const waitStarted = performance.now();
      await Promise.race(state.pending);
      const ms = performance.now() - waitStarted;
      addWaited(ms);
      this.deadline += ms;
    }
  }

  /** What a thrown guest value means: the engine's own errors name the limit that was hit. */
  private classify(error: QuickJSHandle): CallOutcome & { ok: false } {
    let name = '';
    let message: string;
    if (this.context.typeof(error) === 'object') {
      name = this.stringProp(error, 'name');
      message = this.stringProp(error, 'message');
      // An error object with neither name nor message is what an allocation failure while
      // building the error leaves (an object without both, thrown on purpose, reads the same).
      if (name === '' && message === '') return { ok: false, kind: 'memory', detail: 'out of memory' };
    } else {
      const dumped: unknown = this.context.typeof(error) === 'string' ? this.context.getString(error) : this.context.dump(error);
      // Out of memory while already out of memory, QuickJS throws null (or an empty value): it
      // cannot even build the error.
      if (dumped === null || dumped === undefined || dumped === '') return { ok: false, kind: 'memory', detail: 'out of memory' };
      message = String(dumped);
    }
    if (name === 'InternalError' && message === 'interrupted') return { ok: false, kind: 'timeout', detail: '' };
    if (name === 'InternalError' && (message === 'out of memory' || message === 'string too long'))
      return { ok: false, kind: 'memory', detail: message };
    if ((name === 'InternalError' || name === 'RangeError') && /stack overflow|call stack/i.test(message))
      return { ok: false, kind: 'stack', detail: message };
    if (message.startsWith('CAPABILITY_DENIED:'))
      return { ok: false, kind: 'capability_denied', detail: message.slice('CAPABILITY_DENIED:'.length).trim() };
    const shown = name ? `${name}: ${message}` : message;
    return guestFailure('throw', shown) as CallOutcome & { ok: false };
  }

  private stringProp(handle: QuickJSHandle, key: string): string {
    const prop = this.context.getProp(handle, key);
    try {
      if (this.context.typeof(prop) !== 'string') return '';
      const text = this.context.getString(prop);
      return text.length > DETAIL_CHARS * 2 ? text.slice(0, DETAIL_CHARS * 2) : text;
    } finally {
      prop.dispose();
    }
  }

  private installBridge(): void {
    const context = this.context;
    const bridge = context.newObject();
    this.runtime.setInterruptHandler(() => performance.now() > this.deadline);
    const fail = (error: unknown) => ({
      error: context.newError(error instanceof Error ? error.message : String(error)),
    });
    const log = context.newFunction('log', (levelHandle, messageHandle) => {
      const call = this.current;
      if (!call) return;
      if (call.logs.length >= LOG_ENTRIES) {
        call.logsDropped += 1;
        return;
      }
      const level = LEVELS[context.getNumber(levelHandle)] ?? 'info';
      const message = context.getString(messageHandle);
      call.logs.push({ level, message: message.length > LOG_CHARS ? `${message.slice(0, LOG_CHARS)}…` : message });
    });
    const lookup = context.newFunction('lookup', (tableHandle, keyHandle) => {
      const table = context.getString(tableHandle);
      const key = context.getString(keyHandle);
      const tables = this.grants.lookupTables;
      if (!Object.hasOwn(tables, table)) return fail(new CapabilityDenied(`lookup table ${table}`));
      const rows = tables[table] ?? {};
      if (!Object.hasOwn(rows, key)) return context.null;
      return context.newString(JSON.stringify(rows[key] ?? null));
    });
    const calendar = context.newFunction('calendar', (opHandle, aHandle, bHandle) => {
      try {
        const years = this.grants.calendar;
        if (years === null) throw new CapabilityDenied('calendar');
        this.calendar ??= new GuestCalendar(years);
        const op = context.getNumber(opHandle);
        const a = context.getString(aHandle);
        const b = context.getString(bHandle);
        if (op === 0) return this.calendar.isWorkingDay(a) ? context.true : context.false;
        if (op === 1) return context.newString(this.calendar.addWorkingDays(a, b));
        return context.newNumber(this.calendar.countWorkingDays(a, b));
      } catch (error) {
        return fail(error);
      }
    });
    const http = context.newFunction('http', (methodHandle, urlHandle, bodyHandle) => {
      const call = this.current;
      if (!call) return fail(new Error('HTTP outside a call'));
      const method = context.getString(methodHandle) === 'POST' ? 'POST' : 'GET';
      let url: URL;
      try {
        url = grantedUrl(context.getString(urlHandle), this.grants.httpOrigins);
      } catch (error) {
        return fail(error);
      }
      if (call.httpRequests >= HTTP_REQUESTS_PER_CALL)
        return fail(new Error(`HTTP_LIMIT: at most ${HTTP_REQUESTS_PER_CALL} requests per call`));
      call.httpRequests += 1;
      const body = context.getString(bodyHandle);
      const deferred = context.newPromise();
      call.onWait(call.limits.httpTimeoutMs);
      // Started once the guest yields, so fetch's own work (the first one loads undici) is
      // waiting time, not the guest's.
      const origins = this.grants.httpOrigins;
      const settled = new Promise((resolve) => setImmediate(resolve))
        .then(() => brokeredFetch(method, url, body, origins, call.limits.httpTimeoutMs))
        .then(
          (answer) => {
            if (this.disposed || !deferred.alive) return;
            const text = context.newString(JSON.stringify(answer));
            deferred.resolve(text);
            text.dispose();
          },
          (error: unknown) => {
            if (this.disposed || !deferred.alive) return;
            const guestError = context.newError(error instanceof Error ? error.message : String(error));
            deferred.reject(guestError);
            guestError.dispose();
          },
        );
      const tracked = settled.finally(() => {
        call.pending.delete(tracked);
        if (!this.disposed && deferred.alive) deferred.dispose();
      });
      call.pending.add(tracked);
      return deferred.handle;
    });
    for (const [name, fn] of [
      ['log', log],
      ['lookup', lookup],
      ['calendar', calendar],
      ['http', http],
    ] as const) {
      context.setProp(bridge, name, fn);
      fn.dispose();
    }
    context.setProp(context.global, '__mfBridge', bridge);
    bridge.dispose();
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    try {
      this.callFn?.dispose();
      this.pendingFn?.dispose();
    } catch {
      // A module that aborted cannot free anything; dropping the references frees its memory.
    }
    disposeQuietly(this.context, this.runtime);
  }
}

function disposeQuietly(context: QuickJSContext, runtime: QuickJSRuntime): void {
  try {
    context.dispose();
    runtime.dispose();
  } catch {
    // See dispose(): the WebAssembly.Memory goes with the last reference to the module.
  }
}

function loadKind(kind: PluginFailureKind): PluginFailureKind {
  return kind === 'throw' || kind === 'capability_denied' ? 'load' : kind;
}

/** An exception from the engine itself (a WebAssembly trap, an abort): the module is spent. */
function hostFailure(error: unknown, fallback: 'load' | 'throw'): CallOutcome {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  // Freeing a deeply nested value recurses natively, past QuickJS's own stack check.
  if (error instanceof RangeError && /call stack/i.test(error.message)) return guestFailure('stack', message);
  if (error instanceof wasmApi.RuntimeError || /memory|abort/i.test(message)) return guestFailure('memory', message);
  return guestFailure(fallback, message);
}

/** What the prelude's call answered (see guestPrelude.ts); `bytes`: the text's length in UTF-8. */
function decode(text: string, bytes: number, limits: SandboxLimits): CallOutcome {
  switch (text[0]) {
    case 'T':
      return guestFailure('output_too_large', text.slice(1));
    case 'U':
      return guestFailure('output_invalid', 'undefined');
    case 'H':
      return guestFailure('load', '没有实现这个钩子');
    case 'N':
    case 'P':
    case undefined:
      return guestFailure('output_invalid', text.slice(1) || 'not JSON');
    default:
      return bytes > limits.outputBytes ? guestFailure('output_too_large', String(bytes)) : { ok: true, outputJson: text };
  }
}
