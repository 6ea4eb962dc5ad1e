import { afterAll, describe, expect, it } from 'vitest';
import { createSandboxPool } from './createSandboxPool';
import { DEFAULT_SANDBOX_LIMITS } from './SandboxPool';
import { sandboxRequest } from './testPlugins';

/**
 * Issue 10's hostile plugins: each ends in its own failure kind within its limit, and the same
 * worker (or its replacement) goes on answering a healthy call afterwards.
 */
const pool = createSandboxPool({ quota: { callsPerMinute: 100_000, cpuMsPerMinute: 6_000_000 } });
afterAll(() => pool.close());

const { timeoutMs } = DEFAULT_SANDBOX_LIMITS;
/** The hard stop's margin, plus slack for a shared two-core machine. */
const WITHIN_MS = timeoutMs + 100 + 1500;
const BOMB_TIMEOUT_MS = 8000;

async function stillHealthy() {
  const result = await pool.run(sandboxRequest(`validate: () => ({ errors: [] })`));
  expect(result).toMatchObject({ ok: true, output: { errors: [] } });
}

describe('hostile plugins', () => {
  it.each([
    ['an infinite loop', `validate: () => { for (;;) {} }`],
    ['"ab".repeat in a loop', `validate: () => { let s = ''; for (;;) { s = 'ab'.repeat(5e6); s = s.split('').join(''); } }`],
    ['a loop awaiting itself', `validate: async () => { for (;;) { await null; } }`],
  ])('%s ends in timeout within its limit', async (_name, hooks) => {
    // A warm version, so the wall time is the call's and not the module's creation; memory room
    // enough that only the time limit can end it (a 10-million-element split may reach 32 MB first).
    const warm = sandboxRequest(`route: () => ({ branch: 'a' }), ${hooks}`, {
      pluginId: 'looper',
      limits: { memoryBytes: 1024 * 1024 * 1024 },
    });
    await pool.run({ ...warm, hook: 'route' });
    const result = await pool.run(warm);
    expect(result).toMatchObject({
      ok: false,
      kind: 'timeout',
      message: expect.stringMatching(/^插件 looper 1\.0\.\d+ 的 validate 超时（200 毫秒）$/),
    });
    expect(result.wallMs).toBeLessThan(WITHIN_MS);
    await stillHealthy();
  });

  it.each([
    ['strings', `validate: () => { const keep = []; for (let i = 0; ; i += 1) keep.push('ab'.repeat(1 << 19) + i); }`],
    ['arrays', `validate: () => { const keep = []; for (;;) keep.push([1, 2, 3, 4, 5, 6, 7, 8, {}, []]); }`],
    ['typed arrays', `validate: () => { const keep = []; for (;;) keep.push(new Float64Array(1 << 18)); }`],
    ['one huge typed array', `validate: () => ({ n: new Uint8Array(512 * 1024 * 1024).length })`],
    ['a string doubling', `validate: () => { let s = 'x'; for (;;) s = s + s; }`],
  ])('a memory bomb of %s ends in memory', async (_name, hooks) => {
    // The time limit is raised so that memory is the limit under test (a loaded machine fills
    // 32 MB slower than 200 ms).
    const result = await pool.run(sandboxRequest(hooks, { pluginId: 'bomb', limits: { timeoutMs: BOMB_TIMEOUT_MS } }));
    expect(result).toMatchObject({
      ok: false,
      kind: 'memory',
      message: expect.stringMatching(/^插件 bomb 1\.0\.\d+ 的 validate 内存超限（32 MB）$/),
    });
    expect(result.wallMs).toBeLessThan(BOMB_TIMEOUT_MS);
    await stillHealthy();
  });

  it('deep recursion ends in stack, also with the largest stack a request may ask for', async () => {
    const hooks = `validate: () => { const down = (n) => down(n + 1) + 1; return { n: down(0) }; }`;
    const plain = await pool.run(sandboxRequest(hooks, { pluginId: 'deep', version: '1.0.0' }));
    expect(plain).toMatchObject({ ok: false, kind: 'stack', message: '插件 deep 1.0.0 的 validate 调用栈过深' });
    const asked = await pool.run(sandboxRequest(hooks, { limits: { stackBytes: 64 * 1024 * 1024 } }));
    expect(asked).toMatchObject({ ok: false, kind: 'stack' });
    // A deeply nested answer: QuickJS's JSON.stringify checks cycles by a linear scan (quadratic,
    // inside one built-in), so this ends by the hard stop or in its stack check, never in a crash.
    const inJson = await pool.run(
      sandboxRequest(`validate: () => { let v = []; for (let i = 0; i < 2e4; i += 1) v = [v]; return v; }`),
    );
    expect(inJson.ok).toBe(false);
    expect(['stack', 'timeout']).toContain(inJson.ok ? '' : inJson.kind);
    await stillHealthy();
  });

  it('sees no host: constructor chains, require, process, import() and timers find nothing', async () => {
    const probe = await pool.run(
      sandboxRequest(`validate: (input, ctx) => ({
        viaFunction: (function () {}).constructor('return typeof process')(),
        viaThis: (function () { return this; }).constructor.constructor('return typeof require')(),
        viaCtx: ctx.log.info.constructor('return typeof globalThis.process')(),
        viaInput: input.constructor.constructor('return Object.keys(globalThis).join()')(),
        globals: [typeof require, typeof process, typeof module, typeof setTimeout, typeof setInterval, typeof queueMicrotask, typeof fetch, typeof __mfBridge, typeof std, typeof os],
      })`),
    );
    expect(probe).toMatchObject({
      ok: true,
      output: {
        viaFunction: 'undefined',
        viaThis: 'undefined',
        viaCtx: 'undefined',
        viaInput: '__matterflowPlugin',
        globals: Array(10).fill('undefined'),
      },
    });
    for (const hooks of [
      `validate: () => require('fs')`,
      `validate: () => process.exit(1)`,
      `validate: () => (function () {}).constructor('return process')().exit(1)`,
      `validate: async () => { const fs = await import('fs'); return { ok: typeof fs }; }`,
      `validate: () => { setTimeout(() => {}, 1); return {}; }`,
    ]) {
      const result = await pool.run(sandboxRequest(hooks));
      expect(result, hooks).toMatchObject({ ok: false, kind: 'throw' });
      expect(result.ok ? '' : result.message).toMatch(/^插件 id-check 1\.0\.\d+ 的 validate 抛出错误：/);
    }
    expect(process.exitCode ?? 0).toBe(0);
  });

  it('keeps prototype pollution in the guest', async () => {
    const hooks = `validate: (input) => {
      Object.prototype.polluted = 'guest';
      input.__proto__.alsoPolluted = 'guest';
      JSON.parse('{"__proto__": {"viaJson": 1}}');
      return { seen: ({}).polluted, input };
    }`;
    const result = await pool.run(sandboxRequest(hooks, { input: JSON.parse('{"__proto__": {"x": 1}, "a": 1}') }));
    expect(result.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).alsoPolluted).toBeUndefined();
    expect(({} as Record<string, unknown>).viaJson).toBeUndefined();
    expect(Object.getPrototypeOf(result.ok ? result.output : null)).toBe(Object.prototype);
  });

  it.each([
    ['undefined', `validate: () => undefined`, 'output_invalid'],
    ['a function', `validate: () => () => 1`, 'output_invalid'],
    ['a nested function', `validate: () => ({ errors: [], then: { f() {} } })`, 'output_invalid'],
    ['a cycle', `validate: () => { const a = {}; a.self = a; return a; }`, 'output_invalid'],
    ['a function in an array', `validate: () => ({ errors: [1, Math.max] })`, 'output_invalid'],
    ['a BigInt', `validate: () => ({ n: 10n })`, 'output_invalid'],
    ['a BigInt in an array', `validate: () => [[10n]]`, 'output_invalid'],
    ['a symbol', `validate: () => Symbol('x')`, 'output_invalid'],
    ['a promise that never settles', `validate: () => new Promise(() => {})`, 'output_invalid'],
    ['100 KB of text', `validate: () => ({ text: 'x'.repeat(100 * 1024) })`, 'output_too_large'],
    ['30,000 Chinese characters (90 KB in UTF-8)', `validate: () => ({ text: '字'.repeat(30000) })`, 'output_too_large'],
  ])('an answer of %s ends in %s', async (_name, hooks, kind) => {
    const result = await pool.run(sandboxRequest(hooks));
    expect(result).toMatchObject({ ok: false, kind });
  });

  it('a symbol or undefined inside the answer is left out, as JSON.stringify leaves it', async () => {
    const result = await pool.run(
      sandboxRequest(`validate: () => ({ errors: [], s: Symbol('x'), u: undefined, list: [Symbol('y')] })`),
    );
    expect(result).toMatchObject({ ok: true, output: { errors: [], list: [null] } });
    expect(Object.keys(result.ok ? (result.output as object) : {})).toEqual(['errors', 'list']);
  });

  it("the plugin's own JSON.stringify still leaves functions out, and the answer still refuses them", async () => {
    const hooks = `validate: () => {
      const text = JSON.stringify({ a: 1, f() {}, list: [() => 2] }) + JSON.stringify({ g() {} }, (k, v) => (typeof v === 'function' ? 'fn' : v));
      let bigint = '';
      try { JSON.stringify({ n: 1n }); } catch (e) { bigint = e.name; }
      return { text, bigint, later: [function later() {}] };
    }`;
    const result = await pool.run(sandboxRequest(hooks));
    expect(result).toMatchObject({ ok: false, kind: 'output_invalid' });
    const kept = await pool.run(sandboxRequest(hooks.replace('later: [function later() {}]', 'later: []')));
    expect(kept).toMatchObject({ ok: true, output: { text: '{"a":1,"list":[null]}{"g":"fn"}', bigint: 'TypeError', later: [] } });
  });

  it('an answer just under the cap passes', async () => {
    const result = await pool.run(sandboxRequest(`validate: () => 'x'.repeat(64 * 1024 - 2)`));
    expect(result).toMatchObject({ ok: true });
  });

  it('a throw names the guest error, cut short', async () => {
    const result = await pool.run(
      sandboxRequest(`validate: () => { throw new TypeError('身份证号校验失败' + 'x'.repeat(5000)); }`, {
        pluginId: 'id-check',
        version: '9.9.9',
      }),
    );
    expect(result).toMatchObject({ ok: false, kind: 'throw' });
    const message = result.ok ? '' : result.message;
    expect(message.startsWith('插件 id-check 9.9.9 的 validate 抛出错误：TypeError: 身份证号校验失败xxx')).toBe(true);
    expect(message.length).toBeLessThan(300);
    const thrownText = await pool.run(sandboxRequest(`validate: () => { throw 'plain text'; }`));
    expect(thrownText).toMatchObject({ ok: false, kind: 'throw', message: expect.stringContaining('plain text') });
    const rejected = await pool.run(sandboxRequest(`validate: async () => { throw new Error('async no'); }`));
    expect(rejected).toMatchObject({ ok: false, kind: 'throw', message: expect.stringContaining('Error: async no') });
  });

  it('refuses input over the cap without running', async () => {
    const result = await pool.run(sandboxRequest(`validate: () => ({})`, { input: { text: 'x'.repeat(70 * 1024) } }));
    expect(result).toMatchObject({ ok: false, kind: 'input_too_large' });
  });

  it('a version whose code does not load fails as load', async () => {
    const syntax = await pool.run({ ...sandboxRequest(''), code: 'this is not javascript' });
    expect(syntax).toMatchObject({ ok: false, kind: 'load' });
    const nothing = await pool.run({ ...sandboxRequest(''), code: '1 + 1' });
    expect(nothing).toMatchObject({ ok: false, kind: 'load' });
    const topLoop = await pool.run({ ...sandboxRequest(''), code: 'for (;;) {}' });
    expect(topLoop).toMatchObject({ ok: false, kind: 'timeout' });
  });
});
