import { describe, expect, it } from 'vitest';
import type { QuickJSContext, QuickJSHandle } from 'quickjs-emscripten';
import { HookInvoker } from './HookInvoker';

describe('HookInvoker', () => {
  it('names what a quickjs-emscripten upgrade took away instead of calling into nothing', () => {
    const context = { ffi: { QTS_Call: () => 0 }, ctx: { value: 8 } } as unknown as QuickJSContext;
    const handle = { value: 16 } as unknown as QuickJSHandle;
    expect(() => HookInvoker.create(context, handle, new ArrayBuffer(64))).toThrow(
      'quickjs-emscripten no longer has ffi.QTS_NewString, ffi.QTS_GetString, module._malloc, memory.heapValueHandle',
    );
  });
});
