import type { SpecialProcedure } from '@matterflow/schemas';
import { fail, type UserActor } from '../../kernel';
import type { CaseRecord } from '../Case';
import type { ClockState } from '../clock';
import type { CaseActionInput } from './AcceptanceInput';
import type { CaseContext } from './loadCaseContext';

/** What a clock action reads: the case (with its running clock), its context, who acts and when. */
export interface ClockActionContext {
  record: CaseRecord;
  clock: ClockState;
  context: CaseContext;
  actor: UserActor;
  today: string;
  at: Date;
  input: CaseActionInput;
}

/** What it does: the new clock, and the timeline event's type and details. */
export interface ClockOutcome {
  clock: ClockState;
  event: { type: string; details: Record<string, unknown> };
}

/** The matter's procedure of that name, or a refusal pointing at the field. */
export function namedProcedure(context: CaseContext, name: string | undefined): SpecialProcedure {
  const found = (context.document.specialProcedures ?? []).find((procedure) => procedure.name === name);
  if (!found) throw procedureUnknown(name);
  return found;
}

export const procedureUnknown = (name: string | undefined, offered?: readonly string[]) =>
  fail('CASE_PROCEDURE_UNKNOWN', { pointer: '/procedure', procedure: name ?? null, ...(offered ? { offered } : {}) });
