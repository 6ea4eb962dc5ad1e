import { formatDuration, maskIdNumber, resolveSituations, type SituationResolution } from '@matterflow/schemas';
import { getMatterVersion, type MatterVersion } from '../../catalog';
import { listDepartments } from '../../departments';
import { getFiles, type FileView } from '../../files';
import { SYSTEM_ACTOR, isStaff, type Call, type Queryable } from '../../kernel';
import { STATUS_LABELS, type ApplicationRecord, type ApplicationView } from '../Application';
import { eventTitle } from '../eventTitles';
import type { IntakeDeps } from '../intakeDeps';
import { listEvents, type EventRecord } from '../store/eventStore';

/** The back office's own notes on a case: a plugin that failed (the window checks by hand), its route choice. */
export const STAFF_ONLY_EVENTS: ReadonlySet<string> = new Set(['plugin_failed', 'plugin_routed']);

/**
 * An application as its applicant, its filer and the staff handling it read it: the 材料接收凭证's
 * content plus the timeline. The pinned version is read as the system reads it, since a retired
 * matter's applications must stay readable.
 */
export async function applicationView(
  deps: IntakeDeps,
  call: Call & { tx?: Queryable },
  record: ApplicationRecord,
  /** What the caller read already in the same transaction (the submit): not read again. */
  known: {
    matter?: MatterVersion;
    files?: ReadonlyMap<string, FileView & { ownerUserId: number }>;
    events?: EventRecord[];
    /** The situations of the record's answers and form under `matter`, as the submit resolved them. */
    resolution?: SituationResolution;
  } = {},
): Promise<ApplicationView> {
  const asSystem = { actor: SYSTEM_ACTOR, ...(call.tx ? { tx: call.tx } : {}) };
  const matter = known.matter ?? (await getMatterVersion(deps, asSystem, { code: record.matterCode, version: record.version }));
  const ids = record.materials.flatMap((material) => material.fileIds);
  const files =
    known.files ?? new Map((ids.length > 0 ? await getFiles(deps, asSystem, ids) : []).map((file) => [file.id, file]));
  const events = known.events ?? (await listEvents(call.tx ?? deps.db, record.id));
  const submitted = events.find((event) => event.type === 'submitted_on_behalf');
  // The matter's department is named as its guide names it; only a 代办 needs the clerk's from the directory.
  const departments = submitted ? await listDepartments(call.tx ?? deps.db) : [];
  const departmentName = (code: string | null | undefined) => departments.find((d) => d.code === code)?.name ?? null;
  const resolution = known.resolution ?? resolveSituations(matter.document, record.answers, record.formData);
  const promised = resolution.timeLimits?.promised;
  return {
    number: record.number,
    matterCode: record.matterCode,
    matterName: record.matterName,
    version: record.version,
    departmentCode: record.departmentCode,
    departmentName: matter.document.department.name,
    status: record.status,
    statusLabel: STATUS_LABELS[record.status],
    submittedAt: record.submittedAt,
    receivedOn: record.receivedOn,
    applicant: {
      name: record.applicant.name,
      idNumberMasked: maskIdNumber(record.applicant.idNumber),
      phone: record.applicant.phone,
    },
    filedBy: submitted
      ? {
          displayName: submitted.actorName ?? '窗口工作人员',
          departmentName: departmentName(submitted.details?.departmentCode as string | undefined),
        }
      : null,
    materials: record.materials.map(({ fileIds, ...material }) => ({
      ...material,
      files: fileIds.flatMap((id): FileView[] => {
        const file = files.get(id);
        if (!file) return [];
        const { ownerUserId: _owner, ...view } = file;
        return [view];
      }),
    })),
    answers: record.answers,
    formData: record.formData,
    promisedLimit: promised ? formatDuration(promised) : null,
    fees: record.fees,
    events: events
      .filter((event) => isStaff(call.actor) || !STAFF_ONLY_EVENTS.has(event.type))
      .map((event) => ({
        at: event.at,
        type: event.type,
        title: eventTitle(event.type),
        actor: event.actorName,
        detail: null,
      })),
  };
}
