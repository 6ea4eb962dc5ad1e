import type { Config } from '../infra';
import type { Deps, Route } from '../kernel';
import { auditRoutes } from '../audit';
import { calendarRoutes } from '../calendar';
import { catalogRoutes, exchangeRoutes } from '../catalog';
import { departmentsRoutes } from '../departments';
import { filesRoutes } from '../files';
import { identityRoutes, userRoutes, type SessionSettings } from '../identity';
import { lawRoutes } from '../laws';
import { buildOpenApi, systemRoutes } from '../http';
import { filesSetupOf, type FilesSetup } from './composeFiles';
import { pluginSetupOf, type PluginSetup } from './composePlugins';
import { pluginRoutes } from '../plugins';
import { canStaffOpenFile, intakeRoutes, resolveUpload } from '../intake';
import { canOpenCaseResult, caseEventRoutes, caseRoutes, openCase, resolveResultUpload, resolveSupplementUpload } from '../cases';

export function sessionSettingsOf(config: Config): SessionSettings {
  return { idleMinutes: config.sessionMinutes, absoluteMinutes: config.sessionMaxMinutes };
}

/** Every module's routes, each given only the dependencies and settings it uses. */
export function composeRoutes(
  deps: Deps,
  config: Config,
  files: FilesSetup = filesSetupOf(config),
  plugins: PluginSetup = pluginSetupOf(deps, config),
): Route[] {
  let openApi: Record<string, unknown> | undefined;
  const caseDeps = { ...deps, region: config.region, plugins: plugins.host };
  const routes: Route[] = [
    ...systemRoutes(deps, () => (openApi ??= buildOpenApi(routes))),
    ...identityRoutes({ ...deps, sessions: sessionSettingsOf(config) }),
    ...userRoutes(deps),
    ...departmentsRoutes(deps),
    ...catalogRoutes({ ...deps, region: config.region, plugins: plugins.host }),
    ...exchangeRoutes({ ...deps, region: config.region, plugins: plugins.host }),
    ...auditRoutes(deps),
    ...calendarRoutes(deps, { region: config.region }),
    ...lawRoutes(deps),
    ...filesRoutes(deps, {
      ...files,
      // A draft's material, one an open 补正 lists, or a decided case's result (the case engine knows which).
      resolveUpload: (call, purpose) =>
        purpose.caseNumber !== undefined
          ? resolveResultUpload(caseDeps, call, purpose)
          : purpose.applicationNumber === undefined
            ? resolveUpload(deps, call, purpose)
            : resolveSupplementUpload(caseDeps, call, purpose),
      canStaffOpen: async (call, fileId) =>
        (await canStaffOpenFile(deps, call, fileId)) || (await canOpenCaseResult(caseDeps, call, fileId)),
      canRecipientOpen: (call, fileId) => canOpenCaseResult(caseDeps, call, fileId),
    }),
    ...intakeRoutes({
      ...deps,
      plugins: plugins.host,
      onSubmitted: (call, submitted) => openCase(caseDeps, call, { number: submitted.number, submitted }).then(() => undefined),
    }),
    ...caseRoutes(caseDeps),
    ...caseEventRoutes(caseDeps),
    // A health read includes this process's counts since its last flush.
    ...pluginRoutes({ ...deps, checkBundle: plugins.checkBundle }, { beforeHealth: () => plugins.host.flush() }),
  ];
  return routes;
}
