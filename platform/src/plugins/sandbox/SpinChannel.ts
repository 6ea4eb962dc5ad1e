import type { CallMessage, DoneMessage } from './workerProtocol';

/**
 * The warm-call fast path between the pool and one worker: a SharedArrayBuffer both threads wait
 * on for a bounded time (spinning, then sleeping on the word), instead of `postMessage`, whose cost
 * on this machine kind is mostly waking the other thread through the event loop
 * (docs/plugin-sandbox.md). Each hand-over is a compare-and-swap on a word, so a side that stopped
 * waiting is never handed anything: the sender sees the swap fail and posts the message on the
 * port as before, where the watchdog and every failure path already live.
 *
 * Two words, each with one writer per transition:
 * - `CALL`: the worker stores LISTENING when it is about to spin for a next call; the pool swaps
 *   LISTENING → OFFERED after writing the call, or LISTENING → ASLEEP when it posts a call (one
 *   with code or grants) so the worker reads its port now; the worker swaps LISTENING → ASLEEP
 *   when it stops.
 * - `ANSWER`: the pool stores WAITING when it will spin for the answer; the worker swaps
 *   WAITING → ANSWERED after writing the answer; the pool swaps WAITING → NOT_WAITING when it stops.
 * Calls carry no code or grants here (a call that needs them goes by port), and anything that does
 * not fit its region goes by port too. A call's key, hook and options are nearly always those of
 * the call before: they are written only when they changed (length SAME otherwise), and each side
 * remembers the last ones a call handed over carried.
 */
/*
 * Layout: each word a thread spins on has a cache line (64 bytes) to itself, and what each side
 * writes sits on lines of its own, so a spinning reader does not pull a line away from the writer
 * for every store (measured: about a microsecond a call on this machine kind).
 */
const LINE_WORDS = 16;
const CALL = 0;
const ANSWER = LINE_WORDS;
/** Int32 words: byte lengths of the call's parts (line 2); of the answer's, and whether it is ok (line 3). */
const CALL_PARTS = 2 * LINE_WORDS;
const ANSWER_PARTS = 3 * LINE_WORDS;
const ANSWER_OK = ANSWER_PARTS + 2;
const WORDS = 4 * LINE_WORDS;
/** Float64 slots: the call's id and limits (line 4), then the answer's id and time (line 5). */
const CALL_NUMBERS_OFFSET = WORDS * 4;
const LIMIT_KEYS = ['timeoutMs', 'memoryBytes', 'stackBytes', 'inputBytes', 'outputBytes', 'httpTimeoutMs'] as const;
const CALL_ID = 0;
const CALL_LIMITS = 1;
const ANSWER_NUMBERS_OFFSET = CALL_NUMBERS_OFFSET + 64;
const ANSWER_ID = 0;
const ANSWER_CPU = 1;
const CONTROL_BYTES = ANSWER_NUMBERS_OFFSET + 64;

const ASLEEP = 0;
const LISTENING = 1;
const OFFERED = 2;

const NOT_WAITING = 0;
const WAITING = 1;
const ANSWERED = 2;

/** Each direction's region: the default 64 KB input or output with room for logs and names. */
const REGION_BYTES = 160 * 1024;
/**
 * How long a side spins before it sleeps on the word for the rest of its wait (see waitWhile):
 * longer than most warm calls, since waking a sleeping thread costs about 45 µs on this machine kind.
 */
const SPIN_FIRST_MICROS = 100;
/** A part's length word: the same text as the last call handed over had there. */
const SAME = -1;
/** Of the call's parts (key, hook, input, options), the ones that may be SAME. */
const REPEATABLE = [true, true, false, true] as const;

export class SpinChannel {
  private readonly words: Int32Array;
  private readonly callNumbers: Float64Array;
  private readonly answerNumbers: Float64Array;
  private readonly calls: Buffer;
  private readonly answers: Buffer;
  /** The parts of the last call handed over: what the pool wrote (pool side), what it read (worker side). */
  private lastParts: string[] = ['', '', '', ''];

  static createBuffer(): SharedArrayBuffer {
    return new SharedArrayBuffer(CONTROL_BYTES + 2 * REGION_BYTES);
  }

  constructor(buffer: SharedArrayBuffer) {
    this.words = new Int32Array(buffer, 0, WORDS);
    this.callNumbers = new Float64Array(buffer, CALL_NUMBERS_OFFSET, CALL_LIMITS + LIMIT_KEYS.length);
    this.answerNumbers = new Float64Array(buffer, ANSWER_NUMBERS_OFFSET, ANSWER_CPU + 1);
    this.calls = Buffer.from(buffer, CONTROL_BYTES, REGION_BYTES);
    this.answers = Buffer.from(buffer, CONTROL_BYTES + REGION_BYTES, REGION_BYTES);
  }

  /**
   * Pool: hands a warm call to a worker that is spinning for one; false when it is not (or the call
   * does not fit), and the call must go by port. With `spinForAnswer` the worker will hand the
   * answer back here if `awaitAnswer` is still spinning when it is ready.
   */
  offer(call: CallMessage, spinForAnswer: boolean): boolean {
    const parts = [call.key, call.hook, call.inputJson, call.optionsJson];
    if (!write(this.calls, this.words, CALL_PARTS, parts, this.lastParts)) return false;
    this.callNumbers[CALL_ID] = call.callId;
    for (let i = 0; i < LIMIT_KEYS.length; i++) this.callNumbers[CALL_LIMITS + i] = call.limits[LIMIT_KEYS[i] ?? 'timeoutMs'];
    // The stores below publish the plain writes above (Atomics are sequentially consistent).
    Atomics.store(this.words, ANSWER, spinForAnswer ? WAITING : NOT_WAITING);
    if (Atomics.compareExchange(this.words, CALL, LISTENING, OFFERED) === LISTENING) {
      Atomics.notify(this.words, CALL);
      this.lastParts = parts;
      return true;
    }
    // Not taken: the worker still remembers the parts of the last call it did take.
    Atomics.store(this.words, ANSWER, NOT_WAITING);
    return false;
  }

  /** Pool, about to post a call: a worker spinning for one stops and reads its port at once. */
  wake(): void {
    if (Atomics.compareExchange(this.words, CALL, LISTENING, ASLEEP) === LISTENING) Atomics.notify(this.words, CALL);
  }

  /** Pool: waits up to `micros` for the answer to the call offered; null: it will come by port. */
  awaitAnswer(micros: number): DoneMessage | null {
    if (!waitWhile(this.words, ANSWER, WAITING, micros)) {
      if (Atomics.compareExchange(this.words, ANSWER, WAITING, NOT_WAITING) === WAITING) return null;
    }
    if (Atomics.load(this.words, ANSWER) !== ANSWERED) return null;
    const [outcomeText = '', logsText = ''] = read(this.answers, this.words, ANSWER_PARTS, 2);
    const ok = Atomics.load(this.words, ANSWER_OK) === 1;
    const done: DoneMessage = {
      type: 'done',
      callId: this.answerNumbers[ANSWER_ID] ?? 0,
      cpuMs: this.answerNumbers[ANSWER_CPU] ?? 0,
      outcome: ok ? { ok: true, outputJson: outcomeText } : (JSON.parse(outcomeText) as DoneMessage['outcome']),
      logs: logsText === '' ? [] : (JSON.parse(logsText) as DoneMessage['logs']),
    };
    Atomics.store(this.words, ANSWER, NOT_WAITING);
    return done;
  }

  /** Worker: says it will spin for a next call (before answering, so the pool can offer one at once). */
  listen(): void {
    Atomics.store(this.words, CALL, LISTENING);
  }

  /** Worker: hands the answer over if the pool still spins for it; false: post it. */
  answer(done: DoneMessage): boolean {
    if (Atomics.load(this.words, ANSWER) !== WAITING) return false;
    const outcome = done.outcome.ok ? done.outcome.outputJson : JSON.stringify(done.outcome);
    const logs = done.logs.length === 0 ? '' : JSON.stringify(done.logs);
    if (!write(this.answers, this.words, ANSWER_PARTS, [outcome, logs], null)) return false;
    this.answerNumbers[ANSWER_ID] = done.callId;
    this.answerNumbers[ANSWER_CPU] = done.cpuMs;
    Atomics.store(this.words, ANSWER_OK, done.outcome.ok ? 1 : 0);
    if (Atomics.compareExchange(this.words, ANSWER, WAITING, ANSWERED) !== WAITING) return false;
    Atomics.notify(this.words, ANSWER);
    return true;
  }

  /** Worker, after `listen`: waits up to `micros` for a call; null: none came and the channel sleeps. */
  take(micros: number): CallMessage | null {
    if (!waitWhile(this.words, CALL, LISTENING, micros)) {
      if (Atomics.compareExchange(this.words, CALL, LISTENING, ASLEEP) === LISTENING) return null;
    }
    // Woken (not offered): the call is on the port.
    if (Atomics.load(this.words, CALL) !== OFFERED) return null;
    const key = this.part(0, 0);
    const hook = this.part(1, key.end);
    const inputEnd = hook.end + Atomics.load(this.words, CALL_PARTS + 2);
    const options = this.part(3, inputEnd);
    this.lastParts = [key.text, hook.text, '', options.text];
    const n = this.callNumbers;
    const call: CallMessage = {
      type: 'call',
      callId: n[CALL_ID] ?? 0,
      key: key.text,
      hook: hook.text,
      inputJson: '',
      inputBytes: this.calls.subarray(hook.end, inputEnd),
      optionsJson: options.text,
      limits: {
        timeoutMs: n[CALL_LIMITS] ?? 0,
        memoryBytes: n[CALL_LIMITS + 1] ?? 0,
        stackBytes: n[CALL_LIMITS + 2] ?? 0,
        inputBytes: n[CALL_LIMITS + 3] ?? 0,
        outputBytes: n[CALL_LIMITS + 4] ?? 0,
        httpTimeoutMs: n[CALL_LIMITS + 5] ?? 0,
      },
    };
    Atomics.store(this.words, CALL, ASLEEP);
    return call;
  }

  /** Worker: the call's part `index`, written from `offset` or SAME as the last call's. */
  private part(index: number, offset: number): { text: string; end: number } {
    const length = Atomics.load(this.words, CALL_PARTS + index);
    if (length === SAME) return { text: this.lastParts[index] ?? '', end: offset };
    return { text: this.calls.toString('utf8', offset, offset + length), end: offset + length };
  }
}

/**
 * Waits while the word holds `value`, up to `micros`; true when it changed. It spins for the first
 * SPIN_FIRST_MICROS (a warm call or the next one usually comes within them), then sleeps on the
 * word (Atomics.wait; the other side notifies after each swap): a side that waits longer gives its
 * core back, which the side it waits for may need when the machine has no other free core.
 */
function waitWhile(words: Int32Array, index: number, value: number, micros: number): boolean {
  const started = performance.now();
  const spinUntil = started + Math.min(micros, SPIN_FIRST_MICROS) / 1000;
  for (let i = 1; ; i++) {
    if (Atomics.load(words, index) !== value) return true;
    if ((i & 63) === 0 && performance.now() > spinUntil) break;
  }
  const until = started + micros / 1000;
  for (let left = until - performance.now(); left > 0; left = until - performance.now()) {
    if (Atomics.wait(words, index, value, left) === 'not-equal') return true;
  }
  return Atomics.load(words, index) !== value;
}

/**
 * Writes the parts one after another, their byte lengths in the words from `first`; a repeatable
 * part equal to the one in `last` is not written (SAME). False if they do not fit.
 */
function write(
  region: Buffer,
  words: Int32Array,
  first: number,
  parts: readonly string[],
  last: readonly string[] | null,
): boolean {
  let offset = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] ?? '';
    if (last !== null && REPEATABLE[i] === true && part === last[i]) {
      Atomics.store(words, first + i, SAME);
      continue;
    }
    // utf8 is at most 3 bytes per UTF-16 unit: check the exact length only when it could overflow.
    if (offset + part.length * 3 > region.length && offset + Buffer.byteLength(part) > region.length) return false;
    const written = part.length === 0 ? 0 : region.write(part, offset, 'utf8');
    Atomics.store(words, first + i, written);
    offset += written;
  }
  return true;
}

function read(region: Buffer, words: Int32Array, first: number, count: number): string[] {
  const parts: string[] = [];
  let offset = 0;
  for (let i = 0; i < count; i++) {
    const length = Atomics.load(words, first + i);
    parts.push(length === 0 ? '' : region.toString('utf8', offset, offset + length));
    offset += length;
  }
  return parts;
}
