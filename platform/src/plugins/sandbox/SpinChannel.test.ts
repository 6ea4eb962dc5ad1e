import { describe, expect, it } from 'vitest';
import { resolveLimits } from './createSandboxPool';
import { SpinChannel } from './SpinChannel';
import type { CallMessage, DoneMessage } from './workerProtocol';

/** Both ends in one thread: each hand-over is decided by the words alone, so it can be stepped. */
function ends(): { pool: SpinChannel; worker: SpinChannel } {
  const buffer = SpinChannel.createBuffer();
  return { pool: new SpinChannel(buffer), worker: new SpinChannel(buffer) };
}

const call = (callId: number, inputJson = '{"form":{"name":"张三"}}'): CallMessage => ({
  type: 'call',
  callId,
  key: 'fee-budongchan@1.0.0',
  hook: 'computeFees',
  inputJson,
  optionsJson: '{"rate":80}',
  limits: { ...resolveLimits(undefined), timeoutMs: 150 },
});

/** What the worker takes: the same call, its input as the UTF-8 bytes in the shared region. */
function taken(message: CallMessage | null): CallMessage | null {
  if (!message) return null;
  const { inputBytes, ...rest } = message;
  return { ...rest, inputJson: Buffer.from(inputBytes ?? []).toString('utf8') };
}

const done = (callId: number): DoneMessage => ({
  type: 'done',
  callId,
  outcome: { ok: true, outputJson: '{"fees":[{"name":"登记费","amount":80}]}' },
  logs: [{ level: 'info', message: '住宅' }],
  cpuMs: 0.042,
});

describe('SpinChannel', () => {
  it('hands a call to a listening worker and its answer back to a waiting pool, intact', () => {
    const { pool, worker } = ends();
    worker.listen();
    expect(pool.offer(call(7), true)).toBe(true);
    expect(taken(worker.take(0))).toEqual(call(7));
    expect(worker.answer(done(7))).toBe(true);
    expect(pool.awaitAnswer(0)).toEqual(done(7));
    // A failure and no logs cross too.
    worker.listen();
    expect(pool.offer(call(8), true)).toBe(true);
    expect(worker.take(0)?.callId).toBe(8);
    const failed: DoneMessage = {
      type: 'done',
      callId: 8,
      outcome: { ok: false, kind: 'throw', detail: 'Error: 面积缺失' },
      logs: [],
      cpuMs: 1,
    };
    expect(worker.answer(failed)).toBe(true);
    expect(pool.awaitAnswer(0)).toEqual(failed);
  });

  it('refuses a call when the worker is not listening, or has stopped, so it goes by port', () => {
    const { pool, worker } = ends();
    expect(pool.offer(call(1), true)).toBe(false);
    worker.listen();
    // Nothing offered within the spin: the worker goes to sleep, and a later offer is refused.
    expect(worker.take(0)).toBeNull();
    expect(pool.offer(call(2), true)).toBe(false);
    // The refused offer left the pool not waiting: the worker must post its answer.
    expect(worker.answer(done(2))).toBe(false);
  });

  it('a worker woken for a call on its port stops spinning and takes nothing from the channel', () => {
    const { pool, worker } = ends();
    worker.listen();
    pool.wake();
    // Asleep now: nothing more can be offered, and the worker does not wait for an offer.
    expect(pool.offer(call(9), true)).toBe(false);
    expect(worker.take(0)).toBeNull();
    // Woken a moment after an offer, the call offered stands.
    worker.listen();
    expect(pool.offer(call(10), true)).toBe(true);
    pool.wake();
    expect(worker.take(0)?.callId).toBe(10);
  });

  it('an answer ready after the pool stopped waiting is refused and the pool goes to the port', () => {
    const { pool, worker } = ends();
    worker.listen();
    expect(pool.offer(call(3), true)).toBe(true);
    expect(worker.take(0)?.callId).toBe(3);
    expect(pool.awaitAnswer(0)).toBeNull();
    expect(worker.answer(done(3))).toBe(false);
    // Not waiting from the start: the answer goes by port too.
    worker.listen();
    expect(pool.offer(call(4), false)).toBe(true);
    expect(worker.take(0)?.callId).toBe(4);
    expect(worker.answer(done(4))).toBe(false);
  });

  it("a call's key, hook and options cross right whether they repeat, change, or a refused offer came between", () => {
    const { pool, worker } = ends();
    const variant = (callId: number, key: string, hook: string, optionsJson: string): CallMessage => ({
      ...call(callId, `{"n":${callId}}`),
      key,
      hook,
      optionsJson,
    });
    const sequence = [
      variant(1, 'a@1', 'validate', '{"x":1}'),
      variant(2, 'a@1', 'validate', '{"x":1}'),
      variant(3, 'a@1', 'computeFees', '{"x":1}'),
      variant(4, 'b@2', 'computeFees', '{"费率":"住宅"}'),
      variant(5, 'b@2', 'computeFees', ''),
      variant(6, 'b@2', 'computeFees', '{"x":1}'),
    ];
    for (const message of sequence) {
      worker.listen();
      expect(pool.offer(message, false)).toBe(true);
      expect(taken(worker.take(0))).toEqual(message);
    }
    // Refused: the worker never saw this one's options, so the next call with them must carry them.
    expect(pool.offer(variant(7, 'c@3', 'route', '{"y":2}'), false)).toBe(false);
    const next = variant(8, 'c@3', 'route', '{"y":2}');
    worker.listen();
    expect(pool.offer(next, false)).toBe(true);
    expect(taken(worker.take(0))).toEqual(next);
  });

  it('a call or an answer larger than its region is refused, not cut', () => {
    const { pool, worker } = ends();
    worker.listen();
    const huge = JSON.stringify({ text: '字'.repeat(60_000) });
    expect(pool.offer(call(5, huge), true)).toBe(false);
    expect(pool.offer(call(6), true)).toBe(true);
    expect(worker.take(0)?.callId).toBe(6);
    const big: DoneMessage = { ...done(6), outcome: { ok: true, outputJson: huge } };
    expect(worker.answer(big)).toBe(false);
  });
});
