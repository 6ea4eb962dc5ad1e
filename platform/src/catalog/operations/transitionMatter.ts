import { fail, inTransaction, userIdOf, type Actor, type Call, type Clock, type Db, type Queryable } from '../../kernel';
import { recordAudit } from '../../audit';
import type { MatterVersion } from '../MatterVersion';
import { assertCanDecide, assertCanEdit } from '../catalogAccess';
import { checkPublishable } from '../checks';
import { assertQualityAccepted, loadQualityContext, type CatalogSettings } from '../quality';
import type { TransitionAction, TransitionRequest } from './TransitionRequest';
import {
  findCurrentVersion,
  findOpenVersion,
  findVersion,
  insertDraftVersion,
  listVersions,
  lockMatter,
  markSupersededFrom,
  recomputeSupersededFrom,
  returnToReview,
  setVersionState,
  settleVersionStates,
} from '../store/matterStore';

export { TRANSITION_ACTIONS, type TransitionAction, type TransitionRequest } from './TransitionRequest';

type TransitionDeps = { db: Db; clock: Clock } & CatalogSettings;

/** How far ahead a publication may be scheduled: a mistyped year (2062 for 2026) is refused, not waited for. */
export const MAX_SCHEDULE_YEARS = 3;

interface Step<R extends TransitionRequest = TransitionRequest> {
  deps: TransitionDeps;
  tx: Queryable;
  actor: Actor;
  code: string;
  departmentCode: string;
  maxVersion: number;
  today: string;
  /** The clock's instant, for every timestamp this move writes. */
  at: Date;
  request: R;
  /** Extra audit details a step wants recorded with the move. */
  audit: Record<string, unknown>;
}

type RequestOf<A extends TransitionAction> = Extract<TransitionRequest, { action: A }>;

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

const revisionOf = (request: TransitionRequest) => ('revision' in request ? request.revision : undefined);
const commentsOf = (request: TransitionRequest) => ('comments' in request ? request.comments?.trim() : undefined);
const byOf = (actor: Actor) => (actor.kind === 'user' ? actor.displayName : '');

async function openVersionIn(step: Step, status: 'draft' | 'in_review'): Promise<MatterVersion> {
  const open = await findOpenVersion(step.tx, { code: step.code, today: step.today, isForUpdate: true });
  if (!open || open.status !== status) {
    throw fail('TRANSITION_NOT_ALLOWED', { action: step.request.action, expected: status, actual: open?.status ?? null });
  }
  assertRevision(open, revisionOf(step.request));
  return open;
}

/**
 * The publish checks, then the quality rules: an error-level finding blocks unless legal accepted
 * it for this version, earlier (stored) or now (`acceptedRisks`, recorded here). Both run on the
 * region's calendar, the catalog's law register and, for the rules comparing matters, the rest of
 * the catalog.
 */
async function assertPublishable(step: Step, version: MatterVersion): Promise<void> {
  const context = await loadQualityContext(step.deps, step.tx);
  const issues = checkPublishable({
    document: version.document,
    knownDepartments: context.knownDepartments,
    calendar: context.calendar,
  });
  const pins = version.document.plugins ?? [];
  if (step.deps.plugins && pins.length > 0)
    issues.push(
      ...(await step.deps.plugins.checkPins(
        { actor: step.actor, tx: step.tx },
        {
          matterCode: version.code,
          version: version.version,
          matterName: version.name,
          departmentCode: step.departmentCode,
          pins,
        },
      )),
    );
  if (issues.length > 0) throw fail('PUBLISH_BLOCKED', issues);
  await assertQualityAccepted(step.tx, {
    context,
    matter: { code: version.code, version: version.version, status: version.status, document: version.document },
    offered: acceptedRisksOf(step.request),
    actor: step.actor,
    at: step.at,
  });
}

const acceptedRisksOf = (request: TransitionRequest) =>
  'acceptedRisks' in request && request.acceptedRisks ? request.acceptedRisks : [];

/** Published but not yet in force: the versions a retire, unschedule or reschedule acts on. */
async function scheduledVersions(step: Step): Promise<MatterVersion[]> {
  const versions = await listVersions(step.tx, { code: step.code, today: step.today });
  return versions.filter((v) => v.status === 'published' && v.effectiveFrom !== null && v.effectiveFrom > step.today);
}

function addYears(civilDate: string, years: number): string {
  const [y, m, d] = civilDate.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y + years, m - 1, d)).toISOString().slice(0, 10);
}

const DATE_FIELDS = {
  effectiveDate: { code: 'EFFECTIVE_DATE_INVALID', label: '生效日期' },
  cancelDate: { code: 'CANCEL_DATE_INVALID', label: '取消日期' },
} as const;

/** Dates are civil days in Asia/Shanghai: today or later; an effective date at most MAX_SCHEDULE_YEARS ahead. */
function assertDate(date: string, today: string, field: keyof typeof DATE_FIELDS) {
  const { code, label } = DATE_FIELDS[field];
  const pointer = `/${field}`;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || addYears(date, 0) !== date) {
    throw fail(code, [{ pointer, code: 'date.format', message: `${label}应为真实存在的日期，格式 YYYY-MM-DD` }]);
  }
  if (date < today) throw fail(code, [{ pointer, code: 'date.past', message: `${label}不能早于今天（${today}）` }]);
  const latest = addYears(today, MAX_SCHEDULE_YEARS);
  if (field === 'effectiveDate' && date > latest) {
    throw fail(code, [
      { pointer, code: 'date.too_far', message: `${label}不能晚于 ${latest}（今天起 ${MAX_SCHEDULE_YEARS} 年以内）` },
    ]);
  }
}

/** A refusal while a publication waits for its date: the order of versions and dates must stay the same. */
function scheduledRefusal(scheduled: MatterVersion) {
  return fail(
    'TRANSITION_NOT_ALLOWED',
    { scheduledVersion: scheduled.version, effectiveFrom: scheduled.effectiveFrom },
    `第 ${scheduled.version} 版已定于 ${scheduled.effectiveFrom} 生效，请先改期或撤销该发布计划`,
  );
}

/** A scheduled version can go back to review only while no other version is open (one open version per code). */
async function assertNoOpenVersion(step: Step, scheduled: MatterVersion) {
  const open = await findOpenVersion(step.tx, { code: step.code, today: step.today });
  if (open) {
    throw fail(
      'TRANSITION_NOT_ALLOWED',
      { scheduledVersion: scheduled.version, openVersion: open.version, openStatus: open.status },
      `第 ${open.version} 版正在编辑或审核，第 ${scheduled.version} 版的发布计划无法退回审核，请先处理第 ${open.version} 版`,
    );
  }
}

async function cancelSchedule(step: Step, scheduled: MatterVersion, comments: string) {
  await returnToReview(step.tx, {
    code: step.code,
    version: scheduled.version,
    userId: userIdOf(step.actor),
    at: step.at,
    reviewComment: { by: byOf(step.actor), at: step.at.toISOString(), comments },
  });
}

async function onlyScheduled(step: Step): Promise<MatterVersion> {
  const [scheduled] = await scheduledVersions(step);
  if (!scheduled) {
    throw fail(
      'TRANSITION_NOT_ALLOWED',
      { action: step.request.action, reason: 'no scheduled publication' },
      '该事项没有尚未生效的发布计划',
    );
  }
  assertRevision(scheduled, revisionOf(step.request));
  return scheduled;
}

const steps: { [A in TransitionAction]: (step: Step<RequestOf<A>>) => Promise<number> } = {
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
    const comments = step.request.comments.trim();
    if (!comments)
      throw fail('VALIDATION_FAILED', [
        { pointer: '/comments', code: 'matter.comments_required', message: '退回时必须填写审核意见' },
      ]);
    const review = await openVersionIn(step, 'in_review');
    await setVersionState(step.tx, {
      code: step.code,
      version: review.version,
      status: 'draft',
      userId: userIdOf(step.actor),
      at: step.at,
      reviewComment: { by: byOf(step.actor), at: step.at.toISOString(), comments },
    });
    return review.version;
  },
  /** A future effective date leaves the previous version current until that day. */
  async publish(step) {
    assertCanDecide(step.actor);
    const review = await openVersionIn(step, 'in_review');
    const effectiveFrom = step.request.effectiveDate ?? step.today;
    assertDate(effectiveFrom, step.today, 'effectiveDate');
    const [scheduled] = await scheduledVersions(step);
    if (scheduled) throw scheduledRefusal(scheduled);
    await assertPublishable(step, review);
    const comments = commentsOf(step.request);
    await setVersionState(step.tx, {
      code: step.code,
      version: review.version,
      status: 'published',
      userId: userIdOf(step.actor),
      at: step.at,
      effectiveFrom,
      isPublish: true,
      ...(comments ? { reviewComment: { by: byOf(step.actor), at: step.at.toISOString(), comments } } : {}),
    });
    await markSupersededFrom(step.tx, { code: step.code, version: review.version, effectiveFrom });
    await settleVersionStates(step.tx, { today: step.today, at: step.at });
    return review.version;
  },
  /**
   * Retiring takes effect on the cancel date; until then the version stays current. A later version
   * scheduled to take effect would revive the retired matter on its day, so its publication is
   * cancelled with the retirement and it goes back to legal's queue.
   */
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
    assertDate(cancelAt, step.today, 'cancelDate');
    const scheduled = (await scheduledVersions(step)).filter((v) => v.version > current.version);
    for (const version of scheduled) {
      await assertNoOpenVersion(step, version);
      await cancelSchedule(step, version, `事项取消（${cancelAt}），原定 ${version.effectiveFrom} 生效的发布计划已撤销`);
    }
    if (scheduled.length > 0) {
      await recomputeSupersededFrom(step.tx, { code: step.code });
      step.audit.cancelledSchedules = scheduled.map((v) => ({ version: v.version, effectiveFrom: v.effectiveFrom }));
    }
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
    // A draft beside a scheduled version could never be published, and would block unscheduling it.
    const [scheduled] = await scheduledVersions(step);
    if (scheduled) throw scheduledRefusal(scheduled);
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
  /** Cancels a publication that has not taken effect; the version waits in review again, without a date. */
  async unschedule(step) {
    assertCanDecide(step.actor);
    const scheduled = await onlyScheduled(step);
    await assertNoOpenVersion(step, scheduled);
    const comments = commentsOf(step.request) || `撤销原定 ${scheduled.effectiveFrom} 生效的发布计划`;
    await cancelSchedule(step, scheduled, comments);
    await recomputeSupersededFrom(step.tx, { code: step.code });
    step.audit.previousEffectiveFrom = scheduled.effectiveFrom;
    return scheduled.version;
  },
  /** Moves a publication that has not taken effect to another day (today makes it current at once). */
  async reschedule(step) {
    assertCanDecide(step.actor);
    const scheduled = await onlyScheduled(step);
    const effectiveFrom = step.request.effectiveDate;
    assertDate(effectiveFrom, step.today, 'effectiveDate');
    const comments = commentsOf(step.request);
    await setVersionState(step.tx, {
      code: step.code,
      version: scheduled.version,
      status: 'published',
      userId: userIdOf(step.actor),
      at: step.at,
      effectiveFrom,
      ...(comments ? { reviewComment: { by: byOf(step.actor), at: step.at.toISOString(), comments } } : {}),
    });
    await recomputeSupersededFrom(step.tx, { code: step.code });
    await settleVersionStates(step.tx, { today: step.today, at: step.at });
    step.audit.previousEffectiveFrom = scheduled.effectiveFrom;
    return scheduled.version;
  },
};

/**
 * POST /api/matters/{code}/transitions: one lifecycle move, audited with it, in the caller's
 * transaction (the seed loader, the importer) or its own.
 */
export async function transitionMatter(
  deps: TransitionDeps,
  call: Call,
  { code, request }: { code: string; request: TransitionRequest },
): Promise<MatterVersion> {
  const today = deps.clock.today();
  const at = deps.clock.now();
  return inTransaction(deps.db, call, async (tx) => {
    const locked = await lockMatter(tx, code);
    if (!locked) throw fail('MATTER_NOT_FOUND', { code });
    const step: Step = {
      deps,
      tx,
      actor: call.actor,
      code,
      departmentCode: locked.departmentCode,
      maxVersion: locked.maxVersion,
      today,
      at,
      request,
      audit: {},
    };
    // The schema ties each action to its own fields; TypeScript cannot follow the lookup by `action`.
    const version = await (steps[request.action] as (step: Step) => Promise<number>)(step);
    const { action, ...fields } = request;
    await recordAudit(
      deps,
      { ...call, tx },
      { action: `matter.${action}`, targetType: 'matter', targetId: code, details: { version, ...fields, ...step.audit } },
    );
    const result = await findVersion(tx, { code, version, today });
    if (!result) throw new Error('version vanished inside its own transaction');
    return result;
  });
}
