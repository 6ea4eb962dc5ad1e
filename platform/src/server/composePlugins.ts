import type { Config } from '../infra';
import type { Deps } from '../kernel';
import { readRegionCalendar, toCalendarYears } from '../calendar';
import { checkPluginBundle, createPluginHost, createSandboxPool, type CheckBundle, type PluginHost } from '../plugins';

/** The sandbox pool the host and the upload check share, the host, and how to stop both. */
export interface PluginSetup {
  host: PluginHost;
  checkBundle: CheckBundle;
  close(): Promise<void>;
}

/**
 * One pool per process: its quotas are per department across every caller (intake, cases, the
 * upload check's examples), so an upload's examples count against the department like its calls.
 * Workers start on a department's first call, so composing this costs nothing until a plugin runs.
 */
export function pluginSetupOf(deps: Pick<Deps, 'db' | 'clock' | 'logger'>, config: Config): PluginSetup {
  const pool = createSandboxPool({
    quota: { callsPerMinute: config.pluginCallsPerMinute, cpuMsPerMinute: config.pluginCpuMsPerMinute },
    spinMicros: config.pluginSpinMicros,
  });
  const host = createPluginHost(deps, { pool, region: config.region });
  return {
    host,
    // A version's examples see the region's calendar as its calls will (granted when the manifest asks).
    checkBundle: async (bundle, forms) =>
      checkPluginBundle(bundle, {
        forms,
        pool,
        grants: { calendar: toCalendarYears(await readRegionCalendar(deps.db, config.region)) },
      }),
    async close() {
      await host.close();
      await pool.close();
    },
  };
}
