import { getFiles } from '../../files';
import { assertDepartmentScope, fail, requireRole, type Actor, type Call, type Queryable } from '../../kernel';
import type { CaseRecord, CaseResultFile } from '../Case';
import type { CaseDeps } from '../caseDeps';

/** Who hands the result over: the chief who decided, or the window that delivers it (送达). */
export const RESULT_ATTACHERS = ['chief', 'window'] as const;

/** A licence is a scan or the electronic licence: PDF or an image, as large as a material may be. */
export const RESULT_UPLOAD = { accept: ['pdf', 'jpg', 'png'] as const, maxBytes: 20 * 1024 * 1024 };
const RESULT_MEDIA_TYPES = new Set(['application/pdf', 'image/jpeg', 'image/png']);

/**
 * Whether this caller may attach a result to this case now: the chief or the window of the case's
 * department, once it was decided 准予 (a 不予 issues no licence; before the decision there is none).
 */
export function assertMayAttachResult(actor: Actor, record: CaseRecord): void {
  requireRole(actor, RESULT_ATTACHERS);
  assertDepartmentScope(actor, record.departmentCode);
  const isDecided = record.status === 'decided' || record.status === 'completed';
  if (!isDecided || record.decision?.outcome !== 'approved')
    throw fail('CASE_ACTION_NOT_ALLOWED', { status: record.status, action: 'attachResult' });
}

/**
 * The result file as the case keeps it: one the caller uploaded (for this case, through
 * POST /api/files with caseNumber), a PDF or an image. Anyone else's file, or none, is a field
 * issue at `pointer`, never a hint that it exists.
 */
export async function resultFileFor(
  deps: CaseDeps,
  call: Call,
  tx: Queryable,
  { fileId, pointer }: { fileId: string; pointer: string },
): Promise<CaseResultFile> {
  const [file] = await getFiles(deps, { ...call, tx }, [fileId]);
  const isOwn = file !== undefined && call.actor.kind === 'user' && file.ownerUserId === call.actor.userId;
  if (!file || !isOwn || !RESULT_MEDIA_TYPES.has(file.mediaType))
    throw fail('VALIDATION_FAILED', [
      { pointer, code: 'case.result_file_invalid', message: '须是本人为该办件上传的结果文件（PDF 或 JPG、PNG 图片）' },
    ]);
  return { fileId: file.id, name: file.name, size: file.size, mediaType: file.mediaType, attachedOn: deps.clock.today() };
}
