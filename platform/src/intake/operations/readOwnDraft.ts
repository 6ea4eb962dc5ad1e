import { getMatterVersion, type MatterVersion } from '../../catalog';
import { fail, requireUser, type Call, type Queryable } from '../../kernel';
import type { DraftRecord } from '../Draft';
import type { IntakeDeps } from '../intakeDeps';
import { findOwnDraft, lockDraftForSubmit, updateDraftContent } from '../store/draftStore';
import { describeUpgrade, fitToVersion } from '../validation/fitToVersion';
import { loadDraftFiles, type OwnedFiles } from './loadDraftFiles';
import { versionInForce } from './versionInForce';

export interface OwnDraft {
  draft: DraftRecord;
  matter: MatterVersion;
  files: OwnedFiles;
  /** The version in force today, read in the same transaction (undefined: none). */
  inForce: MatterVersion | undefined;
  /** With a submit's key: the draft an application with that key was filed for, or null (lockDraftForSubmit). */
  keyHolder?: string | null;
}

/**
 * The caller's own draft in `tx` (someone else's answers as an unknown one), with its matter version
 * and files. An open draft whose version is no longer in force is moved to the version in force
 * here, keeping what still fits and recording what changed, so every reader and the submit see one
 * version; a matter withdrawn altogether leaves the draft on its version (submit then refuses it).
 */
export async function readOwnDraft(
  deps: IntakeDeps,
  call: Call & { tx: Queryable },
  {
    id,
    forUpdate = false,
    idempotencyKey,
  }: {
    id: string;
    forUpdate?: boolean;
    /** A submit's: the draft is locked and the key looked up in one statement. */
    idempotencyKey?: string;
  },
): Promise<OwnDraft> {
  requireUser(call.actor);
  const ownerUserId = call.actor.userId;
  const found = idempotencyKey
    ? await lockDraftForSubmit(call.tx, { id, ownerUserId, idempotencyKey })
    : { draft: await findOwnDraft(call.tx, { id, ownerUserId, forUpdate }), keyHolder: undefined };
  let draft = found?.draft;
  if (!draft) throw fail('DRAFT_NOT_FOUND', { id });
  const keyHolder = found?.keyHolder;
  // Usually the pinned version is the one in force: one read of it serves both (a submit reads little else).
  const current = await versionInForce(deps, call, draft.matterCode);
  const pinned =
    current?.version === draft.version
      ? current
      : await getMatterVersion(deps, call, { code: draft.matterCode, version: draft.version });
  let files = await loadDraftFiles(deps, call, draft.materials);
  if (draft.status !== 'open' || !current || current.version === draft.version)
    return { draft, matter: pinned, files, inForce: current, keyHolder };
  const fitted = fitToVersion(current.document, draft, files);
  draft = await updateDraftContent(
    call.tx,
    {
      id: draft.id,
      version: current.version,
      ...fitted.content,
      upgrade: {
        fromVersion: draft.version,
        toVersion: current.version,
        changes: describeUpgrade(pinned.document, current.document),
        dropped: fitted.dropped,
      },
    },
    deps.clock.now(),
  );
  files = await loadDraftFiles(deps, call, draft.materials);
  return { draft, matter: current, files, inForce: current, keyHolder };
}
