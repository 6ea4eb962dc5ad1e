import { fail, inTransaction, userIdOf, type Actor, type Call, type Clock, type Db, type Queryable } from '../../kernel';
import { recordAudit } from '../../audit';
import { knownDepartmentCodes } from '../../departments';
import type { MatterVersion } from '../MatterVersion';
import { assertCanDecide, assertCanEdit } from '../catalogAccess';
import { checkPublishable } from '../checks';
import {
  findCurrentVersion,
  findOpenVersion,
  findVersion,
  insertDraftVersion,
  listVersions,
  lockMatter,
  markSupersededFrom,
  setVersionState,
  settleVersionStates,
} from '../store/matterStore';

export const TRANSITION_ACTIONS = ['submit', 'withdraw', 'return', 'publish', 'retire', 'newVersion'] as const;
export type TransitionAction = (typeof TRANSITION_ACTIONS)[number];

export interface TransitionRequest {
  action: TransitionAction;
  /** The revision the caller saw; when given, a stale one is refused like a stale draft save. */
  revision?: number;
  effectiveDate?: string;
  cancelDate?: string;
  comments?: string;
}

interface Step {
  tx: Queryable;
  actor: Actor;
  code: string;
  departmentCode: string;
  maxVersion: number;
  today: string;
  /** The clock's instant, for every timestamp this move writes. */
  at: Date;
  request: TransitionRequest;
}

function assertRevision(version: MatterVersion, revision: number | undefined) {
  if (revision !== undefined && revision !== version.revision) {
    throw fail('REVISION_CONFLICT', {
      code: version.code,
      version: version.version,
      yourRevision: revision,
      currentRevision: version.revision,
    });
  }
}

async function openVersionIn(step: Step, status: 'draft' | 'in_review'): Promise<MatterVersion> {
  const open = await findOpenVersion(step.tx, { code: step.code, today: step.today, isForUpdate: true });
  if (!open || open.status !== status) {
    throw fail('TRANSITION_NOT_ALLOWED', { action: step.request.action, expected: status, actual: open?.status ?? null });
  }
  assertRevision(open, step.request.revision);
  return open;
}

async function assertPublishable(step: Step, version: MatterVersion): Promise<void> {
  const issues = checkPublishable({ document: version.document, knownDepartments: await knownDepartmentCodes(step.tx) });
  if (issues.length > 0) throw fail('PUBLISH_BLOCKED', issues);
}

function assertDateNotPast(date: string, today: string, field: string) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date))) {
    throw fail('EFFECTIVE_DATE_INVALID', [{ pointer: `/${field}`, code: 'date.format', message: '日期格式应为 YYYY-MM-DD' }]);
  }
  if (date < today) {
    throw fail('EFFECTIVE_DATE_INVALID', [{ pointer: `/${field}`, code: 'date.past', message: `日期不能早于今天（${today}）` }]);
  }
}

const steps: Record<TransitionAction, (step: Step) => Promise<number>> = {
  /** Sending to legal review runs the publish checks now, so reviewers only see publishable drafts. */
  async submit(step) {
    assertCanEdit(step.actor, step.departmentCode);
    const draft = await openVersionIn(step, 'draft');
    await assertPublishable(step, draft);
    await setVersionState(step.tx, {
      code: step.code,
      version: draft.version,
      status: 'in_review',
      userId: userIdOf(step.actor),
      at: step.at,
      isSubmit: true,
    });
    return draft.version;
  },
  async withdraw(step) {
    assertCanEdit(step.actor, step.departmentCode);
    const review = await openVersionIn(step, 'in_review');
    await setVersionState(step.tx, {
      code: step.code,
      version: review.version,
      status: 'draft',
      userId: userIdOf(step.actor),
      at: step.at,
    });
    return review.version;
  },
  async return(step) {
    assertCanDecide(step.actor);
    const comments = step.request.comments?.trim();
    if (!comments)
      throw fail('VALIDATION_FAILED', [
        { pointer: '/comments', code: 'matter.comments_required', message: '退回时必须填写审核意见' },
      ]);
    const review = await openVersionIn(step, 'in_review');
    const by = step.actor.kind === 'user' ? step.actor.displayName : '';
    await setVersionState(step.tx, {
      code: step.code,
      version: review.version,
      status: 'draft',
      userId: userIdOf(step.actor),
      at: step.at,
      reviewComment: { by, at: step.at.toISOString(), comments },
    });
    return review.version;
  },
  /** A future effective date leaves the previous version current until that day. */
  async publish(step) {
    assertCanDecide(step.actor);
    const review = await openVersionIn(step, 'in_review');
    const effectiveFrom = step.request.effectiveDate ?? step.today;
    assertDateNotPast(effectiveFrom, step.today, 'effectiveDate');
    const versions = await listVersions(step.tx, { code: step.code, today: step.today });
    const scheduled = versions.find((v) => v.status === 'published' && v.effectiveFrom !== null && v.effectiveFrom > step.today);
    if (scheduled) {
      throw fail(
        'TRANSITION_NOT_ALLOWED',
        { scheduledVersion: scheduled.version, effectiveFrom: scheduled.effectiveFrom },
        `第 ${scheduled.version} 版已定于 ${scheduled.effectiveFrom} 生效，请先处理该版本`,
      );
    }
    await assertPublishable(step, review);
    const comments = step.request.comments?.trim();
    const by = step.actor.kind === 'user' ? step.actor.displayName : '';
    await setVersionState(step.tx, {
      code: step.code,
      version: review.version,
      status: 'published',
      userId: userIdOf(step.actor),
      at: step.at,
      effectiveFrom,
      isPublish: true,
      ...(comments ? { reviewComment: { by, at: step.at.toISOString(), comments } } : {}),
    });
    await markSupersededFrom(step.tx, { code: step.code, version: review.version, effectiveFrom });
    await settleVersionStates(step.tx, { today: step.today, at: step.at });
    return review.version;
  },
  /** Retiring takes effect on the cancel date; until then the version stays current. */
  async retire(step) {
    assertCanDecide(step.actor);
    const current = await findCurrentVersion(step.tx, { code: step.code, today: step.today });
    if (!current)
      throw fail(
        'TRANSITION_NOT_ALLOWED',
        { action: 'retire', reason: 'no current published version' },
        '该事项没有现行有效的版本',
      );
    assertRevision(current, step.request.revision);
    const cancelAt = step.request.cancelDate ?? step.today;
    assertDateNotPast(cancelAt, step.today, 'cancelDate');
    await setVersionState(step.tx, {
      code: step.code,
      version: current.version,
      status: cancelAt <= step.today ? 'retired' : 'published',
      userId: userIdOf(step.actor),
      at: step.at,
      cancelAt,
    });
    return current.version;
  },
  async newVersion(step) {
    assertCanEdit(step.actor, step.departmentCode);
    if (await findOpenVersion(step.tx, { code: step.code, today: step.today })) throw fail('DRAFT_EXISTS', { code: step.code });
    const versions = await listVersions(step.tx, { code: step.code, today: step.today });
    const base = [...versions]
      .reverse()
      .find((v) => v.status === 'published' || v.status === 'superseded' || v.status === 'retired');
    if (!base)
      throw fail('TRANSITION_NOT_ALLOWED', { action: 'newVersion', reason: 'nothing published yet' }, '该事项尚无已发布版本');
    const full = await findVersion(step.tx, { code: step.code, version: base.version, today: step.today });
    if (!full) throw new Error('published version vanished');
    const version = step.maxVersion + 1;
    await insertDraftVersion(step.tx, { document: full.document, version, userId: userIdOf(step.actor), at: step.at });
    return version;
  },
};

/**
 * POST /api/matters/{code}/transitions: one lifecycle move, audited with it, in the caller's
 * transaction (the seed loader, the importer) or its own.
 */
export async function transitionMatter(
  deps: { db: Db; clock: Clock },
  call: Call,
  { code, request }: { code: string; request: TransitionRequest },
): Promise<MatterVersion> {
  const today = deps.clock.today();
  const at = deps.clock.now();
  return inTransaction(deps.db, call, async (tx) => {
    const locked = await lockMatter(tx, code);
    if (!locked) throw fail('MATTER_NOT_FOUND', { code });
    const version = await steps[request.action]({
      tx,
      actor: call.actor,
      code,
      departmentCode: locked.departmentCode,
      maxVersion: locked.maxVersion,
      today,
      at,
      request,
    });
    await recordAudit(
      deps,
      { ...call, tx },
      {
        action: `matter.${request.action}`,
        targetType: 'matter',
        targetId: code,
        details: { version, effectiveDate: request.effectiveDate, cancelDate: request.cancelDate, comments: request.comments },
      },
    );
    const result = await findVersion(tx, { code, version, today });
    if (!result) throw new Error('version vanished inside its own transaction');
    return result;
  });
}
