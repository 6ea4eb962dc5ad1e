import type { QueuedTask, WorkCalendar } from '@matterflow/schemas';
import { loadWorkCalendar } from '../../calendar';
import { fail, readerOf, requireUser, type Call } from '../../kernel';
import type { CaseDeps } from '../caseDeps';
import { clockLevel, deriveStepClock, type ClockPause } from '../clock';
import { listOpenTasks, type QueuedTaskRow } from '../store/taskStore';

const MAX_QUEUED = 200;

export type { QueuedTask };

type Reading = Pick<QueuedTask, 'due' | 'provisional' | 'workdaysLeft' | 'level'>;

/**
 * A flow step reads its own budget from the day it opened, held by the case's pauses; a 核查 task
 * has a fixed last day (the commitment's period), measured in working days all the same.
 */
function readingOf(calendar: WorkCalendar, row: QueuedTaskRow, today: string): Reading {
  if (row.kind === 'flow' && row.budgetDays !== null) {
    const pauses = (row.clock?.pauses ?? []) as readonly ClockPause[];
    const step = deriveStepClock(calendar, { openedOn: row.openedOn, budgetDays: row.budgetDays }, pauses, today);
    return { due: step.due, provisional: step.provisional, workdaysLeft: step.workdaysLeft, level: step.level };
  }
  if (row.dueOn === null) return { due: null, provisional: false, workdaysLeft: null, level: 'normal' };
  const left = calendar.workdaysBetween(today, row.dueOn);
  const reading = {
    asOf: today,
    due: row.dueOn,
    budgetWorkdays: calendar.workdaysBetween(row.openedOn, row.dueOn).workdays,
    workdaysUsed: calendar.workdaysBetween(row.openedOn, today).workdays,
    workdaysLeft: left.workdays,
  };
  return { due: row.dueOn, provisional: left.provisional, workdaysLeft: left.workdays, level: clockLevel(reading) };
}

/** Green channel first, then the nearest due day (none last), then the oldest task. */
function byUrgency(a: QueuedTask, b: QueuedTask): number {
  if (a.isGreenChannel !== b.isGreenChannel) return a.isGreenChannel ? -1 : 1;
  if (a.due !== b.due) return a.due === null ? 1 : b.due === null ? -1 : a.due < b.due ? -1 : 1;
  return a.openedOn < b.openedOn ? -1 : a.openedOn > b.openedOn ? 1 : 0;
}

/**
 * GET /api/cases?queue=mine | department. Mine: the open tasks the caller holds or is to co-sign.
 * Department: the caller's department's open tasks nobody has claimed, for the caller's role (a
 * dept_admin sees every role's). Each with its step's working days left and warning level today.
 */
export async function listTaskQueue(
  deps: CaseDeps,
  call: Call,
  { queue }: { queue: 'mine' | 'department' },
): Promise<QueuedTask[]> {
  requireUser(call.actor);
  const { actor } = call;
  const q = readerOf(deps.db, call);
  const me = String(actor.userId);
  let rows: QueuedTaskRow[];
  if (queue === 'mine') rows = await listOpenTasks(q, { queue: 'mine', userId: me }, MAX_QUEUED);
  else {
    if (!actor.departmentCode) throw fail('FORBIDDEN', { reason: 'noDepartment' });
    const role = actor.role === 'dept_admin' ? null : actor.role;
    rows = await listOpenTasks(q, { queue: 'department', departmentCode: actor.departmentCode, role }, MAX_QUEUED);
  }
  const calendar = await loadWorkCalendar(deps, deps.region, { via: q });
  const today = deps.clock.today();
  return rows
    .map((row) => ({
      number: row.number,
      revision: row.revision,
      taskId: row.taskId,
      kind: row.kind,
      taskName: row.name,
      role: row.role,
      department: row.departmentCode,
      assignee: row.assignee,
      isCoSigner: row.coSigners.includes(me),
      matterName: row.matterName,
      applicantName: row.applicantName,
      isGreenChannel: row.isGreenChannel,
      openedOn: row.openedOn,
      ...readingOf(calendar, row, today),
    }))
    .sort(byUrgency);
}
