import { isDeepStrictEqual } from 'node:util';
import type { CalendarYear, HookName } from '@matterflow/schemas';
import { createOutputCheck } from '../host/createOutputCheck';
import type { SandboxGrants, SandboxPool, SandboxResult } from '../sandbox/SandboxPool';
import type { PluginManifest } from './generated/PluginManifest';
import type { ExampleResult } from './PluginCheckResult';

/** What the check grants beyond what each example brings (its own lookup rows). */
export interface ExampleGrants {
  /** Origins the examples may reach; the upload check grants none, the author's local check may. */
  httpOrigins?: readonly string[];
  /** The working-day calendar, granted when the manifest asks for it. */
  calendar?: readonly CalendarYear[] | null;
}

const show = (value: unknown) => {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
};

/**
 * Runs every example in the sandbox, one after another, as the host would call the hook, and
 * compares: the answer deep-equals `output`, or the call ends with the `failure` kind expected.
 */
export async function runExamples(
  manifest: PluginManifest,
  code: string,
  pool: SandboxPool,
  grants: ExampleGrants = {},
): Promise<ExampleResult[]> {
  const results: ExampleResult[] = [];
  const checkOutput = createOutputCheck();
  for (const example of manifest.examples ?? []) {
    const hook = example.hook as HookName;
    const sandboxGrants: SandboxGrants = {
      httpOrigins: manifest.capabilities.http?.length ? (grants.httpOrigins ?? []) : [],
      // Only the tables the manifest asks for, as the host would grant them.
      lookupTables: Object.fromEntries(
        Object.entries(example.lookup ?? {}).filter(([table]) => manifest.capabilities.lookup?.includes(table)),
      ) as SandboxGrants['lookupTables'],
      calendar: manifest.capabilities.calendar ? (grants.calendar ?? null) : null,
    };
    const answer = await pool.run({
      departmentCode: manifest.department,
      pluginId: manifest.id,
      version: manifest.version,
      code,
      hook,
      input: example.input,
      options: example.options ?? manifest.options?.defaults ?? {},
      grants: sandboxGrants,
    });
    // The host holds every answer to the hook's schema (and the manifest's narrower one): so does the check.
    const problem = answer.ok
      ? checkOutput(hook, `${manifest.id}@${manifest.version}`, manifest.hooks[hook]?.output, answer.output)
      : null;
    const outcome: SandboxResult = problem
      ? { ok: false, kind: 'output_invalid', message: `返回内容不符合要求：${problem}`, logs: answer.logs, wallMs: answer.wallMs }
      : answer;
    const base = { name: example.name, hook: example.hook };
    if (example.failure !== undefined) {
      if (!outcome.ok && outcome.kind === example.failure) results.push({ ...base, ok: true });
      else
        results.push({
          ...base,
          ok: false,
          message: outcome.ok
            ? `预期以 ${example.failure} 失败，实际输出 ${show(outcome.output)}`
            : `预期以 ${example.failure} 失败，实际以 ${outcome.kind} 失败：${outcome.message}`,
        });
    } else if (!outcome.ok) results.push({ ...base, ok: false, message: `调用失败（${outcome.kind}）：${outcome.message}` });
    else if (!isDeepStrictEqual(outcome.output, example.output))
      results.push({ ...base, ok: false, message: `输出与预期不同：预期 ${show(example.output)}，实际 ${show(outcome.output)}` });
    else results.push({ ...base, ok: true });
  }
  return results;
}
