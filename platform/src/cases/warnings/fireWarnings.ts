import { loadWorkCalendar } from '../../calendar';
import type { Call, Queryable } from '../../kernel';
import type { Timer } from '../../scheduler';
import type { CaseRecord } from '../Case';
import type { CaseDeps } from '../caseDeps';
import { deriveClock, deriveStepClock, type ClockLevel } from '../clock';
import { findCaseById } from '../store/caseStore';
import { acceptedAt, findTaskTiming, hasBackOfficeActivity, insertWarning } from './warningStore';

type InTx = Call & { tx: Queryable };

const RANK: Record<ClockLevel, number> = { normal: 0, yellow: 1, red: 2, overdue: 3 };
const OPEN: readonly string[] = ['in_review', 'accepted'];

/** The case still being worked on, locked so the warning and an action do not cross. */
async function openCase(tx: Queryable, timer: Timer): Promise<CaseRecord | undefined> {
  const record = await findCaseById(tx, Number(timer.subject), { isLocked: true });
  return record && OPEN.includes(record.status) ? record : undefined;
}

/** The warning's row: the department that answers for it (the step's, else the case's) sees it. */
async function warn(
  tx: Queryable,
  deps: CaseDeps,
  record: CaseRecord,
  {
    rung,
    taskId,
    departmentCode,
    details,
  }: { rung: string; taskId?: string; departmentCode?: string; details: Record<string, unknown> },
) {
  await insertWarning(tx, {
    caseId: record.id,
    rung,
    ...(taskId === undefined ? {} : { taskId }),
    departmentCode: departmentCode ?? record.departmentCode,
    at: deps.clock.now(),
    details,
  });
}

/**
 * A rung of the case clock (yellow, red, overdue; `extended.*` after an extension). A case decided
 * or withdrawn meanwhile is relieved (摘牌): the timer is spent with no event. A rung not reached
 * after all (the calendar was corrected) throws, so the timer is tried again later, never lost.
 */
export async function fireCaseWarning(deps: CaseDeps, { tx }: InTx, timer: Timer): Promise<void> {
  const record = await openCase(tx, timer);
  if (!record?.clock || record.clock.stoppedOn !== undefined) return;
  const isExtended = timer.rung.startsWith('extended.');
  // A rung of the due date before the extension, fired in a race with it: the extension moved it.
  if (isExtended !== (record.clock.extension !== undefined)) return;
  const level = (isExtended ? timer.rung.slice('extended.'.length) : timer.rung) as ClockLevel;
  const calendar = await loadWorkCalendar(deps, deps.region, { via: tx });
  const reading = deriveClock(calendar, record.clock, deps.clock.today());
  if (RANK[reading.level] < RANK[level])
    throw new Error(`case ${record.id}: rung ${timer.rung} not reached (level ${reading.level}, due ${reading.due})`);
  await warn(tx, deps, record, {
    rung: timer.rung,
    details: { level, isExtended, due: reading.due, workdaysLeft: reading.workdaysLeft, provisional: reading.provisional },
  });
}

/** 环节超时: the task (the timer's rung) still open after its own budget, the case's pauses held. */
export async function fireStepWarning(deps: CaseDeps, { tx }: InTx, timer: Timer): Promise<void> {
  const record = await openCase(tx, timer);
  if (!record || record.status !== 'in_review') return;
  const task = await findTaskTiming(tx, { caseId: record.id, taskId: timer.rung });
  if (!task || task.isClosed || task.budgetDays === null) return;
  const calendar = await loadWorkCalendar(deps, deps.region, { via: tx });
  const step = { openedOn: task.openedOn, budgetDays: task.budgetDays };
  const reading = deriveStepClock(calendar, step, record.clock?.pauses ?? [], deps.clock.today());
  if (reading.level !== 'overdue') throw new Error(`case ${record.id}: task ${timer.rung} not overdue (due ${reading.due})`);
  await warn(tx, deps, record, {
    rung: 'stepOverdue',
    taskId: timer.rung,
    departmentCode: task.departmentCode,
    details: { stepId: task.stepId, taskName: task.name, due: reading.due, workdaysLeft: reading.workdaysLeft },
  });
}

/** 多次补正 (flagged when the second notice went out) and no back-office activity since 受理. */
export async function fireCaseFlag(deps: CaseDeps, { tx }: InTx, timer: Timer): Promise<void> {
  const record = await findCaseById(tx, Number(timer.subject), { isLocked: true });
  if (!record) return;
  if (timer.rung === 'repeatedSupplement') {
    await warn(tx, deps, record, { rung: 'repeatedSupplement', details: { noticeNumber: timer.payload.noticeNumber ?? null } });
    return;
  }
  if (!OPEN.includes(record.status)) return;
  const since = await acceptedAt(tx, record.applicationId);
  if (!since || (await hasBackOfficeActivity(tx, { applicationId: record.applicationId, since }))) return;
  await warn(tx, deps, record, {
    rung: 'noActivity',
    details: { acceptedOn: record.acceptedOn, checkedUpTo: timer.payload.day ?? null },
  });
}
