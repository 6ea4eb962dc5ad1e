import { fail, inTransaction, requireUser, type Call } from '../../kernel';
import type { ApplicationView } from '../Application';
import type { IntakeDeps } from '../intakeDeps';
import { consultPlugins } from '../plugins/consultPlugins';
import { hookTargetOf } from '../plugins/hookTargetOf';
import { findApplicationByDraft, findApplicationByKey, insertApplication } from '../store/applicationStore';
import { appendEvents } from '../store/eventStore';
import { validateApplication } from '../validation/validateApplication';
import { applicationView } from './applicationView';
import { readOwnDraft } from './readOwnDraft';

/**
 * POST /api/drafts/{id}/submit. One transaction: the draft is locked and the key looked up with it
 * (a retry that raced its first attempt finds the draft closed, and that attempt's answer by the
 * key), the version must still be in force, the whole application is validated again on the
 * server, then it is numbered, stored with its files, its first event written and the draft
 * closed. Any refusal leaves nothing behind.
 */
export async function submitDraft(
  deps: IntakeDeps,
  call: Call,
  { id, idempotencyKey }: { id: string; idempotencyKey: string },
): Promise<{ application: ApplicationView; isReplay: boolean }> {
  requireUser(call.actor);
  const { actor } = call;
  return inTransaction(deps.db, call, async (tx) => {
    const inTx = { ...call, tx };
    const { draft, matter, files, inForce, keyHolder } = await readOwnDraft(deps, inTx, { id, idempotencyKey });
    // The lock statement's own look-up of the key ran on a snapshot taken before any wait for the
    // lock: an open draft and no holder is the answer, anything else is asked again now.
    if (keyHolder !== null || draft.status !== 'open') {
      const earlier = await findApplicationByKey(tx, { filedByUserId: actor.userId, idempotencyKey });
      if (earlier && earlier.draftId !== draft.id) throw fail('IDEMPOTENCY_KEY_REUSED');
      if (earlier) return { application: await applicationView(deps, inTx, earlier), isReplay: true };
      if (draft.status !== 'open')
        throw fail('DRAFT_SUBMITTED', { number: (await findApplicationByDraft(tx, draft.id))?.number });
    }
    // readOwnDraft read the version in force in this transaction and moved an open draft to it, so
    // a difference here means the matter is no longer in force at all, or the draft was just moved.
    if (!inForce || inForce.version !== draft.version || draft.upgrade !== null)
      throw fail('MATTER_VERSION_SUPERSEDED', { version: draft.version, current: inForce?.version ?? null });
    // The pinned plugins judge the same content: their issues and a blocking failure refuse the
    // submit with the rest; a failure the window decides about is filed and recorded.
    const target = deps.plugins && hookTargetOf(matter);
    const findings = deps.plugins && target ? await consultPlugins(deps.plugins, inTx, target, draft) : undefined;
    const checked = validateApplication({
      document: matter.document,
      formKey: `${matter.code}:${matter.version}`,
      content: draft,
      files,
      ownerUserId: draft.ownerUserId,
      pluginRequired: new Map(findings?.materials.map((item) => [item.materialId, item.reason])),
    });
    const issues = findings ? [...findings.blocking, ...checked.issues, ...findings.issues] : checked.issues;
    if (issues.length > 0) throw fail('APPLICATION_INVALID', issues);
    const at = deps.clock.now();
    const receivedOn = deps.clock.today();
    const record = {
      draftId: draft.id,
      matterCode: matter.code,
      version: matter.version,
      matterName: matter.name,
      departmentCode: matter.departmentCode,
      applicant: draft.applicant,
      filedByUserId: actor.userId,
      isOnBehalf: draft.isOnBehalf,
      answers: draft.answers,
      formData: draft.formData,
      materials: checked.received,
      idempotencyKey,
      submittedAt: at.toISOString(),
      receivedOn,
      fees: findings?.fees ?? null,
      // Every pin, not only those with an intake hook: case-side calls (route, onEvent) keep these.
      pluginVersions: deps.plugins && target ? await deps.plugins.resolveVersions(inTx, target, findings?.versions) : {},
    };
    const event = {
      at,
      type: draft.isOnBehalf ? 'submitted_on_behalf' : 'submitted',
      actorUserId: actor.userId,
      actorName: actor.displayName,
      details: { departmentCode: actor.departmentCode, situations: checked.slots.resolution.situations.map((s) => s.id) },
    };
    // The number, the application, its files, its first event and the closed draft: one statement.
    const application = await insertApplication(tx, record, event);
    if (!application) throw fail('APPLICATION_NUMBERS_EXHAUSTED', { matterCode: matter.code, day: receivedOn });
    const { id: applicationId, number, departmentCode } = application;
    const failed = (findings?.failures ?? []).map((failure) => ({ at, type: 'plugin_failed', details: { ...failure } }));
    await appendEvents(tx, applicationId, failed);
    await deps.onSubmitted?.(inTx, { id: applicationId, number, departmentCode, receivedOn });
    // The version and the files were read under the draft's lock a moment ago, the situations
    // resolved by the validation: not read or worked out again.
    return {
      application: await applicationView(deps, inTx, application, {
        matter,
        files,
        events: [event, ...failed].map((written) => ({
          actorUserId: null,
          actorName: null,
          ...written,
          at: at.toISOString(),
        })),
        resolution: checked.slots.resolution,
      }),
      isReplay: false,
    };
  });
}
