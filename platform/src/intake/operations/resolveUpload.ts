import { isUploadable, uploadRulesFor, type MatterDocument, type UploadRules } from '@matterflow/schemas';
import { fail, inTransaction, type Call } from '../../kernel';
import type { IntakeDeps } from '../intakeDeps';
import { readOwnDraft } from './readOwnDraft';
import { notUploadable } from '../validation/notUploadable';

/**
 * The files module asks this before it reads a byte of an upload: the caller must own the open
 * draft, the material must be one of its version's and take electronic copies, and its rules say
 * what may come.
 */
export async function resolveUpload(
  deps: IntakeDeps,
  call: Call,
  { draftId, materialId }: { draftId: string; materialId: string },
): Promise<Pick<UploadRules, 'accept' | 'maxBytes'>> {
  return inTransaction(deps.db, call, async (tx) => {
    const { draft, matter } = await readOwnDraft(deps, { ...call, tx }, { id: draftId });
    if (draft.status !== 'open') throw fail('DRAFT_SUBMITTED', { id: draftId });
    return uploadRulesOf(matter.document, materialId);
  });
}

/** What one material of a version takes, or why it takes no files: a refusal at `/materialId`. */
export function uploadRulesOf(document: MatterDocument, materialId: string): Pick<UploadRules, 'accept' | 'maxBytes'> {
  const material = document.materials?.find((candidate) => candidate.id === materialId);
  if (!material)
    throw fail('VALIDATION_FAILED', [
      { pointer: '/materialId', code: 'material.unknown', message: `事项没有材料“${materialId}”` },
    ]);
  if (!isUploadable(material)) throw fail('VALIDATION_FAILED', [notUploadable(material, '/materialId')]);
  const { accept, maxBytes } = uploadRulesFor(material);
  return { accept, maxBytes };
}
