import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import type { PluginFailureKind } from '@matterflow/schemas';
import {
  DEFAULT_SANDBOX_LIMITS,
  type SandboxGrants,
  type SandboxLimits,
  type SandboxLog,
  type SandboxPool,
  type SandboxPoolSettings,
  type SandboxRequest,
  type SandboxResult,
} from './SandboxPool';
import type { CallMessage, CallOutcome, DoneMessage, FromWorker } from './workerProtocol';
import { SpinChannel } from './SpinChannel';
import { QuotaWindows } from './QuotaWindows';
import { failureMessage } from './failureMessage';
import { MIN_MEMORY_BYTES } from './VersionSandbox';

const DEFAULT_MAX_WORKERS = 4;
/** Past timeoutMs plus this, the main thread terminates the worker: the hard stop. */
const DEFAULT_HARD_STOP_MARGIN_MS = 100;
/** QuickJS's stack check counts its own stack; the worker's real stack must be far larger (see docs/plugin-sandbox.md). */
const MAX_STACK_BYTES = 1024 * 1024;
const WORKER_STACK_MB = 8;
const WORKER_HEAP_MB = 256;
/** See SandboxPoolSettings.spinMicros. */
const DEFAULT_SPIN_MICROS = 300;
/** How much of a version's running average of guest time its latest call makes (see Slot.callMs). */
const CALL_MS_WEIGHT = 0.25;

const WORKER_ENTRY = fileURLToPath(new URL('./sandboxWorker.ts', import.meta.url));
let workerSourceOnce: Promise<string> | null = null;

/**
 * The worker's code, bundled once per process with esbuild (already the check's compiler): a
 * worker thread cannot load TypeScript through the parent's loader under every runner (tsx,
 * vitest), and one self-contained script starts faster than a tree of modules.
 */
function workerSource(): Promise<string> {
  workerSourceOnce ??= build({
    entryPoints: [WORKER_ENTRY],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    write: false,
    logLevel: 'silent',
    // Emscripten's loader asks for import.meta.url (createRequire); a CommonJS bundle has none.
    define: { 'import.meta.url': JSON.stringify(pathToFileURL(WORKER_ENTRY).href) },
  }).then((result) => {
    const file = result.outputFiles[0];
    if (!file) throw new Error('the sandbox worker did not bundle');
    return file.text;
  });
  workerSourceOnce.catch(() => {
    workerSourceOnce = null;
  });
  return workerSourceOnce;
}

function quickjsWasmPath(): string {
  const require = createRequire(import.meta.url);
  return createRequire(require.resolve('quickjs-emscripten')).resolve('@jitl/quickjs-wasmfile-release-sync/wasm');
}

const RESOLVED_DEFAULTS = Object.freeze(resolveDefaults(undefined));

export function resolveLimits(partial: Partial<SandboxLimits> | undefined): SandboxLimits {
  return partial === undefined ? RESOLVED_DEFAULTS : resolveDefaults(partial);
}

function resolveDefaults(partial: Partial<SandboxLimits> | undefined): SandboxLimits {
  const limits = { ...DEFAULT_SANDBOX_LIMITS, ...partial };
  return {
    ...limits,
    timeoutMs: Math.max(1, limits.timeoutMs),
    memoryBytes: Math.max(MIN_MEMORY_BYTES, Math.ceil(limits.memoryBytes / 65536) * 65536),
    stackBytes: Math.min(MAX_STACK_BYTES, Math.max(32 * 1024, limits.stackBytes)),
  };
}

interface PendingCall {
  callId: number;
  request: SandboxRequest;
  key: string;
  limits: SandboxLimits;
  inputJson: string;
  optionsJson: string;
  startedAt: number;
  attempts: number;
  /** Sent with the version's code: its guest time includes loading it. */
  cold: boolean;
  deadline: number;
  timer: NodeJS.Timeout | null;
  resolve(result: SandboxResult): void;
}

interface Slot {
  departmentCode: string;
  worker: Worker;
  ready: boolean;
  retired: boolean;
  queue: PendingCall[];
  inFlight: PendingCall | null;
  /** What this worker was last sent per version key, so code and grants cross once. */
  sent: Map<string, { code: string; grants: SandboxGrants }>;
  channel: SpinChannel;
  /** Whether the worker is ref'd (a call in flight); a new Worker is. */
  refed: boolean;
  /**
   * Per version, a running average of its calls' guest time (ms): the pool does not spin for the
   * answers of a version whose calls take longer than the spin. An average, so one slow call (a
   * pause of the machine's) does not send the next one the slow way too.
   */
  callMs: Map<string, number>;
  lastError: Error | null;
}

/**
 * The plugin sandbox: one worker thread per department that has calls (lazily, at most
 * `maxWorkers`, the least recently used idle one retired first), each worker running one call at
 * a time in QuickJS (see VersionSandbox). The main thread keeps each department's queue and a
 * watchdog per call: past timeoutMs + a margin it terminates the worker (a built-in such as
 * `"ab".repeat` in a loop overruns QuickJS's own interrupt), answers `timeout`, and sends the
 * department's queued calls to a fresh worker. A worker that dies otherwise has its call retried
 * once on a fresh one, then failed: no call ever waits for an answer that cannot come.
 */
export function createSandboxPool(settings: SandboxPoolSettings): SandboxPool {
  const maxWorkers = Math.max(1, settings.maxWorkers ?? DEFAULT_MAX_WORKERS);
  const marginMs = settings.hardStopMarginMs ?? DEFAULT_HARD_STOP_MARGIN_MS;
  const spinMicros = Math.max(0, settings.spinMicros ?? DEFAULT_SPIN_MICROS);
  const quota = new QuotaWindows(settings.quota, settings.now ?? Date.now);
  const wasmPath = quickjsWasmPath();
  const source = workerSource();
  let code: string | null = null;
  /** Map order is recency: a department's slot is moved to the end on each call. */
  const slots = new Map<string, Slot>();
  let nextCallId = 1;
  let closed = false;

  function failed(
    call: Pick<PendingCall, 'request' | 'limits' | 'startedAt'>,
    kind: PluginFailureKind,
    detail: string,
    logs: SandboxLog[] = [],
  ): SandboxResult {
    const who = { pluginId: call.request.pluginId, version: call.request.version, hook: call.request.hook };
    return {
      ok: false,
      kind,
      message: failureMessage(kind, who, call.limits, settings.quota, detail),
      logs,
      wallMs: performance.now() - call.startedAt,
    };
  }

  function finish(call: PendingCall, outcome: CallOutcome, logs: SandboxLog[]): void {
    if (call.timer) clearTimeout(call.timer);
    call.timer = null;
    if (outcome.ok) {
      call.resolve({
        ok: true,
        output: JSON.parse(outcome.outputJson) as unknown,
        logs,
        wallMs: performance.now() - call.startedAt,
      });
    } else {
      call.resolve(failed(call, outcome.kind, outcome.detail, logs));
    }
  }

  function spawn(departmentCode: string, queue: PendingCall[] = []): Slot {
    trim(maxWorkers - 1);
    if (code === null) throw new Error('the worker source is not ready');
    const spinBuffer = SpinChannel.createBuffer();
    const worker = new Worker(code, {
      eval: true,
      execArgv: [],
      workerData: { wasmPath, spinBuffer, spinMicros },
      resourceLimits: { stackSizeMb: WORKER_STACK_MB, maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
    const slot: Slot = {
      departmentCode,
      worker,
      ready: false,
      retired: false,
      queue,
      inFlight: null,
      sent: new Map(),
      channel: new SpinChannel(spinBuffer),
      refed: true,
      callMs: new Map(),
      lastError: null,
    };
    worker.on('message', (message: FromWorker) => onMessage(slot, message));
    worker.on('error', (error) => {
      slot.lastError = error;
    });
    worker.on('exit', () => onExit(slot));
    slots.set(departmentCode, slot);
    return slot;
  }

  function onMessage(slot: Slot, message: FromWorker): void {
    if (slot.retired) return;
    if (message.type === 'ready') {
      slot.ready = true;
      pump(slot);
      return;
    }
    const call = slot.inFlight;
    if (!call || call.callId !== message.callId) return;
    if (message.type === 'wait') {
      call.deadline += message.ms;
      arm(slot, call);
      return;
    }
    settle(slot, call, message);
    pump(slot);
  }

  function settle(slot: Slot, call: PendingCall, done: DoneMessage): void {
    slot.inFlight = null;
    if (!call.cold) {
      const average = slot.callMs.get(call.key);
      slot.callMs.set(call.key, average === undefined ? done.cpuMs : average + (done.cpuMs - average) * CALL_MS_WEIGHT);
    }
    quota.charge(call.request.departmentCode, done.cpuMs);
    finish(call, done.outcome, done.logs);
  }

  function onExit(slot: Slot): void {
    if (slot.retired) return;
    // Nobody asked this worker to stop: it crashed (its heap limit, a fault in the engine).
    retire(slot);
    const call = slot.inFlight;
    slot.inFlight = null;
    const error = slot.lastError;
    const outOfMemory = (error as NodeJS.ErrnoException | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
    if (!slot.ready) {
      // It never started: retrying would only start it again; fail what waits, clearly.
      for (const waiting of slot.queue.splice(0))
        finish(waiting, { ok: false, kind: 'load', detail: `沙箱无法启动：${error?.message ?? '工作线程退出'}` }, []);
      return;
    }
    if (call) {
      if (call.timer) clearTimeout(call.timer);
      if (call.attempts < 1 && !outOfMemory) {
        call.attempts += 1;
        slot.queue.unshift(call);
      } else {
        finish(
          call,
          { ok: false, kind: outOfMemory ? 'memory' : 'load', detail: `沙箱工作线程意外退出：${error?.message ?? ''}` },
          [],
        );
      }
    }
    if (slot.queue.length > 0) pump(spawn(slot.departmentCode, slot.queue.splice(0)));
  }

  function retire(slot: Slot): void {
    slot.retired = true;
    if (slots.get(slot.departmentCode) === slot) slots.delete(slot.departmentCode);
  }

  /** Retires least recently used idle workers until at most `size` remain (busy ones are never cut). */
  function trim(size: number): void {
    // Called after every call: the copy of the slots is made only when there is something to cut.
    if (slots.size <= size) return;
    for (const slot of [...slots.values()]) {
      if (slots.size <= size) return;
      if (slot.inFlight || slot.queue.length > 0) continue;
      retire(slot);
      void slot.worker.terminate();
    }
  }

  /** A worker with a call in flight keeps the process alive; an idle one does not. */
  function ref(slot: Slot): void {
    if (slot.refed) return;
    slot.refed = true;
    slot.worker.ref();
  }

  function unref(slot: Slot): void {
    if (!slot.refed) return;
    slot.refed = false;
    slot.worker.unref();
  }

  function arm(slot: Slot, call: PendingCall): void {
    if (call.timer) clearTimeout(call.timer);
    call.timer = setTimeout(() => hardStop(slot, call), Math.max(0, call.deadline - performance.now()));
  }

  function hardStop(slot: Slot, call: PendingCall): void {
    if (slot.retired || slot.inFlight !== call) return;
    retire(slot);
    slot.inFlight = null;
    void slot.worker.terminate();
    quota.charge(call.request.departmentCode, performance.now() - call.startedAt);
    finish(call, { ok: false, kind: 'timeout', detail: '' }, []);
    if (slot.queue.length > 0) pump(spawn(slot.departmentCode, slot.queue.splice(0)));
  }

  /**
   * Sends the department's next calls while the worker is free: a warm one on the spin channel
   * when the worker is spinning for it (its answer often back before this returns, then the next
   * call goes at once), anything else by port with the watchdog armed.
   */
  function pump(slot: Slot): void {
    while (slot.ready && !slot.retired && !slot.inFlight) {
      const call = slot.queue.shift();
      if (!call) {
        unref(slot);
        trim(maxWorkers);
        return;
      }
      const { request, key } = call;
      const sent = slot.sent.get(key);
      const withCode = !sent || sent.code !== request.code;
      const withGrants = withCode || sent.grants !== request.grants;
      if (withGrants) slot.sent.set(key, { code: request.code, grants: request.grants });
      const message: CallMessage = {
        type: 'call',
        callId: call.callId,
        key,
        hook: request.hook,
        inputJson: call.inputJson,
        optionsJson: call.optionsJson,
        limits: call.limits,
      };
      if (withCode) message.code = request.code;
      if (withGrants) message.grants = request.grants;
      // A cold call evaluates the plugin's code first, within its own timeoutMs.
      call.cold = withCode;
      call.deadline = performance.now() + call.limits.timeoutMs * (withCode ? 2 : 1) + marginMs;
      slot.inFlight = call;
      const spinForAnswer = (slot.callMs.get(key) ?? 0) * 1000 <= spinMicros;
      if (spinMicros > 0 && !withGrants && slot.channel.offer(message, spinForAnswer)) {
        const done = spinForAnswer ? slot.channel.awaitAnswer(spinMicros) : null;
        if (done) {
          settle(slot, call, done);
          continue;
        }
        arm(slot, call);
        ref(slot);
        return;
      }
      arm(slot, call);
      ref(slot);
      slot.worker.postMessage(message);
      slot.channel.wake();
      return;
    }
  }

  return {
    // Not async: a warm call on the spin channel is settled inside `pump`, and an async function
    // would wrap the promise below in one more (two more microtask turns per call).
    run(request) {
      const startedAt = performance.now();
      const limits = resolveLimits(request.limits);
      const base = { request, limits, startedAt };
      const refused = (kind: PluginFailureKind, detail: string) => Promise.resolve(failed(base, kind, detail));
      if (closed) return refused('load', '沙箱已关闭');
      let inputJson: string;
      let optionsJson: string;
      try {
        inputJson = JSON.stringify(request.input ?? null);
        optionsJson = JSON.stringify(request.options ?? null);
      } catch {
        return refused('input_too_large', 'not-json');
      }
      // At most 3 UTF-8 bytes per UTF-16 unit: count the bytes only when that could be over.
      if ((inputJson.length + optionsJson.length) * 3 > limits.inputBytes) {
        const bytes = Buffer.byteLength(inputJson) + Buffer.byteLength(optionsJson);
        if (bytes > limits.inputBytes) return refused('input_too_large', `${bytes} 字节`);
      }
      const enqueue = (): Promise<SandboxResult> => {
        if (closed) return refused('load', '沙箱已关闭');
        if (!quota.admit(request.departmentCode)) return refused('quota', '');
        let slot = slots.get(request.departmentCode);
        if (slot) {
          slots.delete(request.departmentCode);
          slots.set(request.departmentCode, slot);
        } else {
          slot = spawn(request.departmentCode);
        }
        const current = slot;
        return new Promise<SandboxResult>((resolve) => {
          current.queue.push({
            callId: nextCallId++,
            request,
            key: `${request.pluginId}@${request.version}`,
            limits,
            inputJson,
            optionsJson,
            startedAt,
            attempts: 0,
            cold: false,
            deadline: Infinity,
            timer: null,
            resolve,
          });
          pump(current);
        });
      };
      if (code !== null) {
        try {
          return enqueue();
        } catch (error) {
          // As from an async function: a worker that cannot be created rejects, it does not throw.
          return Promise.reject(error instanceof Error ? error : new Error(String(error)));
        }
      }
      return source.then(
        (bundled) => {
          code = bundled;
          return enqueue();
        },
        (error: unknown) => failed(base, 'load', `沙箱无法启动：${error instanceof Error ? error.message : String(error)}`),
      );
    },

    usage() {
      return quota.usage();
    },

    forget(pluginId, version) {
      const key = `${pluginId}@${version}`;
      for (const slot of slots.values()) {
        slot.sent.delete(key);
        slot.callMs.delete(key);
        slot.worker.postMessage({ type: 'forget', key });
      }
    },

    async close() {
      closed = true;
      const all = [...slots.values()];
      slots.clear();
      for (const slot of all) {
        slot.retired = true;
        const waiting = [...(slot.inFlight ? [slot.inFlight] : []), ...slot.queue.splice(0)];
        slot.inFlight = null;
        for (const call of waiting) finish(call, { ok: false, kind: 'load', detail: '沙箱已关闭' }, []);
      }
      await Promise.all(all.map((slot) => slot.worker.terminate()));
    },
  };
}
