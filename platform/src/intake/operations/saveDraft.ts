import { escapePointer } from '@matterflow/schemas';
import { fail, inTransaction, type Call, type FieldIssue } from '../../kernel';
import type { Answers, DraftView, MaterialFiles } from '../Draft';
import type { IntakeDeps } from '../intakeDeps';
import { consultPlugins, draftPluginsOf } from '../plugins/consultPlugins';
import { hookTargetOf } from '../plugins/hookTargetOf';
import { updateDraftContent, updateDraftPlugins } from '../store/draftStore';
import { draftView } from './draftView';
import { loadDraftFiles } from './loadDraftFiles';
import { readOwnDraft } from './readOwnDraft';

export interface SaveDraftInput {
  id: string;
  revision: number;
  answers: Answers;
  formData: Record<string, unknown>;
  materials: MaterialFiles;
}

/**
 * PUT /api/drafts/{id}: the autosave. The revision is compared under the row lock, so two tabs
 * cannot overwrite each other silently; a file id must be one the caller uploaded. The content is
 * not validated here (a half-filled form is what a draft is); submit validates everything. The
 * pinned plugins are asked about it, and what they said is kept on the draft for its readers.
 */
export async function saveDraft(deps: IntakeDeps, call: Call, input: SaveDraftInput): Promise<DraftView> {
  return inTransaction(deps.db, call, async (tx) => {
    const inTx = { ...call, tx };
    const { draft, matter } = await readOwnDraft(deps, inTx, { id: input.id, forUpdate: true });
    if (draft.status !== 'open') throw fail('DRAFT_SUBMITTED', { id: draft.id });
    if (draft.revision !== input.revision) throw fail('DRAFT_CONFLICT', { revision: draft.revision });
    const files = await loadDraftFiles(deps, inTx, input.materials);
    const issues: FieldIssue[] = Object.entries(input.materials).flatMap(([materialId, ids]) =>
      ids.flatMap((fileId, n): FieldIssue[] =>
        files.get(fileId)?.ownerUserId === draft.ownerUserId
          ? []
          : [
              {
                pointer: `/materials/${escapePointer(materialId)}/${n}`,
                code: 'file.not_found',
                message: '文件不存在或不属于本人',
              },
            ],
      ),
    );
    if (issues.length > 0) throw fail('VALIDATION_FAILED', issues);
    const saved = await updateDraftContent(
      tx,
      {
        id: draft.id,
        version: draft.version,
        answers: input.answers,
        formData: input.formData,
        materials: input.materials,
        upgrade: null,
      },
      deps.clock.now(),
    );
    // The pinned plugins see what was saved: their issues are shown as warnings, a blocking failure
    // at pointer '' above the form, their fees and materials beside it.
    const target = deps.plugins && hookTargetOf(matter);
    if (deps.plugins && target) {
      const findings = await consultPlugins(deps.plugins, inTx, target, input);
      const plugins = draftPluginsOf(findings, saved.plugins?.sources ?? []);
      const noted = await updateDraftPlugins(tx, { id: saved.id, revision: saved.revision, plugins });
      return draftView(noted ?? saved, { document: matter.document, files, applicationNumber: null });
    }
    return draftView(saved, { document: matter.document, files, applicationNumber: null });
  });
}
