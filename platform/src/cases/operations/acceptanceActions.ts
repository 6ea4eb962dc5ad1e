import type { MatterDocument, WorkCalendar } from '@matterflow/schemas';
import type { FlowEffect } from '../../flows';
import type { ApplicationRecord } from '../../intake';
import { fail, type FieldIssue } from '../../kernel';
import { REFUSAL_REASONS, type CaseRecord, type CaseStatus } from '../Case';
import { deriveClock } from '../clock';
import type { CaseChange } from '../store/caseStore';
import type { AcceptanceInput } from './AcceptanceInput';
import { checkSupplementItems } from './checkSupplementItems';
import { isInstantMatter, startCase } from './startCase';

export interface ActionContext {
  record: CaseRecord;
  application: ApplicationRecord;
  document: MatterDocument;
  calendar: WorkCalendar;
  today: string;
  /** The flow's user id of whoever acts. */
  by: string;
  /** What the `route` plugins chose for the parallel steps at 受理 (FlowState.branchChoice). */
  branchChoice?: Record<string, string[]> | undefined;
}

/** What an action does: the case's change and the timeline event's type and details. */
export interface ActionOutcome {
  change: CaseChange & { status: CaseStatus };
  event: { type: string; details: Record<string, unknown> };
  /** The flow's effects when the action started it: the task rows to write (recordAcceptedTasks). */
  taskEffects?: readonly FlowEffect[];
}

/** Before 受理 the window may answer; after it, acceptance is decided. */
const UNANSWERED: readonly CaseStatus[] = ['received', 'supplementing'];

export function requireUnanswered(record: CaseRecord, action: string): void {
  if (!UNANSWERED.includes(record.status)) throw fail('CASE_ACTION_NOT_ALLOWED', { status: record.status, action });
}

/** 受理 (or 视为受理 from the day given): the clock and the flow start; with work open the case is 审查中. */
export function acceptOutcome(context: ActionContext, { acceptedOn, type }: { acceptedOn: string; type: string }): ActionOutcome {
  const started = startCase(context.document, context.application, {
    acceptedOn,
    by: context.by,
    branchChoice: context.branchChoice,
  });
  const due = started.clock ? deriveClock(context.calendar, started.clock, context.today).due : null;
  const status = started.flowState?.status === 'running' && started.flowState.tasks.length > 0 ? 'in_review' : 'accepted';
  return {
    change: { status, acceptedOn, clock: started.clock, flowState: started.flowState, supplement: null },
    event: { type, details: { acceptedOn, due, budget: started.clock?.budget ?? null, effects: started.effects } },
    taskEffects: started.effects,
  };
}

export function completeOnSpotOutcome(context: ActionContext): ActionOutcome {
  if (!isInstantMatter(context.document, context.application))
    throw fail('CASE_NOT_INSTANT', { matterCode: context.application.matterCode });
  const started = startCase(context.document, context.application, { acceptedOn: context.today, by: context.by, isOnSpot: true });
  return {
    change: {
      status: 'completed',
      acceptedOn: context.today,
      clock: started.clock,
      flowState: started.flowState,
      supplement: null,
    },
    event: {
      type: 'case_completed_on_spot',
      details: { acceptedOn: context.today, completedOn: context.today, effects: started.effects },
    },
  };
}

export function refuseOutcome(input: AcceptanceInput): ActionOutcome {
  const reasonCode = input.reasonCode ?? 'other';
  return {
    change: { status: 'refused', supplement: null },
    event: {
      type: 'case_refused',
      details: {
        reasonCode,
        reasonLabel: REFUSAL_REASONS[reasonCode],
        reasonText: input.reasonText,
        competentBody: input.competentBody ?? null,
      },
    },
  };
}

/**
 * 一次性告知: every item the application lacks, in one notice. A later notice on the same case is
 * allowed (the applicant's answer may itself be defective) but flagged for supervision.
 */
export function supplementOutcome(context: ActionContext, input: AcceptanceInput): ActionOutcome | { issues: FieldIssue[] } {
  const { items, issues } = checkSupplementItems(context.document, input.items ?? []);
  if (issues.length > 0) return { issues };
  const count = context.record.supplementCount + 1;
  return {
    change: { status: 'supplementing', supplement: items, supplementCount: count },
    event: { type: 'case_supplement_requested', details: { items, noticeNumber: count, isRepeated: count > 1 } },
  };
}
