import { afterAll, describe, expect, it } from 'vitest';
import { createSandboxPool } from './createSandboxPool';
import { NO_GRANTS, type SandboxRequest } from './SandboxPool';

const pool = createSandboxPool({ quota: { callsPerMinute: 10_000, cpuMsPerMinute: 600_000 } });
afterAll(() => pool.close());

function plugin(hooks: string): string {
  return `(() => { globalThis.__matterflowPlugin = { hooks: { ${hooks} } }; })();`;
}

function request(code: string, over: Partial<SandboxRequest> = {}): SandboxRequest {
  return {
    departmentCode: 'D1',
    pluginId: 'id-check',
    version: '1.0.0',
    code,
    hook: 'validate',
    input: { form: { name: '张三' } },
    options: { strict: true },
    grants: NO_GRANTS,
    ...over,
  };
}

describe('createSandboxPool', () => {
  it('runs a plain plugin', async () => {
    const result = await pool.run(
      request(
        plugin(
          `validate: (input, ctx) => { ctx.log.info('hi'); return { errors: [], name: input.form.name, strict: ctx.options.strict }; }`,
        ),
      ),
    );
    expect(result).toMatchObject({
      ok: true,
      output: { errors: [], name: '张三', strict: true },
      logs: [{ level: 'info', message: 'hi' }],
    });
  });

  it('stops an infinite loop', async () => {
    const result = await pool.run(request(plugin(`validate: () => { for (;;) {} }`), { version: '2.0.0' }));
    expect(result).toMatchObject({ ok: false, kind: 'timeout', message: '插件 id-check 2.0.0 的 validate 超时（200 毫秒）' });
  });

  it('hard-stops "ab".repeat in a loop', async () => {
    const result = await pool.run(
      request(plugin(`validate: () => { let s = ''; for (;;) { s = 'ab'.repeat(1e7); s = s.replace(/a/g, 'b'); } }`), {
        version: '3.0.0',
      }),
    );
    expect(result).toMatchObject({ ok: false, kind: 'timeout' });
    expect(result.wallMs).toBeLessThan(2000);
  });
});
