import type { QuickJSContext, QuickJSHandle } from 'quickjs-emscripten';

/**
 * A warm hook call's way into QuickJS through the library's C functions, not its handle API.
 * quickjs-emscripten's `newString` / `callFunction` / `getString` encode UTF-8 in JavaScript loops
 * and allocate a handle object per value; for a 450-byte input that glue was a fifth of the call,
 * and V8 optimised it well or badly at random per process (25 or 31 µs for the same call,
 * docs/plugin-sandbox.md). Here the strings are written into the guest's heap by Node's native
 * UTF-8 encoder (or copied in as UTF-8 bytes) and read back the same way, and the call's values are
 * plain pointers freed at once.
 *
 * It reaches into the context's `ffi`, `module`, `ctx` and `memory` members, which quickjs-emscripten
 * keeps protected: the package is pinned (0.32.0) and `create` checks each one, so an upgrade that
 * moves them fails every load with a clear message instead of misbehaving.
 */
interface Ffi {
  QTS_NewString(ctx: number, chars: number): number;
  QTS_NewFloat64(ctx: number, value: number): number;
  QTS_Call(ctx: number, fn: number, self: number, argc: number, argv: number): number;
  QTS_ResolveException(ctx: number, value: number): number;
  QTS_GetString(ctx: number, value: number): number;
  QTS_FreeCString(ctx: number, chars: number): void;
  QTS_FreeValuePointer(ctx: number, value: number): void;
  QTS_GetUndefined(): number;
}

interface ContextInternals {
  ffi: Ffi;
  module: { _malloc(bytes: number): number; _free(pointer: number): void };
  ctx: { value: number };
  memory: { heapValueHandle(pointer: number): QuickJSHandle };
}

/** What the guest's call function answered: its string, or what it threw (a handle to classify and dispose). */
export type InvokeResult = { text: string; bytes: number } | { thrown: QuickJSHandle };

const ARGS = 4;
const FIRST_SCRATCH_BYTES = 4096;

export class HookInvoker {
  private scratch = 0;
  private scratchBytes = 0;
  /** The call's argument pointers, at the start of the scratch area. */
  private argv: Int32Array<ArrayBufferLike> = new Int32Array(0);

  private constructor(
    private readonly internals: ContextInternals,
    private readonly heap: Buffer,
    private readonly callFn: number,
  ) {}

  /** `heapBuffer`: the guest's WebAssembly memory, which never grows (its initial size is its maximum). */
  static create(context: QuickJSContext, callFn: QuickJSHandle, heapBuffer: ArrayBuffer): HookInvoker {
    const internals = context as unknown as Partial<ContextInternals>;
    const ffi = internals.ffi;
    const missing = [
      typeof ffi?.QTS_NewString !== 'function' && 'ffi.QTS_NewString',
      typeof ffi?.QTS_Call !== 'function' && 'ffi.QTS_Call',
      typeof ffi?.QTS_GetString !== 'function' && 'ffi.QTS_GetString',
      typeof internals.module?._malloc !== 'function' && 'module._malloc',
      typeof internals.ctx?.value !== 'number' && 'ctx.value',
      typeof internals.memory?.heapValueHandle !== 'function' && 'memory.heapValueHandle',
    ].filter(Boolean);
    if (missing.length > 0) throw new Error(`quickjs-emscripten no longer has ${missing.join(', ')}`);
    const pointer = (callFn as unknown as { value: unknown }).value;
    if (typeof pointer !== 'number') throw new Error('quickjs-emscripten handles no longer hold a pointer');
    return new HookInvoker(internals as ContextInternals, Buffer.from(heapBuffer), pointer);
  }

  /**
   * Calls the guest's call function with the hook's name, input and options JSON, and the output
   * cap. The input may come as its UTF-8 bytes (from the spin channel), copied in as they are.
   */
  invoke(hook: string, input: string | Uint8Array, optionsJson: string, cap: number): InvokeResult {
    const { ffi, ctx } = this.internals;
    const context = ctx.value;
    const heap = this.heap;
    // Argument pointers first (aligned), then the three strings, each ending in NUL: JSON text and
    // hook names never hold a raw NUL.
    const strings = [hook, input, optionsJson];
    let need = ARGS * 4;
    for (const part of strings) need += (typeof part === 'string' ? part.length * 3 : part.length) + 1;
    if (need > this.scratchBytes) this.ensureScratch(need, strings);
    const base = this.scratch;
    const argv = this.argv;
    let offset = base + ARGS * 4;
    for (let i = 0; i < strings.length; i++) {
      const part = strings[i] ?? '';
      let written: number;
      if (typeof part === 'string') {
        written = heap.write(part, offset, 'utf8');
      } else {
        heap.set(part, offset);
        written = part.length;
      }
      heap[offset + written] = 0;
      argv[i] = ffi.QTS_NewString(context, offset);
      offset += written + 1;
    }
    argv[ARGS - 1] = ffi.QTS_NewFloat64(context, cap);
    const result = ffi.QTS_Call(context, this.callFn, ffi.QTS_GetUndefined(), ARGS, base);
    // Nothing else writes the scratch area during the call (one call at a time per sandbox).
    for (let i = 0; i < ARGS; i++) ffi.QTS_FreeValuePointer(context, argv[i] ?? 0);
    const thrown = ffi.QTS_ResolveException(context, result);
    if (thrown) {
      ffi.QTS_FreeValuePointer(context, result);
      return { thrown: this.internals.memory.heapValueHandle(thrown) };
    }
    // The prelude's call function answers a string and nothing else.
    const chars = ffi.QTS_GetString(context, result);
    const end = heap.indexOf(0, chars);
    const text = heap.toString('utf8', chars, end);
    ffi.QTS_FreeCString(context, chars);
    ffi.QTS_FreeValuePointer(context, result);
    return { text, bytes: end - chars };
  }

  /** Grows the scratch area to the call's exact need (the 3-bytes-a-unit bound is only a first guess). */
  private ensureScratch(bound: number, strings: readonly (string | Uint8Array)[]): void {
    let need = ARGS * 4;
    for (const part of strings) need += (typeof part === 'string' ? Buffer.byteLength(part) : part.length) + 1;
    if (need <= this.scratchBytes) return;
    const { module } = this.internals;
    const bytes = Math.max(FIRST_SCRATCH_BYTES, Math.min(bound, need * 2));
    const pointer = module._malloc(bytes);
    // The guest's heap is its memory limit: a guest that filled it leaves no room for its input.
    if (pointer === 0) throw new RangeError('out of memory: no room for the call in the guest heap');
    if (this.scratch !== 0) module._free(this.scratch);
    this.scratch = pointer;
    this.scratchBytes = bytes;
    this.argv = new Int32Array(this.heap.buffer, this.heap.byteOffset + pointer, ARGS);
  }
}
