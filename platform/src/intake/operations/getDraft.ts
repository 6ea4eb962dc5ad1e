import { inTransaction, type Call } from '../../kernel';
import type { DraftView } from '../Draft';
import type { IntakeDeps } from '../intakeDeps';
import { findApplicationByDraft } from '../store/applicationStore';
import { listOwnDrafts } from '../store/draftStore';
import { draftView } from './draftView';
import { readOwnDraft } from './readOwnDraft';
import { requireUser } from '../../kernel';
import { getMatterVersion } from '../../catalog';

/** GET /api/drafts/{id}: resumes a draft on any device, moved to the version in force if need be. */
export async function getDraft(deps: IntakeDeps, call: Call, { id }: { id: string }): Promise<DraftView> {
  return inTransaction(deps.db, call, async (tx) => {
    const { draft, matter, files } = await readOwnDraft(deps, { ...call, tx }, { id, forUpdate: true });
    const application = draft.status === 'submitted' ? await findApplicationByDraft(tx, draft.id) : undefined;
    return draftView(draft, { document: matter.document, files, applicationNumber: application?.number ?? null });
  });
}

export interface DraftSummary {
  id: string;
  matterCode: string;
  matterName: string;
  version: number;
  updatedAt: string;
  isOnBehalf: boolean;
  applicantName: string;
}

const MAX_LISTED = 100;

/** GET /api/drafts: the caller's open drafts, newest first (a clerk's 代办 drafts included). */
export async function listDrafts(deps: IntakeDeps, call: Call): Promise<DraftSummary[]> {
  requireUser(call.actor);
  const drafts = await listOwnDrafts(call.tx ?? deps.db, call.actor.userId, MAX_LISTED);
  const names = new Map<string, string>();
  for (const draft of drafts) {
    const key = `${draft.matterCode}:${draft.version}`;
    if (!names.has(key))
      names.set(key, (await getMatterVersion(deps, call, { code: draft.matterCode, version: draft.version })).name);
  }
  return drafts.map((draft) => ({
    id: draft.id,
    matterCode: draft.matterCode,
    matterName: names.get(`${draft.matterCode}:${draft.version}`) ?? draft.matterCode,
    version: draft.version,
    updatedAt: draft.updatedAt,
    isOnBehalf: draft.isOnBehalf,
    applicantName: draft.applicant.name,
  }));
}
