import { fail } from '../../kernel';
import type { Flow, FlowAction } from '../Flow';
import type { FlowContext } from './FlowContext';
import type { FlowTransition } from './FlowEffect';
import type { FlowEvent } from './FlowEvent';
import type { FlowState, FlowTask } from './FlowState';
import { advanceFrom, closeTask, finishFlow } from './advance';
import { openTask } from './openTask';
import { returnTask } from './returnTask';
import { createRun, placeOf, transitionOf, type Run } from './Run';
import { stepActions } from './stepActions';

/** The step's own pass: 通过 for reviewers, 受理 or 即办办结 at the window. */
const PASSING: readonly FlowAction[] = ['approve', 'accept', 'complete'];

function requireOffered(run: Run, task: FlowTask, actions: readonly FlowAction[]): void {
  const offered = stepActions(placeOf(run, task.stepId).step);
  if (!actions.some((action) => offered.includes(action))) {
    throw fail('FLOW_ACTION_NOT_ALLOWED', { taskId: task.id, action: actions[0], offered });
  }
}

/** The holder acts; on a task still in the department queue, acting claims it. */
function requireHolder(run: Run, task: FlowTask, by: string): void {
  if (task.assignee === null) {
    task.assignee = by;
    run.effects.push({ type: 'taskClaimed', taskId: task.id, assignee: by });
    return;
  }
  if (task.assignee !== by) throw fail('FLOW_NOT_TASK_HOLDER', { taskId: task.id, assignee: task.assignee });
}

function requireNewUser(task: FlowTask, userId: string): void {
  if (userId === task.assignee || task.coSigners.some((signer) => signer.userId === userId)) {
    throw fail('FLOW_USER_INVALID', { taskId: task.id, userId });
  }
}

/** One part of the step approved; the step completes when the holder and every co-signer did. */
function approveTask(run: Run, task: FlowTask, by: string, action: 'approve' | 'decide'): void {
  const signer = action === 'approve' ? task.coSigners.find((s) => s.userId === by) : undefined;
  if (signer) {
    if (signer.hasApproved) throw fail('FLOW_ACTION_NOT_ALLOWED', { taskId: task.id, action, reason: 'alreadyApproved' });
    signer.hasApproved = true;
  } else {
    requireOffered(run, task, action === 'decide' ? ['decide'] : PASSING);
    requireHolder(run, task, by);
    if (task.hasHolderApproved) throw fail('FLOW_ACTION_NOT_ALLOWED', { taskId: task.id, action, reason: 'alreadyApproved' });
    task.hasHolderApproved = true;
  }
  const isDone = task.hasHolderApproved && task.coSigners.every((s) => s.hasApproved);
  if (task.coSigners.length > 0) run.effects.push({ type: 'signerApproved', taskId: task.id, userId: by });
  if (!isDone) return;
  closeTask(run, task.id, 'approved');
  const holder = task.assignee ?? by;
  run.state.path.push({ taskId: task.id, nodeId: task.nodeId, stepId: task.stepId, branchId: task.branchId, by: holder, action });
  advanceFrom(run, task.stepId);
}

/**
 * 转其他部门 (不推诿): a misrouted task goes unclaimed to the competent department's queue. Any
 * step may be moved, whatever it offers, and who may move it is the case layer's check; the
 * co-signers were the old department's, so the new department starts the step afresh.
 */
function moveToDepartment(run: Run, task: FlowTask, department: string): void {
  if (department === task.department)
    throw fail('FLOW_ACTION_NOT_ALLOWED', { taskId: task.id, action: 'transferDepartment', reason: 'sameDepartment' });
  closeTask(run, task.id, 'transferred');
  run.state.stepDepartments = { ...run.state.stepDepartments, [task.stepId]: department };
  openTask(run, placeOf(run, task.stepId), { reason: 'transferred' });
}

function applyToTask(run: Run, task: FlowTask, event: Exclude<FlowEvent, { type: 'terminate' }>): void {
  switch (event.type) {
    case 'approve':
    case 'decide':
      approveTask(run, task, event.by, event.type);
      return;
    case 'claim':
      if (task.assignee !== null) throw fail('FLOW_TASK_CLAIMED', { taskId: task.id, assignee: task.assignee });
      task.assignee = event.by;
      run.effects.push({ type: 'taskClaimed', taskId: task.id, assignee: event.by });
      return;
    case 'deny':
      requireOffered(run, task, ['deny']);
      requireHolder(run, task, event.by);
      closeTask(run, task.id, 'denied');
      finishFlow(run, 'denied');
      return;
    case 'return':
      requireOffered(run, task, ['return']);
      requireHolder(run, task, event.by);
      returnTask(run, task, event.to);
      return;
    case 'transfer': {
      requireOffered(run, task, ['transfer']);
      requireHolder(run, task, event.by);
      requireNewUser(task, event.to);
      closeTask(run, task.id, 'transferred');
      // The new holder inherits the co-signers and what they already approved.
      openTask(run, placeOf(run, task.stepId), { reason: 'transferred', assignee: event.to, coSigners: task.coSigners });
      return;
    }
    case 'transferDepartment':
      moveToDepartment(run, task, event.to);
      return;
    case 'addSigner':
      requireOffered(run, task, ['addSigner']);
      requireHolder(run, task, event.by);
      requireNewUser(task, event.userId);
      task.coSigners.push({ userId: event.userId, hasApproved: false });
      run.effects.push({ type: 'signerAdded', taskId: task.id, userId: event.userId });
      return;
  }
}

function openTaskOf(run: Run, taskId: string): FlowTask {
  const task = run.state.tasks.find((t) => t.id === taskId);
  if (!task) throw fail('FLOW_TASK_NOT_OPEN', { taskId });
  return task;
}

/**
 * One event against a case's flow: the new state and its effects, or a DomainError saying why
 * not. The caller's state is never changed, so a refusal leaves nothing half done.
 */
export function applyFlowEvent(flow: Flow, state: FlowState, event: FlowEvent, context: FlowContext): FlowTransition {
  if (state.status !== 'running') throw fail('FLOW_NOT_RUNNING', { status: state.status });
  const run = createRun(flow, context, state);
  if (event.type !== 'terminate') {
    applyToTask(run, openTaskOf(run, event.taskId), event);
    return transitionOf(run);
  }
  if (event.taskId !== undefined) {
    const task = openTaskOf(run, event.taskId);
    requireOffered(run, task, ['terminate']);
    requireHolder(run, task, event.by);
  }
  finishFlow(run, 'terminated');
  return transitionOf(run);
}
