import { fail, readerOf, type Actor, type Call, type Clock, type Db } from '../../kernel';
import { PUBLIC_STATUSES, type MatterVersion, type MatterVersionHeader } from '../MatterVersion';
import { canReadUnpublished } from '../catalogAccess';
import { findCurrentVersion, findCurrentVersionHeader, findVersion, listVersions, matterDepartment } from '../store/matterStore';

type ReadDeps = { db: Db; clock: Clock };

const isStaff = (actor: Actor) => actor.kind === 'user' && actor.role !== 'citizen';

/**
 * Which of a version's two documents the reads give `actor`: staff's whole, or the public one.
 * A reader that keeps documents across calls keys them by it.
 */
export const documentAudience = (actor: Actor): 'staff' | 'public' => (isStaff(actor) ? 'staff' : 'public');

/**
 * What a reader outside the centre may see of a version: everything but the private note
 * (provenance, research), which is staff-only by definition (docs/matter-model.md). The one place
 * public reads pass through, so the diff and every later public read inherit it.
 */
function asSeenBy(actor: Actor, version: MatterVersion): MatterVersion {
  if (documentAudience(actor) === 'staff' || !('privateNote' in version.document)) return version;
  const { privateNote: _privateNote, ...document } = version.document;
  return { ...version, document };
}

/**
 * The versions of `code` the caller may see. A code whose versions are all hidden from the caller
 * answers exactly as an unknown code, so the public cannot probe for unpublished matters.
 */
async function visibleVersions(deps: ReadDeps, call: Call, code: string): Promise<MatterVersion[]> {
  const q = readerOf(deps.db, call);
  const departmentCode = await matterDepartment(q, code);
  if (!departmentCode) throw fail('MATTER_NOT_FOUND', { code });
  const canSeeAll = canReadUnpublished(call.actor, departmentCode);
  const versions = await listVersions(q, { code, today: deps.clock.today() });
  const visible = versions.filter((version) => canSeeAll || PUBLIC_STATUSES.includes(version.status));
  if (visible.length === 0) throw fail('MATTER_NOT_FOUND', { code });
  return visible;
}

/**
 * GET /api/matters/{code}: the version in force today, the one citizens and new cases use. Staff are
 * told a matter that exists but is not in force (scheduled, retired) from one that does not exist.
 */
export async function getCurrentMatter(deps: ReadDeps, call: Call, { code }: { code: string }): Promise<MatterVersion> {
  const current = await findCurrentVersion(readerOf(deps.db, call), { code, today: deps.clock.today() });
  if (current) return asSeenBy(call.actor, current);
  if (!isStaff(call.actor)) throw fail('MATTER_NOT_FOUND', { code });
  const latest = (await visibleVersions(deps, call, code)).at(-1);
  if (!latest) throw fail('MATTER_NOT_FOUND', { code });
  throw fail('MATTER_NOT_IN_FORCE', { code, latestVersion: latest.version, status: latest.status });
}

/**
 * Which version of `code` is in force today, as getCurrentMatter finds it, without its document
 * (undefined: none in force, or no such matter). For a reader that keeps frozen versions'
 * documents (intake's submit): whether one is still in force is asked every time, its document
 * not. Nothing here is hidden from anyone: the version in force is public.
 */
export async function getVersionInForce(
  deps: ReadDeps,
  call: Call,
  { code }: { code: string },
): Promise<MatterVersionHeader | undefined> {
  return findCurrentVersionHeader(readerOf(deps.db, call), { code, today: deps.clock.today() });
}

export async function getMatterVersions(deps: ReadDeps, call: Call, { code }: { code: string }): Promise<MatterVersion[]> {
  return (await visibleVersions(deps, call, code)).map((version) => asSeenBy(call.actor, version));
}

export async function getMatterVersion(
  deps: ReadDeps,
  call: Call,
  { code, version }: { code: string; version: number },
): Promise<MatterVersion> {
  const visible = await visibleVersions(deps, call, code);
  if (!visible.some((v) => v.version === version)) throw fail('MATTER_VERSION_NOT_FOUND', { code, version });
  const found = await findVersion(readerOf(deps.db, call), { code, version, today: deps.clock.today() });
  if (!found) throw fail('MATTER_VERSION_NOT_FOUND', { code, version });
  return asSeenBy(call.actor, found);
}
