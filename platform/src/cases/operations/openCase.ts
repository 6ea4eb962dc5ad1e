import { loadWorkCalendar } from '../../calendar';
import { findApplicationByNumber, type SubmittedApplication } from '../../intake';
import { fail, inTransaction, type Call } from '../../kernel';
import type { CaseDeps } from '../caseDeps';
import { scheduleTimerFrom } from '../../scheduler';
import { insertCaseStatement, listApplicationsWithoutCase } from '../store/caseStore';
import { acceptanceTimerInput } from './acceptanceTimer';

/**
 * Opens the case of a submitted application and starts its acceptance deadline, in the caller's
 * transaction (the submit's, handed in by the composition root). Opening twice is once: a retried
 * submit finds the case there and schedules nothing.
 */
export async function openCase(
  deps: CaseDeps,
  call: Call,
  { number, submitted }: { number: string; submitted?: SubmittedApplication },
): Promise<{ isNew: boolean }> {
  return inTransaction(deps.db, call, async (tx) => {
    // At submit intake hands over what it just wrote; at start-up the application is read.
    const application = submitted ?? (await findApplicationByNumber(tx, number));
    if (!application) throw fail('CASE_NOT_FOUND', { number });
    const calendar = await loadWorkCalendar(deps, deps.region, { via: tx });
    // The case and its acceptance timer in one statement (the deadline runs from the receipt, known
    // before the case's id): a submit's transaction has one round trip fewer.
    const scheduled = await scheduleTimerFrom(
      deps,
      { ...call, tx },
      insertCaseStatement({
        applicationId: application.id,
        departmentCode: application.departmentCode,
        receivedOn: application.receivedOn,
        at: deps.clock.now(),
      }),
      acceptanceTimerInput(calendar, { number, from: application.receivedOn }),
    );
    return { isNew: scheduled.length > 0 };
  });
}

/**
 * At start-up: applications that have no case (submitted before the case engine, or by a path
 * that bypassed the submit hook) get theirs, with the deadline counted from their receipt, so a
 * timer that is already past fires at once and deems them accepted from that day.
 */
export async function openMissingCases(deps: CaseDeps, call: Call, { batch = 500 }: { batch?: number } = {}): Promise<number> {
  let opened = 0;
  for (;;) {
    const numbers = await listApplicationsWithoutCase(deps.db, batch);
    for (const number of numbers) if ((await openCase(deps, call, { number })).isNew) opened += 1;
    if (numbers.length < batch) return opened;
  }
}
