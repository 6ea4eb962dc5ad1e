import { maskIdNumber, type MatterDocument } from '@matterflow/schemas';
import type { FileView } from '../../files';
import type { DraftRecord, DraftView } from '../Draft';
import type { OwnedFiles } from './loadDraftFiles';

const publicFile = ({ ownerUserId: _owner, ...file }: FileView & { ownerUserId: number }): FileView => file;

/** A draft as its owner reads it: the files it names (only their own), the id number masked. */
export function draftView(
  draft: DraftRecord,
  { document, files, applicationNumber }: { document: MatterDocument; files: OwnedFiles; applicationNumber: string | null },
): DraftView {
  const materials = Object.fromEntries(
    Object.entries(draft.materials).map(([materialId, ids]) => [
      materialId,
      ids.flatMap((id) => {
        const file = files.get(id);
        return file && file.ownerUserId === draft.ownerUserId ? [publicFile(file)] : [];
      }),
    ]),
  );
  return {
    id: draft.id,
    matterCode: draft.matterCode,
    matterName: document.name,
    version: draft.version,
    revision: draft.revision,
    status: draft.status,
    applicant: {
      name: draft.applicant.name,
      idNumberMasked: maskIdNumber(draft.applicant.idNumber),
      phone: draft.applicant.phone,
    },
    isOnBehalf: draft.isOnBehalf,
    answers: draft.answers,
    formData: draft.formData,
    materials,
    upgrade: draft.upgrade,
    plugins: draft.plugins,
    applicationNumber,
    createdAt: draft.createdAt,
    updatedAt: draft.updatedAt,
  };
}
