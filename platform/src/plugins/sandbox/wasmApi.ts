/**
 * The WebAssembly constructors the sandbox uses. The project's lib (ES2023 + node types) declares
 * WebAssembly's types but not its global values, so they are read off globalThis once, typed here.
 */
interface WasmApi {
  // Node's types declare no WebAssembly.Memory; what the sandbox reads of one is its buffer.
  Memory: new (descriptor: { initial: number; maximum?: number }) => { readonly buffer: ArrayBuffer };
  Module: new (bytes: Uint8Array) => WebAssembly.Module;
  RuntimeError: new (message?: string) => Error;
}

export const wasmApi = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
