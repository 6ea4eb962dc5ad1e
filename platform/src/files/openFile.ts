import type { Readable } from 'node:stream';
import { recordAudit } from '../audit';
import { fail, inTransaction, isStaff, readerOf, requireUser, type Call, type Clock, type Db } from '../kernel';
import type { FileStorage } from './FileStorage';
import { findFiles, type FileRecord } from './fileStore';

/** Whether staff may open a file: intake knows which case it belongs to and who handles it. */
export type CanStaffOpen = (call: Call, fileId: string) => Promise<boolean>;
/** Whether a citizen may open a file staff made for them: the case engine knows whose result it is. */
export type CanRecipientOpen = (call: Call, fileId: string) => Promise<boolean>;

/**
 * A file's bytes for its owner, for staff when it was scanned clean and the case's rules let
 * them, or for the applicant a case's result was issued to. Everyone else gets FILE_NOT_FOUND,
 * exactly as for an id that does not exist. A staff member opening someone's papers (an ID card,
 * a licence) is audited; an owner or the applicant reading what is theirs is not.
 */
export async function openFile(
  deps: { db: Db; clock: Clock },
  call: Call,
  settings: { storage: FileStorage; canStaffOpen: CanStaffOpen; canRecipientOpen: CanRecipientOpen },
  id: string,
): Promise<{ file: FileRecord; stream: Readable }> {
  const actor = call.actor;
  requireUser(actor);
  const [file] = await findFiles(readerOf(deps.db, call), [id]);
  if (!file) throw fail('FILE_NOT_FOUND');
  const isOwner = file.ownerUserId === actor.userId;
  // Unscanned files never reach staff: the scanner is what stands between a citizen's upload and a clerk's PC.
  const mayOpen =
    isOwner ||
    (isStaff(actor)
      ? file.scan === 'clean' && (await settings.canStaffOpen(call, file.id))
      : // The department's own document (the licence it issued), handed to the one it was issued to.
        await settings.canRecipientOpen(call, file.id));
  if (!mayOpen) throw fail('FILE_NOT_FOUND');
  if (!isOwner && isStaff(actor))
    await inTransaction(deps.db, call, (tx) =>
      recordAudit(
        deps,
        { ...call, tx },
        { action: 'file.open', targetType: 'file', targetId: file.id, details: { name: file.name } },
      ),
    );
  return { file, stream: await settings.storage.open(file.sha256) };
}
