import { afterAll, describe, expect, it } from 'vitest';
import { createSandboxPool } from './createSandboxPool';
import { sandboxRequest } from './testPlugins';

const pool = createSandboxPool({ quota: { callsPerMinute: 100_000, cpuMsPerMinute: 6_000_000 } });
afterAll(() => pool.close());

const healthy = `validate: (input, ctx) => { ctx.log.info('hi'); return { errors: [], name: input.form.name, strict: ctx.options.strict }; }`;

describe('createSandboxPool', () => {
  it('runs a plain plugin with its input, options and log', async () => {
    const result = await pool.run(sandboxRequest(healthy));
    expect(result).toMatchObject({
      ok: true,
      output: { errors: [], name: '张三', strict: true },
      logs: [{ level: 'info', message: 'hi' }],
    });
  });

  it('reuses a version’s context (its global state carries over) and forget drops it', async () => {
    const counter = sandboxRequest(`validate: () => { globalThis.n = (globalThis.n || 0) + 1; return { n: globalThis.n }; }`);
    const first = await pool.run(counter);
    const second = await pool.run(counter);
    expect(first).toMatchObject({ ok: true, output: { n: 1 } });
    expect(second).toMatchObject({ ok: true, output: { n: 2 } });
    pool.forget(counter.pluginId, counter.version);
    expect(await pool.run(counter)).toMatchObject({ ok: true, output: { n: 1 } });
  });

  it('a healthy plugin of another department keeps answering while a hostile one loops', async () => {
    const warmHealthy = sandboxRequest(healthy, { departmentCode: 'D-healthy' });
    await pool.run(warmHealthy);
    const looping = pool.run(
      sandboxRequest(`validate: () => { for (;;) {} }`, {
        departmentCode: 'D-hostile',
        limits: { timeoutMs: 3000 },
      }),
    );
    let loopDone = false;
    void looping.then(() => (loopDone = true));
    const answers = [];
    for (let i = 0; i < 5; i += 1) answers.push(await pool.run(warmHealthy));
    expect(loopDone).toBe(false);
    for (const answer of answers) expect(answer).toMatchObject({ ok: true });
    expect(await looping).toMatchObject({ ok: false, kind: 'timeout', message: expect.stringContaining('超时（3000 毫秒）') });
  });

  it('a call queued behind a hard-stopped one runs on the replacement worker', async () => {
    const hostile = pool.run(
      sandboxRequest(`validate: () => { let s = ''; for (;;) { s = 'ab'.repeat(5e6); s = s.split('').join(''); } }`, {
        departmentCode: 'D-queue',
        // Room enough that only the time limit can end it: the point is the hard stop, not the memory cap.
        limits: { memoryBytes: 1024 * 1024 * 1024 },
      }),
    );
    const queued = pool.run(sandboxRequest(healthy, { departmentCode: 'D-queue', pluginId: 'other-plugin' }));
    expect(await hostile).toMatchObject({ ok: false, kind: 'timeout' });
    expect(await queued).toMatchObject({ ok: true, output: { errors: [] } });
  });

  it('more departments than workers: the least recently used idle worker is retired, all answer', async () => {
    const small = createSandboxPool({ quota: { callsPerMinute: 1000, cpuMsPerMinute: 600_000 }, maxWorkers: 2 });
    try {
      const plugin = sandboxRequest(healthy);
      for (const departmentCode of ['A', 'B', 'C', 'A', 'C', 'B'])
        expect(await small.run({ ...plugin, departmentCode })).toMatchObject({ ok: true });
      const together = await Promise.all(['A', 'B', 'C', 'D'].map((departmentCode) => small.run({ ...plugin, departmentCode })));
      for (const answer of together) expect(answer).toMatchObject({ ok: true });
    } finally {
      await small.close();
    }
  });

  it('the host’s memory returns near where it was after memory bombs', async () => {
    const gc = (globalThis as { gc?: () => void }).gc;
    const bomb = `validate: () => { const keep = []; for (;;) keep.push(new Float64Array(1 << 18)); }`;
    await pool.run(sandboxRequest(bomb, { departmentCode: 'D-bomb', limits: { timeoutMs: 8000 } }));
    gc?.();
    const before = process.memoryUsage().rss;
    // Twelve bombs of 32 MB each: kept, they would hold ~384 MB.
    for (let i = 0; i < 12; i += 1) {
      const result = await pool.run(sandboxRequest(bomb, { departmentCode: 'D-bomb', limits: { timeoutMs: 8000 } }));
      expect(result).toMatchObject({ ok: false, kind: 'memory' });
    }
    gc?.();
    const grownMb = (process.memoryUsage().rss - before) / (1024 * 1024);
    expect(grownMb).toBeLessThan(160);
  });

  it('closing answers waiting calls instead of leaving them hanging', async () => {
    const closing = createSandboxPool({ quota: { callsPerMinute: 1000, cpuMsPerMinute: 600_000 } });
    const pending = closing.run(sandboxRequest(`validate: () => { for (;;) {} }`, { limits: { timeoutMs: 5000 } }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    await closing.close();
    expect(await pending).toMatchObject({ ok: false, kind: 'load', message: expect.stringContaining('沙箱已关闭') });
    expect(await closing.run(sandboxRequest(healthy))).toMatchObject({ ok: false, kind: 'load' });
  });
});

describe('quotas per department', () => {
  it('refuses calls over the minute’s count without running them, and usage reports it', async () => {
    let now = 1_000_000;
    const limited = createSandboxPool({ quota: { callsPerMinute: 2, cpuMsPerMinute: 600_000 }, now: () => now });
    try {
      const counter = sandboxRequest(`validate: () => { globalThis.n = (globalThis.n || 0) + 1; return { n: globalThis.n }; }`, {
        departmentCode: 'Q1',
      });
      expect(await limited.run(counter)).toMatchObject({ ok: true, output: { n: 1 } });
      expect(await limited.run(counter)).toMatchObject({ ok: true, output: { n: 2 } });
      expect(await limited.run(counter)).toMatchObject({
        ok: false,
        kind: 'quota',
        message: expect.stringMatching(/^插件 id-check 1\.0\.\d+ 的 validate 未运行：本部门插件调用超出每分钟配额/),
      });
      expect(await limited.run({ ...counter, departmentCode: 'Q2' })).toMatchObject({ ok: true });
      expect(limited.usage()).toEqual([
        { departmentCode: 'Q1', calls: 2, cpuMs: expect.any(Number), refused: 1 },
        { departmentCode: 'Q2', calls: 1, cpuMs: expect.any(Number), refused: 0 },
      ]);
      now += 60_000;
      // The refused call never ran: the counter goes on from 2.
      expect(await limited.run(counter)).toMatchObject({ ok: true, output: { n: 3 } });
    } finally {
      await limited.close();
    }
  });

  it('refuses calls once the department used its CPU milliseconds', async () => {
    const limited = createSandboxPool({ quota: { callsPerMinute: 1000, cpuMsPerMinute: 150 } });
    try {
      const loop = sandboxRequest(`validate: () => { for (;;) {} }`, { departmentCode: 'CPU' });
      expect(await limited.run(loop)).toMatchObject({ ok: false, kind: 'timeout' });
      expect(await limited.run(sandboxRequest(healthy, { departmentCode: 'CPU' }))).toMatchObject({ ok: false, kind: 'quota' });
      expect(await limited.run(sandboxRequest(healthy, { departmentCode: 'other' }))).toMatchObject({ ok: true });
      expect(limited.usage().find((usage) => usage.departmentCode === 'CPU')?.cpuMs).toBeGreaterThanOrEqual(150);
    } finally {
      await limited.close();
    }
  });

  describe('warm calls on the spin channel', () => {
    // Answers its own input back, or busy-waits `ms` first, or loops for ever: one version, kept warm.
    const echo = `validate: (input) => { const until = Date.now() + (input.ms || 0); while (Date.now() < until) {} let x = 0; for (let i = 0; i < (input.spin || 0); i++) x += i; if (input.loop) for (;;) {} return { n: input.n }; }`;

    it('every call back to back gets its own answer, in several departments at once', async () => {
      const versions = ['S1', 'S2', 'S3'].map((departmentCode) => sandboxRequest(echo, { departmentCode }));
      const runs = versions.map(async (request) => {
        const answers: unknown[] = [];
        for (let n = 0; n < 300; n += 1) {
          const result = await pool.run({ ...request, input: { n } });
          answers.push(result.ok ? result.output : result.message);
        }
        return answers;
      });
      for (const answers of await Promise.all(runs)) expect(answers).toEqual(Array.from({ length: 300 }, (_, n) => ({ n })));
    });

    it('a call slower than the spin answers by port, and the next fast one still gets its own answer', async () => {
      const request = sandboxRequest(echo, { departmentCode: 'S-slow' });
      const answers: unknown[] = [];
      for (let n = 0; n < 12; n += 1) {
        const result = await pool.run({ ...request, input: { n, ms: n % 3 === 0 ? 5 : 0 } });
        answers.push(result.ok ? result.output : result.message);
      }
      expect(answers).toEqual(Array.from({ length: 12 }, (_, n) => ({ n })));
    });

    it('calls of every length, answered while the pool spins, sleeps on the channel or has left it, answer right', async () => {
      const request = sandboxRequest(echo, { departmentCode: 'S-lengths' });
      // Loops of about 0, 50 µs, 0.2 ms and 1 ms in QuickJS, and 2 ms by the clock: each side's
      // spin, its sleep on the shared word and the port all answer some of them.
      const spins = [0, 2_000, 8_000, 40_000, 0];
      const answers: unknown[] = [];
      for (let n = 0; n < 40; n += 1) {
        const result = await pool.run({ ...request, input: { n, spin: spins[n % 5], ms: n % 5 === 4 ? 2 : 0 } });
        answers.push(result.ok ? result.output : result.message);
      }
      expect(answers).toEqual(Array.from({ length: 40 }, (_, n) => ({ n })));
    });

    it('a warm call that loops is still hard-stopped, and the version answers again after', async () => {
      const request = sandboxRequest(echo, { departmentCode: 'S-loop' });
      for (let n = 0; n < 50; n += 1) expect(await pool.run({ ...request, input: { n } })).toMatchObject({ ok: true });
      expect(await pool.run({ ...request, input: { n: 0, loop: true } })).toMatchObject({ ok: false, kind: 'timeout' });
      expect(await pool.run({ ...request, input: { n: 51 } })).toMatchObject({ ok: true, output: { n: 51 } });
    });

    it('inputs of every size and script reach the guest byte for byte, by channel and by port', async () => {
      const request = sandboxRequest(`validate: (input) => ({ text: input.text, length: input.text.length })`, {
        departmentCode: 'S-text',
      });
      // Chinese, a surrogate pair, escapes, and lengths past the invoker's first 4 KiB of scratch.
      const texts = ['', '张三', '𠀋 "引号" \\ \n \u0001', '不动产登记'.repeat(400), 'a'.repeat(20_000), '申请'.repeat(9_000)];
      for (const text of [...texts, ...texts])
        expect(await pool.run({ ...request, input: { text } })).toMatchObject({
          ok: true,
          output: { text, length: text.length },
        });
    });

    it('a call cannot leave anything in ctx.options for the next one', async () => {
      const request = sandboxRequest(
        `validate: (input, ctx) => { let wrote = true; try { ctx.options.seen = (ctx.options.seen || 0) + 1; ctx.options.nested.list.push(1); } catch { wrote = false; } return { wrote, seen: ctx.options.seen ?? null, list: ctx.options.nested.list }; }`,
        { departmentCode: 'S-options', options: { nested: { list: [0] } } },
      );
      for (let n = 0; n < 3; n += 1)
        expect(await pool.run(request)).toMatchObject({ ok: true, output: { wrote: false, seen: null, list: [0] } });
      // Other options give the guest a ctx of their own.
      expect(await pool.run({ ...request, options: { nested: { list: [9] } } })).toMatchObject({
        ok: true,
        output: { list: [9] },
      });
    });

    it('with spinning turned off every call goes by port and answers the same', async () => {
      const portOnly = createSandboxPool({ quota: { callsPerMinute: 100_000, cpuMsPerMinute: 6_000_000 }, spinMicros: 0 });
      try {
        const request = sandboxRequest(echo, { departmentCode: 'S-port' });
        for (let n = 0; n < 20; n += 1)
          expect(await portOnly.run({ ...request, input: { n } })).toMatchObject({ ok: true, output: { n } });
      } finally {
        await portOnly.close();
      }
    });
  });
});
