import { applyFlowEvent, type Flow, type FlowEvent, type FlowState, type FlowTask, type FlowTransition } from '../../flows';
import { fail, requireRole, type Call, type Queryable } from '../../kernel';
import type { CaseDecision, CaseRecord, CaseStatus, TaskAction } from '../Case';
import type { CaseDeps } from '../caseDeps';
import { appendCaseEvent } from '../store/caseEventStore';
import { updateCase, type CaseChange } from '../store/caseStore';
import { standInFor } from '../store/postStore';
import { listCaseDocuments } from '../store/documentNumberStore';
import { insertTask } from '../store/taskStore';
import { actOnVerification } from './actOnVerification';
import { applyTaskEffects } from './applyTaskEffects';
import { assertCaseDepartment, authoriseTaskAction, heldFor } from './authoriseTaskAction';
import { approvalOf, denialOf, verificationDue } from './caseDecision';
import { caseView, type CaseView } from './caseView';
import { checkTaskFields } from './checkTaskFields';
import { loadCaseContext, type CaseContext } from './loadCaseContext';
import { checkColleague } from './checkColleague';
import { checkTargetDepartment } from './checkTargetDepartment';
import { numberedDecision } from './issueDocumentNumber';
import { runCaseAction } from './runCaseAction';
import { scheduleStepTimers } from '../warnings/scheduleStepTimers';
import type { TaskActionInput } from './TaskActionInput';

/** Who may call at all; which task and action is decided against the task (authoriseTaskAction). */
export const TASK_ACTORS = ['window', 'reviewer', 'chief', 'supervisor'] as const;

/** The timeline event each action writes. */
const EVENT_TYPES: Record<TaskAction, string> = {
  approve: 'task_approved',
  return: 'task_returned',
  transfer: 'task_transferred',
  transferDepartment: 'task_department_transferred',
  addSigner: 'task_signer_added',
  claim: 'task_claimed',
  decide: 'case_decided',
  deny: 'case_denied',
  terminate: 'case_terminated',
  urge: 'task_urged',
};

/** The id the 核查 task of a 告知承诺 approval gets: outside the interpreter's t1, t2, … */
export const VERIFICATION_TASK_ID = 'v1';

/**
 * The interpreter's event for the action; `by` is whoever the flow sees acting (the holder, when
 * their backup acts for them). A transfer to an absent colleague goes to their backup (A/B岗).
 */
async function flowEventOf(
  deps: CaseDeps,
  tx: Queryable,
  { by, task, input }: { by: string; task: FlowTask; input: TaskActionInput },
): Promise<FlowEvent | undefined> {
  const taskId = task.id;
  switch (input.action) {
    case 'approve':
    case 'decide':
    case 'deny':
    case 'claim':
      return { type: input.action, taskId, by };
    case 'return':
      return { type: 'return', taskId, by, to: input.to ?? '' };
    case 'transfer': {
      const named = input.userId ?? 0;
      const to = (await standInFor(tx, named)) ?? named;
      await checkColleague(deps, tx, { userId: to, role: task.role, departmentCode: task.department });
      return { type: 'transfer', taskId, by, to: String(to) };
    }
    case 'transferDepartment': {
      const to = input.toDepartmentCode ?? '';
      await checkTargetDepartment(tx, { from: task.department, to });
      return { type: 'transferDepartment', taskId, by, to };
    }
    case 'addSigner':
      await checkColleague(deps, tx, { userId: input.userId ?? 0, departmentCode: task.department });
      return { type: 'addSigner', taskId, by, userId: String(input.userId) };
    case 'terminate':
      return { type: 'terminate', taskId, by };
    case 'urge':
      return undefined;
  }
}

/** Where the case goes when its flow ended: decided (准予 or 不予) or terminated; the clock stops that day. */
function endOf(
  record: CaseRecord,
  context: CaseContext,
  state: FlowState,
  { decision, today, by }: { decision: CaseDecision | null; today: string; by: string },
): CaseChange & { status: CaseStatus } {
  const clock = record.clock ? { ...record.clock, stoppedOn: today } : null;
  if (state.status === 'terminated') return { status: 'terminated', clock };
  // A flow with no 决定 step of its own ends in an approval without a 文号.
  const final = decision ?? approvalOf(context.document, { resultNumber: null, decidedOn: today, decidedBy: by });
  return { status: 'decided', clock, decision: final };
}

function decisionFor(context: CaseContext, input: TaskActionInput, today: string, by: string): CaseDecision | null {
  if (input.action === 'decide')
    return approvalOf(context.document, {
      ...(input.resultName === undefined ? {} : { resultName: input.resultName }),
      resultNumber: input.resultNumber ?? null,
      decidedOn: today,
      decidedBy: by,
    });
  if (input.action === 'deny') return denialOf(context.document, { reason: input.reason ?? '', decidedOn: today, decidedBy: by });
  return null;
}

const openTasksOf = (state: FlowState | null) =>
  (state?.tasks ?? []).map((task) => ({ id: task.id, stepId: task.stepId, assignee: task.assignee }));

/**
 * POST /api/cases/{number}/tasks/{taskId}/actions: the holder of a task after 受理 approves,
 * returns, transfers, adds a co-signer, claims it from the queue, decides or denies (the chief),
 * terminates; a chief or supervisor urges (催办, an event only). One transaction holds the case
 * row's lock: the flow state, the task rows, the decision, the timeline event (before and after)
 * and the idempotency key commit together. Two people acting on one revision: the first wins, the
 * second meets CASE_REVISION_CONFLICT (or FLOW_TASK_NOT_OPEN with a fresh revision).
 */
export async function actOnTask(
  deps: CaseDeps,
  call: Call,
  { number, taskId, input }: { number: string; taskId: string; input: TaskActionInput },
): Promise<{ view: CaseView; isReplay: boolean }> {
  requireRole(call.actor, TASK_ACTORS);
  const { actor } = call;
  const admit = (tx: Queryable, record: CaseRecord) => assertCaseDepartment(tx, actor, record);
  return runCaseAction(deps, { ...call, actor }, { number, idempotencyKey: input.idempotencyKey }, admit, async (tx, record) => {
    const state = record.flowState;
    const issues = checkTaskFields(input);
    if (issues.length > 0) throw fail('VALIDATION_FAILED', issues);
    if (input.revision !== record.revision) throw fail('CASE_REVISION_CONFLICT', { revision: record.revision });
    if (taskId === VERIFICATION_TASK_ID) return actOnVerification(deps, tx, { actor, record, taskId, input });
    // Only a case accepted in the platform has a flow at work: no result without 受理.
    if (record.status !== 'in_review' || !state || state.status !== 'running')
      throw fail('CASE_ACTION_NOT_ALLOWED', { status: record.status, action: input.action });
    const task = state.tasks.find((t) => t.id === taskId);
    if (!task) throw fail('FLOW_TASK_NOT_OPEN', { taskId });
    authoriseTaskAction(actor, record, task, input.action);

    const context = await loadCaseContext(deps, tx, record);
    const flow = context.document.flow as Flow;
    const today = deps.clock.today();
    const at = deps.clock.now();
    const onBehalfOf = await heldFor(tx, actor, task);
    const event = await flowEventOf(deps, tx, { by: onBehalfOf ?? String(actor.userId), task, input });
    const transition: FlowTransition = event ? applyFlowEvent(flow, state, event, context.flowContext) : { state, effects: [] };
    const decision = decisionFor(context, input, today, actor.displayName) ?? record.decision;
    const ended: CaseChange & { status: CaseStatus } =
      transition.state.status === 'running'
        ? { status: 'in_review', flowState: transition.state, decision }
        : {
            ...endOf(record, context, transition.state, { decision, today, by: actor.displayName }),
            flowState: transition.state,
          };
    // A decision made by this act (决定, 不予, or a flow ending without a 决定 step) takes its 文号.
    const change =
      ended.decision && ended.decision !== record.decision
        ? { ...ended, decision: await numberedDecision(deps.clock, tx, record, ended.decision) }
        : ended;
    const revision = await updateCase(tx, { id: record.id, revision: record.revision, at }, change);
    if (revision === undefined) throw fail('CASE_REVISION_CONFLICT', { revision: record.revision });
    const scope = { caseId: record.id, calendar: context.calendar, today, at, pauses: record.clock?.pauses ?? [] };
    await applyTaskEffects(tx, scope, transition.effects, transition.state);
    await scheduleStepTimers(deps, { ...call, tx }, { caseId: record.id, calendar: context.calendar, today });
    const verification =
      change.decision?.outcome === 'approved' && change.status === 'decided'
        ? verificationDue(context.calendar, context.document, context.situations, today)
        : undefined;
    if (verification)
      await insertTask(tx, {
        caseId: record.id,
        taskId: VERIFICATION_TASK_ID,
        kind: 'verification',
        stepId: 'verification',
        name: '告知承诺事后核查',
        departmentCode: record.departmentCode,
        role: 'reviewer',
        assignee: null,
        budgetDays: null,
        openedOn: today,
        dueOn: verification.due,
        at,
      });
    await appendCaseEvent(tx, context.application.id, {
      at,
      type: EVENT_TYPES[input.action],
      actorUserId: actor.userId,
      actorName: actor.displayName,
      details: {
        action: input.action,
        taskId,
        stepId: task.stepId,
        taskName: task.name,
        comment: input.comment ?? null,
        ...(onBehalfOf === undefined ? {} : { onBehalfOf }),
        ...(input.to === undefined ? {} : { to: input.to }),
        ...(input.userId === undefined ? {} : { userId: input.userId }),
        ...(input.toDepartmentCode === undefined
          ? {}
          : { fromDepartmentCode: task.department, toDepartmentCode: input.toDepartmentCode }),
        ...(input.reason === undefined ? {} : { reason: input.reason }),
        ...(input.action === 'decide' || input.action === 'deny' ? { decision: change.decision } : {}),
        ...(verification ? { verification } : {}),
        effects: transition.effects,
        before: { status: record.status, tasks: openTasksOf(state) },
        after: { status: change.status, tasks: openTasksOf(transition.state) },
      },
    });
    const documents = await listCaseDocuments(tx, record.id);
    return caseView(context.calendar, { ...record, ...change, revision, documents }, today);
  });
}
