import { findCitizen } from '../../identity';
import { DEPARTMENT_SCOPED_ROLES, fail, readerOf, requireUser, type Actor, type Call } from '../../kernel';
import { STATUS_LABELS, type ApplicationRecord, type ApplicationSummary, type ApplicationView } from '../Application';
import type { IntakeDeps } from '../intakeDeps';
import { findApplicationByNumber, findApplicationsOfFile, listApplicationsFor } from '../store/applicationStore';
import { applicationView } from './applicationView';

const MAX_LISTED = 200;

/**
 * Who may read an application: whoever filed it, the applicant (by their verified 身份证号, so a
 * 代办 filed before they registered is theirs too), the staff of the department that handles the
 * matter, and the centre's supervisors.
 */
async function mayRead(deps: IntakeDeps, call: Call, record: ApplicationRecord): Promise<boolean> {
  const { actor } = call;
  if (actor.kind !== 'user') return false;
  if (record.filedByUserId === actor.userId) return true;
  if (actor.role === 'supervisor') return true;
  if (DEPARTMENT_SCOPED_ROLES.includes(actor.role)) return actor.departmentCode === record.departmentCode;
  return isApplicant(deps, call, record);
}

/**
 * Whose application it is: whoever filed it (the citizen, or the clerk of a 代办) and the citizen
 * it was filed for, by their verified 身份证号. They answer for it (a 补正); staff only read it.
 */
export async function isApplicant(deps: IntakeDeps, call: Call, record: ApplicationRecord): Promise<boolean> {
  const { actor } = call;
  if (actor.kind !== 'user') return false;
  if (record.filedByUserId === actor.userId) return true;
  if (actor.role !== 'citizen') return false;
  const citizen = await findCitizen(deps, { userId: actor.userId }, call);
  return citizen !== undefined && citizen.idNumber === record.applicant.idNumber;
}

export async function getApplication(deps: IntakeDeps, call: Call, { number }: { number: string }): Promise<ApplicationView> {
  requireUser(call.actor);
  const record = await findApplicationByNumber(readerOf(deps.db, call), number);
  // Someone else's number answers exactly as an unknown one.
  if (!record || !(await mayRead(deps, call, record))) throw fail('APPLICATION_NOT_FOUND', { number });
  return applicationView(deps, call, record);
}

/** 我的办件: a citizen's applications (filed by them or for them); a clerk's, those they filed. */
export async function listApplications(deps: IntakeDeps, call: Call): Promise<ApplicationSummary[]> {
  requireUser(call.actor);
  const { actor } = call;
  const citizen = actor.role === 'citizen' ? await findCitizen(deps, { userId: actor.userId }, call) : undefined;
  const records = await listApplicationsFor(readerOf(deps.db, call), {
    userId: actor.userId,
    idNumber: citizen?.idNumber ?? null,
    limit: MAX_LISTED,
  });
  return records.map((record) => ({
    number: record.number,
    matterCode: record.matterCode,
    matterName: record.matterName,
    status: record.status,
    statusLabel: STATUS_LABELS[record.status],
    submittedAt: record.submittedAt,
    isOnBehalf: record.isOnBehalf,
    applicantName: record.applicant.name,
  }));
}

/**
 * The files module asks this before staff open a file: only the staff who may read an application
 * the file was received with (never a file still in someone's draft).
 */
export async function canStaffOpenFile(deps: IntakeDeps, call: Call, fileId: string): Promise<boolean> {
  const actor: Actor = call.actor;
  if (actor.kind !== 'user' || actor.role === 'citizen') return false;
  for (const record of await findApplicationsOfFile(readerOf(deps.db, call), fileId)) {
    if (await mayRead(deps, call, record)) return true;
  }
  return false;
}
