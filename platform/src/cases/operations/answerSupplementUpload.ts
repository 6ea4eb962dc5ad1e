import { getMatterVersion } from '../../catalog';
import type { UploadRules } from '../../files';
import { uploadRulesOf } from '../../intake';
import { SYSTEM_ACTOR, fail, requireUser, type Call } from '../../kernel';
import type { CaseDeps } from '../caseDeps';
import { findApplicantCase } from './findApplicantCase';

/**
 * The files module asks this before it reads a byte of an upload for a submitted application: the
 * caller must be its applicant, a 补正 must be open and list the material; the material's own rules
 * (types, size) are intake's, the same a draft's upload gets.
 */
export async function resolveSupplementUpload(
  deps: CaseDeps,
  call: Call,
  { applicationNumber, materialId }: { applicationNumber: string; materialId: string },
): Promise<Pick<UploadRules, 'accept' | 'maxBytes'>> {
  requireUser(call.actor);
  const { record, application } = await findApplicantCase(deps, call, applicationNumber);
  if (record.status !== 'supplementing' || !record.supplement) throw fail('CASE_NOT_SUPPLEMENTING', { status: record.status });
  if (!record.supplement.some((item) => item.kind === 'material' && item.materialId === materialId))
    throw fail('VALIDATION_FAILED', [
      { pointer: '/materialId', code: 'supplement.not_listed', message: '补正通知没有要求这份材料' },
    ]);
  const matter = await getMatterVersion(
    deps,
    { ...call, actor: SYSTEM_ACTOR },
    { code: application.matterCode, version: application.version },
  );
  return uploadRulesOf(matter.document, materialId);
}
