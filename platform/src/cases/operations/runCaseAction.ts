import { fail, inTransaction, isUniqueViolation, type Call, type Queryable, type UserActor } from '../../kernel';
import type { CaseRecord } from '../Case';
import type { CaseDeps } from '../caseDeps';
import { findActionKey, insertActionKey } from '../store/actionKeyStore';
import { findCaseByNumber } from '../store/caseStore';
import type { CaseView } from './caseView';

/**
 * The frame of an action after 受理: one transaction holding the case row's lock; who may act on
 * this case (`admit`) checked before the idempotency key is read, so a stranger learns nothing from
 * a replay; a retry with the key answers the first result and writes nothing; `work` writes the
 * change, its event and answers the view, stored under the key in the same transaction.
 */
export async function runCaseAction(
  deps: CaseDeps,
  call: Call & { actor: UserActor },
  { number, idempotencyKey }: { number: string; idempotencyKey: string },
  admit: (tx: Queryable, record: CaseRecord) => Promise<void> | void,
  work: (tx: Queryable, record: CaseRecord) => Promise<CaseView>,
): Promise<{ view: CaseView; isReplay: boolean }> {
  const { actor } = call;
  try {
    return await inTransaction(deps.db, call, async (tx) => {
      const record = await findCaseByNumber(tx, number, { isLocked: true });
      if (!record) throw fail('CASE_NOT_FOUND', { number });
      await admit(tx, record);
      const earlier = await findActionKey(tx, idempotencyKey);
      if (earlier) {
        if (earlier.caseId !== record.id || earlier.userId !== actor.userId) throw fail('CASE_ACTION_KEY_REUSED');
        return { view: earlier.answer as CaseView, isReplay: true };
      }
      const view = await work(tx, record);
      await insertActionKey(tx, {
        key: idempotencyKey,
        caseId: record.id,
        userId: actor.userId,
        answer: view,
        at: deps.clock.now(),
      });
      return { view, isReplay: false };
    });
  } catch (error) {
    // The same key sent at once for two cases: the second insert meets the first one's row.
    if (isUniqueViolation(error)) throw fail('CASE_ACTION_KEY_REUSED');
    throw error;
  }
}
