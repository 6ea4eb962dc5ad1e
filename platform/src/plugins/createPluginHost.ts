import type { CalendarYear, FieldIssue, HookInput, HookName, PluginFailureKind, PluginPin } from '@matterflow/schemas';
import { readRegionCalendar, toCalendarYears } from '../calendar';
import {
  BoundedCache,
  readerOf,
  type Call,
  type Deps,
  type HookOutcome,
  type HookTarget,
  type PluginHooks,
  type Queryable,
} from '../kernel';
import { createOutputCheck } from './host/createOutputCheck';
import { createUsageRecorder } from './host/createUsageRecorder';
import { createVersionSchemaIssues, issueText } from './host/createVersionSchemaCheck';
import { fitPinOptions } from './host/fitPinOptions';
import { manifestCapabilities, manifestHooks, manifestOptions } from './manifestParts';
import type { SandboxGrants, SandboxPool } from './sandbox/SandboxPool';
import { loadArtifact, loadTableRows, resolvePins, type ResolvedPin } from './store/resolvePins';

export interface PluginHost extends PluginHooks {
  /** Writes the usage and failures counted since the last flush. */
  flush(): Promise<void>;
  /** Stops the periodic flush and flushes once more (the pool is its owner's to close). */
  close(): Promise<void>;
}

export interface PluginHostSettings {
  pool: SandboxPool;
  /** The centre's region: its working-day calendar is what `ctx.calendar` answers from. */
  region: string;
  flushIntervalMs?: number;
  /** How long the calendar's years are reused before they are read again. */
  calendarTtlMs?: number;
}

interface Artifact {
  code: string;
  manifest: Record<string, unknown>;
  hooks: ReturnType<typeof manifestHooks>;
  options: ReturnType<typeof manifestOptions>;
  requested: ReturnType<typeof manifestCapabilities>;
}

type Failed<H extends HookName> = Extract<HookOutcome<H>, { ok: false }>;

/**
 * The plugin host behind kernel/PluginHooks: for each call, one query says which version serves
 * each pin (so every process switches when any of them enables a version, and a call in flight
 * finishes on the version it resolved), the version's code comes from a cache keyed by id@version
 * (versions are immutable), the sandbox pool runs it, and the answer is checked against the hook's
 * schema before anyone reads it. A plugin's failure is an outcome, never a throw.
 */
export function createPluginHost(
  deps: Pick<Deps, 'db' | 'clock' | 'logger'>,
  { pool, region, flushIntervalMs = 5000, calendarTtlMs = 60_000 }: PluginHostSettings,
): PluginHost {
  const artifacts = new BoundedCache<Promise<Artifact | undefined>>(200);
  const tables = new Map<string, { revision: number; rows: Record<string, unknown> }>();
  let calendar: { years: Promise<CalendarYear[]>; readAt: number } | undefined;
  // The pool sends a version's grants to its worker only when the object changes: one per state of them.
  const grantSets = new BoundedCache<SandboxGrants>(500);
  const checkOutput = createOutputCheck();
  const optionsVerdict = createVersionSchemaIssues();
  const usage = createUsageRecorder(deps);
  const timer = setInterval(() => void usage.flush(), flushIntervalMs);
  timer.unref();

  function artifactOf(q: Queryable, pluginId: string, version: string): Promise<Artifact | undefined> {
    const key = `${pluginId}@${version}`;
    let found = artifacts.get(key);
    if (!found) {
      found = loadArtifact(q, pluginId, version).then(
        (row) =>
          row && {
            code: row.compiled,
            manifest: row.manifest,
            hooks: manifestHooks(row.manifest),
            options: manifestOptions(row.manifest),
            requested: manifestCapabilities(row.manifest),
          },
      );
      artifacts.set(key, found);
      // A failed read is not remembered.
      found.catch(() => artifacts.set(key, Promise.resolve(undefined)));
    }
    return found;
  }

  function calendarYears(q: Queryable): Promise<CalendarYear[]> {
    const now = performance.now();
    if (!calendar || now - calendar.readAt > calendarTtlMs) {
      const years = readRegionCalendar(q, region).then(toCalendarYears);
      calendar = { years, readAt: now };
      years.catch(() => (calendar = undefined));
    }
    return calendar.years;
  }

  async function lookupTablesOf(
    q: Queryable,
    resolved: ResolvedPin,
    names: readonly string[],
  ): Promise<SandboxGrants['lookupTables']> {
    const stale = names.filter((name) => tables.get(name)?.revision !== resolved.tableStamps[name]);
    if (stale.length > 0) {
      const read = await loadTableRows(q, stale);
      for (const name of stale) {
        const rows = read.get(name);
        const revision = resolved.tableStamps[name];
        if (rows && revision !== undefined) tables.set(name, { revision, rows });
      }
    }
    return Object.fromEntries(names.flatMap((name) => (tables.has(name) ? [[name, tables.get(name)?.rows ?? {}]] : [])));
  }

  async function grantsOf(q: Queryable, resolved: ResolvedPin, artifact: Artifact): Promise<SandboxGrants> {
    // A capability is usable when the manifest asked for it and (beyond log and calendar) a sysadmin granted it.
    const tableNames = artifact.requested.lookup.filter((name) => resolved.lookupTables.includes(name));
    const httpOrigins = artifact.requested.http.filter((origin) => resolved.httpOrigins.includes(origin));
    const years = artifact.requested.calendar ? await calendarYears(q) : null;
    const key = [
      `${resolved.pluginId}@${resolved.version ?? ''}`,
      httpOrigins.join(' '),
      tableNames.map((name) => `${name}:${resolved.tableStamps[name] ?? ''}`).join(' '),
      years ? `calendar:${calendar?.readAt ?? 0}` : '',
    ].join('|');
    const found = grantSets.get(key);
    if (found && found.calendar === years) return found;
    const grants: SandboxGrants = { httpOrigins, lookupTables: await lookupTablesOf(q, resolved, tableNames), calendar: years };
    grantSets.set(key, grants);
    return grants;
  }

  async function runOne<H extends HookName>(
    q: Queryable,
    target: HookTarget,
    pin: PluginPin,
    resolved: ResolvedPin,
    hook: H,
    input: HookInput<H>,
    caseNumber: string | null,
  ): Promise<HookOutcome<H> | undefined> {
    const onFailure = pin.onFailure ?? 'block';
    const failed = (version: string | null, kind: PluginFailureKind, message: string): Failed<H> => ({
      ok: false,
      pluginId: pin.id,
      version,
      onFailure,
      failure: { kind, message },
    });
    if (resolved.departmentCode === null) return failed(null, 'not_enabled', `插件 ${pin.id} 不存在，未调用`);
    if (resolved.departmentCode !== target.departmentCode)
      return failed(null, 'not_enabled', `插件 ${pin.id} 属于其他部门，不能为事项“${target.matterName}”服务，未调用`);
    if (resolved.version === null) {
      // Only a pin whose major declares this hook is a missing plugin for it.
      if (!resolved.majorHooks.includes(hook)) return undefined;
      return failed(null, 'not_enabled', `插件 ${pin.id} 没有已启用的 ${pin.major}.x 版本，未调用`);
    }
    const { version } = resolved;
    const started = performance.now();
    const finish = (outcome: HookOutcome<H>): HookOutcome<H> => {
      usage.record({
        pluginId: pin.id,
        version,
        hook,
        ms: performance.now() - started,
        ...(outcome.ok ? {} : { failure: { ...outcome.failure, caseNumber } }),
      });
      return outcome;
    };
    const artifact = await artifactOf(q, pin.id, version);
    if (!artifact) return finish(failed(version, 'load', `插件 ${pin.id} ${version} 的代码无法读取`));
    if (!artifact.hooks.has(hook)) return undefined;
    const fitted = fitPinOptions(optionsVerdict, artifact.options, pin, version);
    if ('problems' in fitted) {
      const [first] = fitted.problems;
      const problem = first ? issueText(first) : '';
      return finish(
        failed(
          version,
          'options_invalid',
          `插件 ${pin.id} ${version} 为事项“${target.matterName}”设的选项不符合要求：${problem}`,
        ),
      );
    }
    const result = await pool.run({
      departmentCode: resolved.departmentCode,
      pluginId: pin.id,
      version,
      code: artifact.code,
      hook,
      input,
      options: fitted.options,
      grants: await grantsOf(q, resolved, artifact),
    });
    if (!result.ok) return finish(failed(version, result.kind, result.message));
    const problem = checkOutput(hook, `${pin.id}@${version}`, artifact.hooks.get(hook)?.output, result.output);
    if (problem !== null)
      return finish(failed(version, 'output_invalid', `插件 ${pin.id} ${version} 的 ${hook} 返回内容不符合要求：${problem}`));
    return finish({
      ok: true,
      pluginId: pin.id,
      version,
      output: result.output as HookOutcome<H> extends { output: infer O } ? O : never,
    });
  }

  /** Each pin of the target, in order: its exact version (`versions` first) and its department. */
  const resolveTarget = (q: Queryable, target: HookTarget, versions: Readonly<Record<string, string>> = {}) =>
    resolvePins(
      q,
      target.pins.map((pin) => ({ id: pin.id, major: pin.major, exact: versions[pin.id] })),
    );

  return {
    async run<H extends HookName>(
      call: Call,
      target: HookTarget,
      hook: H,
      input: HookInput<H>,
      options: { versions?: Readonly<Record<string, string>>; caseNumber?: string } = {},
    ): Promise<HookOutcome<H>[]> {
      if (target.pins.length === 0) return [];
      // Inside the caller's transaction when there is one: on PGlite a read beside it would wait for it.
      const q = readerOf(deps.db, call);
      const resolved = await resolveTarget(q, target, options.versions);
      const outcomes = await Promise.all(
        target.pins.map(async (pin, index) => {
          const found = resolved[index] as ResolvedPin;
          try {
            return await runOne(q, target, pin, found, hook, input, options.caseNumber ?? null);
          } catch (error) {
            // The database or the pool itself failed, not the plugin: still an outcome, and logged for operators.
            deps.logger.error({ err: error, plugin: pin.id, hook }, 'plugin call failed in the host');
            const outcome: Failed<H> = {
              ok: false,
              pluginId: pin.id,
              version: found.version,
              onFailure: pin.onFailure ?? 'block',
              failure: { kind: 'load', message: `插件 ${pin.id} ${found.version ?? ''} 的 ${hook} 未能调用：平台内部错误` },
            };
            return outcome;
          }
        }),
      );
      return outcomes.filter((outcome): outcome is HookOutcome<H> => outcome !== undefined);
    },
    async resolveVersions(call, target, versions = {}) {
      if (target.pins.length === 0) return {};
      const resolved = await resolveTarget(readerOf(deps.db, call), target, versions);
      const exact: Record<string, string> = {};
      // Only what run would call: another department's plugin serves none of this matter's calls.
      for (const found of resolved)
        if (found.version !== null && found.departmentCode === target.departmentCode) exact[found.pluginId] = found.version;
      return exact;
    },
    async checkPins(call, target) {
      if (target.pins.length === 0) return [];
      const q = readerOf(deps.db, call);
      const resolved = await resolveTarget(q, target);
      const issues: FieldIssue[] = [];
      for (const [index, pin] of target.pins.entries()) {
        const found = resolved[index];
        const at = `/plugins/${index}`;
        // Not uploaded yet is no fault: an upload names matters that are published already.
        if (!found || found.departmentCode === null) continue;
        if (found.departmentCode !== target.departmentCode) {
          issues.push({
            pointer: `${at}/id`,
            code: 'publish.plugin_foreign',
            message: `插件 ${pin.id} 属于其他部门，不能为本事项服务`,
          });
          continue;
        }
        if (found.version === null) continue;
        const artifact = await artifactOf(q, pin.id, found.version);
        if (!artifact) continue;
        const fitted = fitPinOptions(optionsVerdict, artifact.options, pin, found.version, `${at}/options`);
        if ('problems' in fitted)
          for (const problem of fitted.problems)
            issues.push({
              pointer: problem.pointer,
              code: 'publish.plugin_options_invalid',
              message: `插件 ${pin.id} ${found.version} 的选项：${problem.message}`,
            });
      }
      return issues;
    },
    flush: () => usage.flush(),
    async close() {
      clearInterval(timer);
      await usage.flush();
    },
  };
}
