import { describe, expect, it } from 'vitest';
import { sdkSources } from './sdkSources';
import { typeCheck, typeCheckerThread } from './typeCheck';

/** A heap limit of its own: these tests' checker is not the one other test files in this process use. */
const LIMITS = { timeoutMs: 120_000, heapMb: 384 };

const plugin = (body: string) => ({
  files: {
    'src/index.ts': `import { definePlugin } from '@matterflow/plugin-sdk';
export const plugin = definePlugin({ hooks: { validate() { ${body} return { issues: [] }; } } });
`,
    ...sdkSources(),
  },
  roots: ['src/index.ts'],
});

const codes = async (body: string, limits: Parameters<typeof typeCheck>[1] = LIMITS) =>
  (await typeCheck(plugin(body), limits)).map((diagnostic) => `${diagnostic.code}:${diagnostic.line}`);

describe('typeCheck', { timeout: 180_000 }, () => {
  it('keeps its worker warm between checks, and answers each check its own diagnostics', async () => {
    expect(await codes("const n: number = 'x';")).toEqual(['TS2322:2']);
    const first = typeCheckerThread(LIMITS.heapMb);
    expect(first).toBeDefined();
    // Sent together: one after the other on the same worker, none answered with another's result.
    const answers = await Promise.all([codes(''), codes('const s: string = 1;'), codes('const b: boolean = null;')]);
    expect(answers).toEqual([[], ['TS2322:2'], ['TS2322:2']]);
    expect(await codes('undefinedName;')).toEqual(['TS2552:2']);
    expect(typeCheckerThread(LIMITS.heapMb)).toBe(first);
  });

  it('terminates a check past its time, and the next check gets a fresh worker', async () => {
    const before = typeCheckerThread(LIMITS.heapMb);
    expect(before).toBeDefined();
    const timedOut = await typeCheck(plugin(''), { ...LIMITS, timeoutMs: 1 });
    expect(timedOut.map((diagnostic) => diagnostic.code)).toEqual(['plugin.typecheck_timeout']);
    expect(await codes("const n: number = 'x';")).toEqual(['TS2322:2']);
    const after = typeCheckerThread(LIMITS.heapMb);
    expect(after).toBeDefined();
    expect(after).not.toBe(before);
  });

  it('stops a checker left idle', async () => {
    const idle = { ...LIMITS, heapMb: 320, idleMs: 50 };
    expect(await codes('', idle)).toEqual([]);
    expect(typeCheckerThread(idle.heapMb)).toBeDefined();
    await expect.poll(() => typeCheckerThread(idle.heapMb), { timeout: 10_000 }).toBeUndefined();
    // Only that one: the other checker stays warm.
    expect(typeCheckerThread(LIMITS.heapMb)).toBeDefined();
  });
});
