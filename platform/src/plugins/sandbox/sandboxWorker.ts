import { parentPort, receiveMessageOnPort, workerData, type MessagePort } from 'node:worker_threads';
import { readFileSync } from 'node:fs';
import { DEFAULT_SANDBOX_LIMITS, NO_GRANTS, type SandboxGrants } from './SandboxPool';
import type { CallMessage, DoneMessage, FromWorker, ToWorker } from './workerProtocol';
import { SpinChannel } from './SpinChannel';
import { VersionSandbox, type CallReport } from './VersionSandbox';
import { wasmApi } from './wasmApi';

/**
 * A department's worker thread: it keeps one VersionSandbox per plugin version it has been sent
 * and runs one call at a time (the pool sends the next only after the answer). The main thread's
 * watchdog terminates this thread when a call overruns its time, so nothing here has to be able
 * to stop a runaway built-in.
 */
interface VersionEntry {
  code: string;
  grants: SandboxGrants;
  sandbox: VersionSandbox | null;
}

if (!parentPort) throw new Error('sandboxWorker runs as a worker thread');
const port: MessagePort = parentPort;
const { wasmPath, spinBuffer, spinMicros } = workerData as {
  wasmPath: string;
  spinBuffer: SharedArrayBuffer;
  spinMicros: number;
};
const channel = new SpinChannel(spinBuffer);
/**
 * Warm calls served back to back before the worker goes back to its event loop. The port is read
 * between any two calls (see `fromPort`); this only lets the loop turn now and then for what Node
 * and V8 leave there, at the cost of one call by port in so many.
 */
const MAX_CHAIN = 4096;
const wasmModule = new wasmApi.Module(readFileSync(wasmPath));
const versions = new Map<string, VersionEntry>();
const forgotten = new Set<string>();
let busyKey: string | null = null;
/** What the watchdog allows for creating a QuickJS module (~3-20 ms; seconds on a starved machine). */
const MODULE_ALLOWANCE_MS = 5000;

function post(message: FromWorker): void {
  port.postMessage(message);
}

function drop(key: string): void {
  versions.get(key)?.sandbox?.dispose();
  versions.delete(key);
}

/** The version's entry after the message's code and grants are applied; null: the worker lacks it. */
function entryFor(message: CallMessage): VersionEntry | null {
  let entry = versions.get(message.key);
  if (message.code !== undefined) {
    if (entry && entry.code !== message.code) drop(message.key);
    entry = versions.get(message.key);
    if (!entry) {
      entry = {
        code: message.code,
        grants: message.grants ?? { httpOrigins: [], lookupTables: {}, calendar: null },
        sandbox: null,
      };
      versions.set(message.key, entry);
    }
  }
  if (!entry) return null;
  if (message.grants) {
    entry.grants = message.grants;
    entry.sandbox?.setGrants(message.grants);
  }
  return entry;
}

/** A warm call of a sync hook is answered without a promise (see VersionSandbox.call). */
function runCall(message: CallMessage): DoneMessage | Promise<DoneMessage> {
  const entry = entryFor(message);
  if (!entry) {
    return {
      type: 'done',
      callId: message.callId,
      outcome: { ok: false, kind: 'load', detail: 'the worker does not have this version' },
      logs: [],
      cpuMs: 0,
    };
  }
  return entry.sandbox ? callSandbox(message, entry, entry.sandbox, 0) : loadAndCall(message, entry);
}

async function loadAndCall(message: CallMessage, entry: VersionEntry): Promise<DoneMessage> {
  // Creating the module is the platform's time, not the guest's: the watchdog is told to allow
  // for it, then given back what it did not use.
  const creating = performance.now();
  post({ type: 'wait', callId: message.callId, ms: MODULE_ALLOWANCE_MS });
  const loaded = await VersionSandbox.load(wasmModule, entry.code, entry.grants, message.limits, () =>
    post({ type: 'wait', callId: message.callId, ms: performance.now() - creating - MODULE_ALLOWANCE_MS }),
  );
  if ('failure' in loaded)
    return { type: 'done', callId: message.callId, outcome: loaded.failure, logs: [], cpuMs: loaded.cpuMs };
  entry.sandbox = loaded.sandbox;
  return callSandbox(message, entry, loaded.sandbox, loaded.cpuMs);
}

function callSandbox(
  message: CallMessage,
  entry: VersionEntry,
  sandbox: VersionSandbox,
  loadMs: number,
): DoneMessage | Promise<DoneMessage> {
  const report = sandbox.call(message.hook, message.inputBytes ?? message.inputJson, message.optionsJson, message.limits, (ms) =>
    post({ type: 'wait', callId: message.callId, ms }),
  );
  const done = (finished: CallReport): DoneMessage => {
    // A call that hit a limit leaves a context nobody can vouch for: the next call gets a fresh
    // one (and a fresh WebAssembly.Memory, since a grown one never shrinks).
    if (finished.spent) {
      sandbox.dispose();
      entry.sandbox = null;
    }
    return {
      type: 'done',
      callId: message.callId,
      outcome: finished.outcome,
      logs: finished.logs,
      cpuMs: finished.cpuMs + loadMs,
    };
  };
  return report instanceof Promise ? report.then(done) : done(report);
}

function answerFor(message: CallMessage): DoneMessage | Promise<DoneMessage> {
  busyKey = message.key;
  let answer: DoneMessage | Promise<DoneMessage>;
  try {
    answer = runCall(message);
  } catch (error) {
    return ended(failedCall(message, error));
  }
  return answer instanceof Promise ? answer.then(ended, (error: unknown) => ended(failedCall(message, error))) : ended(answer);
}

function failedCall(message: CallMessage, error: unknown): DoneMessage {
  drop(message.key);
  return {
    type: 'done',
    callId: message.callId,
    outcome: { ok: false, kind: 'load', detail: error instanceof Error ? error.message : String(error) },
    logs: [],
    cpuMs: 0,
  };
}

function ended(done: DoneMessage): DoneMessage {
  busyKey = null;
  for (const key of forgotten) drop(key);
  forgotten.clear();
  return done;
}

/**
 * Runs a call that came by port, then, while the pool keeps offering warm calls within
 * `spinMicros` of each answer, the ones it offers on the channel (see SpinChannel), and any that
 * came by port meanwhile.
 */
async function serve(first: CallMessage): Promise<void> {
  let call: CallMessage | null = first;
  for (let chained = 1; call; chained++) {
    const answer = answerFor(call);
    const done = answer instanceof Promise ? await answer : answer;
    const listening = spinMicros > 0 && chained < MAX_CHAIN;
    // Listening before the answer leaves: the pool may offer the next call the moment it has it.
    if (listening) channel.listen();
    if (!channel.answer(done)) post(done);
    // A call the pool posted stopped the spin (SpinChannel.wake): it is on the port already.
    call = fromPort() ?? (listening ? (channel.take(spinMicros) ?? fromPort()) : null);
  }
}

/**
 * Reads the port without waiting for the event loop (a few tens of nanoseconds when it is empty):
 * a `forget` is carried out, a call is returned to be served next.
 */
function fromPort(): CallMessage | null {
  for (let received = receiveMessageOnPort(port); received; received = receiveMessageOnPort(port)) {
    const message = received.message as ToWorker;
    if (message.type === 'call') return message;
    forget(message.key);
  }
  return null;
}

function forget(key: string): void {
  if (busyKey === key) forgotten.add(key);
  else drop(key);
}

port.on('message', (message: ToWorker) => {
  if (message.type === 'forget') forget(message.key);
  else void serve(message);
});

/**
 * V8 compiles a WebAssembly function on its first call, in each thread: a fresh worker's first
 * guest call paid for compiling QuickJS's common paths (seconds on a loaded machine) inside its
 * time limit. One throwaway call before `ready` pays it where no call is waiting.
 */
async function warmUp(): Promise<void> {
  // Node loads fetch (undici) on first touch; a brokered request should not pay for it in guest time.
  void globalThis.fetch;
  const code = `globalThis.__matterflowPlugin = { hooks: {
    validate: (input, ctx) => { ctx.log.info('warm'); try { null.x; } catch (e) { String(e); } return { errors: [input.a] }; },
    route: async (input) => { await null; throw new Error('warm ' + JSON.stringify(input)); },
  } };`;
  const limits = { ...DEFAULT_SANDBOX_LIMITS, timeoutMs: 60_000 };
  const loaded = await VersionSandbox.load(wasmModule, code, NO_GRANTS, limits, () => undefined);
  if ('failure' in loaded) return;
  for (const hook of ['validate', 'route', 'validate', 'route'])
    await loaded.sandbox.call(hook, '{"a":[1,"二",{"b":null}]}', '{}', limits, () => undefined);
  loaded.sandbox.dispose();
}

void warmUp()
  .catch(() => undefined)
  .finally(() => post({ type: 'ready' }));
