import { fail } from '../../errors';
import { PUBLIC_STATUSES, type MatterVersion } from '../MatterVersion';
import { canReadUnpublished } from '../catalogAccess';
import { findCurrentVersion, findVersion, listVersions, matterDepartment } from '../store/matterStore';
import type { CatalogCall } from './CatalogCall';

/** GET /api/matters/{code}: the version in force today, the one citizens and new cases use. */
export async function getCurrentMatter({ ctx, code }: CatalogCall & { code: string }): Promise<MatterVersion> {
  const current = await findCurrentVersion(ctx.db, { code, today: ctx.clock.today() });
  if (!current) throw fail('MATTER_NOT_FOUND', { code });
  return current;
}

/** Unpublished versions exist for the owning department and centre-wide roles only. */
async function visibleFilter({ ctx, actor, code }: CatalogCall & { code: string }) {
  const departmentCode = await matterDepartment(ctx.db, code);
  if (!departmentCode) throw fail('MATTER_NOT_FOUND', { code });
  const canSeeAll = canReadUnpublished(actor, departmentCode);
  return (version: MatterVersion) => canSeeAll || PUBLIC_STATUSES.includes(version.status);
}

export async function getMatterVersions(call: CatalogCall & { code: string }): Promise<MatterVersion[]> {
  const isVisible = await visibleFilter(call);
  const versions = await listVersions(call.ctx.db, { code: call.code, today: call.ctx.clock.today() });
  const visible = versions.filter(isVisible);
  if (visible.length === 0) throw fail('MATTER_NOT_FOUND', { code: call.code });
  return visible;
}

export async function getMatterVersion(call: CatalogCall & { code: string; version: number }): Promise<MatterVersion> {
  const isVisible = await visibleFilter(call);
  const found = await findVersion(call.ctx.db, { code: call.code, version: call.version, today: call.ctx.clock.today() });
  if (!found || !isVisible(found)) throw fail('MATTER_VERSION_NOT_FOUND', { code: call.code, version: call.version });
  return found;
}
