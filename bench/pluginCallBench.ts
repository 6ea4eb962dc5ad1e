import { createSandboxPool, type SandboxRequest } from '../platform/src/plugins';
import { fmt, median } from './stats';

const CALLS = 400;
const WARM_CALLS = 10_000;
const COLD = 12;

/** A validate hook of the usual size: a dozen fields checked, two errors answered. */
const HOOK_SOURCE = `(input, ctx) => {
  const errors = [];
  const form = input.form;
  for (const key of Object.keys(form)) {
    const value = form[key];
    if (typeof value === 'string' && value.trim() === '') errors.push({ pointer: '/form/' + key, message: key + ' 不能为空' });
  }
  const id = String(form.idNumber || '');
  if (id.length !== 18) errors.push({ pointer: '/form/idNumber', message: '身份证号应为 18 位' });
  return { errors, strict: ctx.options.strict === true };
}`;

const INPUT = {
  matterCode: '11110000000000000X400011710',
  form: {
    applicantName: '张三',
    idNumber: '11010119900307451',
    phone: '13800000000',
    address: '北京市东城区东华门街道 1 号',
    businessType: '住宅',
    area: 96.5,
    floors: 3,
    certificates: 2,
    email: '',
    remark: '无',
    agent: { name: '李四', idNumber: '110101199003074514' },
    parcels: [
      { no: 'A-1', area: 50 },
      { no: 'A-2', area: 46.5 },
    ],
  },
};

/**
 * µs per call of `calls` sequential calls, each awaited (the sandbox answers through a promise, so
 * the baseline's answer is awaited too); a failed sandbox call stops the bench.
 */
async function timeCalls(call: () => unknown, calls: number): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < calls; i += 1) {
    const result = (await call()) as { ok?: boolean; message?: string };
    if (result.ok === false) throw new Error(result.message);
  }
  return ((performance.now() - started) * 1000) / calls;
}

function request(version: string): SandboxRequest {
  return {
    departmentCode: 'BENCH',
    pluginId: 'bench-call',
    version,
    code: `globalThis.__matterflowPlugin = { hooks: { validate: ${HOOK_SOURCE} } };`,
    hook: 'validate',
    input: INPUT,
    options: { strict: true },
    grants: { httpOrigins: [], lookupTables: {}, calendar: null },
  };
}

/**
 * Per-call overhead of a hook call through the sandbox against the same function called in Node
 * with the same JSON (input and options parsed from JSON, the answer stringified and parsed back),
 * and the cold load of a plugin version (its first call: a QuickJS module with its own memory, the
 * code evaluated) against a warm call.
 */
export async function runPluginCallBench(lines: string[], { runs }: { runs: number }): Promise<void> {
  // One quota window for the whole bench (the clock stands still), so usage() sums the guest time.
  const pool = createSandboxPool({
    quota: { callsPerMinute: 10_000_000, cpuMsPerMinute: 1e9 },
    maxWorkers: 1,
    now: () => 0,
  });
  const guestMs = () => pool.usage().find((usage) => usage.departmentCode === 'BENCH')?.cpuMs ?? 0;
  // Same function, compiled by V8: the baseline.
  const hook = new Function(`return ${HOOK_SOURCE}`)() as (input: unknown, ctx: unknown) => unknown;
  const inputJson = JSON.stringify(INPUT);
  const optionsJson = JSON.stringify({ strict: true });
  try {
    const warm = request('1.0.0');
    const direct = () => {
      const options = JSON.parse(optionsJson) as unknown;
      return JSON.parse(JSON.stringify(hook(JSON.parse(inputJson), { options }))) as unknown;
    };
    // A fresh worker's V8 takes thousands of calls to optimise the QuickJS glue; a server makes
    // millions. Measured after 50, the bench reported mostly warm-up (docs/plugin-sandbox.md).
    // Both loops are warmed, and live in small functions of their own: while this function's
    // loops were hot, V8 kept re-optimising it on a background thread, which took a core from the
    // two spinning threads and made a run in three half again as slow.
    await timeCalls(() => pool.run(warm), WARM_CALLS);
    await timeCalls(direct, WARM_CALLS);
    const sandboxUs: number[] = [];
    const nodeUs: number[] = [];
    const inWorkerUs: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      const guestBefore = guestMs();
      sandboxUs.push(await timeCalls(() => pool.run(warm), CALLS));
      inWorkerUs.push(((guestMs() - guestBefore) * 1000) / CALLS);
      nodeUs.push(await timeCalls(direct, CALLS));
    }
    const cold: number[] = [];
    const warmMs: number[] = [];
    for (let i = 0; i < COLD; i += 1) {
      const fresh = request(`2.0.${i}`);
      const first = await pool.run(fresh);
      const second = await pool.run(fresh);
      if (!first.ok || !second.ok) throw new Error('a cold call failed');
      cold.push(first.wallMs);
      warmMs.push(second.wallMs);
      pool.forget(fresh.pluginId, fresh.version);
    }
    const sandbox = median(sandboxUs);
    const node = median(nodeUs);
    const inWorker = median(inWorkerUs);
    lines.push('## Plugin hook calls through the sandbox', '');
    lines.push(
      `Per call, ${CALLS} sequential calls × ${runs} runs, median of runs; the baseline is the same function in Node with the same JSON both ways.`,
      '',
      '| measurement | sandbox | Node direct | overhead | ratio |',
      '|---|---|---|---|---|',
      `| warm validate call, through the pool (worker round trip) | ${sandbox.toFixed(1)} µs | ${node.toFixed(1)} µs | ${(sandbox - node).toFixed(1)} µs | ${(sandbox / node).toFixed(1)}× |`,
      `| of which the QuickJS call inside the worker | ${inWorker.toFixed(1)} µs | ${node.toFixed(1)} µs | ${(inWorker - node).toFixed(1)} µs | ${(inWorker / node).toFixed(1)}× |`,
      '',
      '| measurement | p50 | ratio to a warm call |',
      '|---|---|---|',
      `| cold load of a version (first call) | ${fmt(median(cold))} | ${(median(cold) / median(warmMs)).toFixed(0)}× |`,
      `| warm call of the same version | ${fmt(median(warmMs))} | 1× |`,
      '',
    );
  } finally {
    await pool.close();
  }
}
