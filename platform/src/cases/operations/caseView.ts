import type { CaseView, WorkCalendar } from '@matterflow/schemas';
import { CASE_STATUS_LABELS, type CaseRecord, type CaseStatus } from '../Case';
import { acceptanceDeadline, deriveClock } from '../clock';

export type { CaseView };

const WAITING: readonly CaseStatus[] = ['received', 'supplementing'];

/** A case as staff read it: what it stores, and its clock derived for `today`. */
export function caseView(calendar: WorkCalendar, record: CaseRecord, today: string): CaseView {
  const reading = record.clock ? deriveClock(calendar, record.clock, today) : undefined;
  return {
    number: record.number,
    status: record.status,
    statusLabel: CASE_STATUS_LABELS[record.status],
    departmentCode: record.departmentCode,
    receivedOn: record.receivedOn,
    acceptedOn: record.acceptedOn,
    // While the applicant is asked for more, the period does not run: it starts again from their answer.
    acceptanceDue: record.status === 'received' ? acceptanceDeadline(calendar, record.completeOn).due : null,
    revision: record.revision,
    isGreenChannel: record.isGreenChannel,
    supplementCount: record.supplementCount,
    supplement: WAITING.includes(record.status) ? record.supplement : null,
    clock:
      record.clock && reading
        ? {
            startedOn: record.clock.startedOn,
            due: reading.due,
            provisional: reading.provisional,
            state: reading.state,
            budgetWorkdays: reading.budgetWorkdays,
            workdaysUsed: reading.workdaysUsed,
            workdaysLeft: reading.workdaysLeft,
            level: reading.level,
            // The ledger as stored: the supplement entries never held the clock (补正 is before 受理).
            pauses: record.clock.pauses
              .filter((pause) => pause.reason !== 'supplement')
              .map((pause) => ({ reason: pause.reason, from: pause.from, to: pause.to ?? null, max: pause.max ?? null })),
          }
        : null,
    flowStatus: record.flowState?.status ?? null,
    tasks: (record.flowState?.tasks ?? []).map((task) => ({
      id: task.id,
      name: task.name,
      role: task.role,
      department: task.department,
      assignee: task.assignee,
      budgetDays: task.budgetDays,
    })),
    decision: record.decision,
    delivery: record.delivery,
    result: record.resultFile,
    documents: record.documents,
  };
}
