import { fail, readerOf, type Call, type Clock, type Db } from '../../kernel';
import { PUBLIC_STATUSES, type MatterVersion } from '../MatterVersion';
import { canReadUnpublished } from '../catalogAccess';
import { findCurrentVersion, findVersion, listVersions, matterDepartment } from '../store/matterStore';

type ReadDeps = { db: Db; clock: Clock };

/** GET /api/matters/{code}: the version in force today, the one citizens and new cases use. */
export async function getCurrentMatter(deps: ReadDeps, call: Call, { code }: { code: string }): Promise<MatterVersion> {
  const current = await findCurrentVersion(readerOf(deps.db, call), { code, today: deps.clock.today() });
  if (!current) throw fail('MATTER_NOT_FOUND', { code });
  return current;
}

/** Unpublished versions exist for the owning department and centre-wide roles only. */
async function visibleFilter(deps: ReadDeps, call: Call, code: string) {
  const departmentCode = await matterDepartment(readerOf(deps.db, call), code);
  if (!departmentCode) throw fail('MATTER_NOT_FOUND', { code });
  const canSeeAll = canReadUnpublished(call.actor, departmentCode);
  return (version: MatterVersion) => canSeeAll || PUBLIC_STATUSES.includes(version.status);
}

export async function getMatterVersions(deps: ReadDeps, call: Call, { code }: { code: string }): Promise<MatterVersion[]> {
  const isVisible = await visibleFilter(deps, call, code);
  const versions = await listVersions(readerOf(deps.db, call), { code, today: deps.clock.today() });
  const visible = versions.filter(isVisible);
  if (visible.length === 0) throw fail('MATTER_NOT_FOUND', { code });
  return visible;
}

export async function getMatterVersion(
  deps: ReadDeps,
  call: Call,
  { code, version }: { code: string; version: number },
): Promise<MatterVersion> {
  const isVisible = await visibleFilter(deps, call, code);
  const found = await findVersion(readerOf(deps.db, call), { code, version, today: deps.clock.today() });
  if (!found || !isVisible(found)) throw fail('MATTER_VERSION_NOT_FOUND', { code, version });
  return found;
}
