import type { LawEntry } from '@matterflow/schemas';
import { recordAudit } from '../audit';
import { fail, inTransaction, readerOf, requireRole, type Call, type Clock, type Db } from '../kernel';
import { checkLawEntry } from './checkLawEntry';
import { isRepealed, normaliseLawName, type LawLevel } from './LawRegister';
import { findStoredLaw, listStoredLaws, upsertLaw, type StoredLaw } from './lawStore';

/** Every staff role reads the register: clerks cite from it, reviewers check against it. */
const READERS = ['window', 'reviewer', 'chief', 'dept_admin', 'legal', 'supervisor', 'sysadmin'] as const;
/** Keeping the register is legal-affairs' work (and the system administrator's, who seeds it). */
const EDITORS = ['legal', 'sysadmin'] as const;

export interface LawView {
  entry: LawEntry;
  /** Repealed on or before today (Asia/Shanghai). */
  isRepealed: boolean;
  updatedBy: string;
  updatedAt: string;
}

export interface LawSearch {
  /** Part of the name or of an alias. */
  q?: string;
  level?: LawLevel;
  repealed?: boolean;
}

const viewOf = (law: StoredLaw, today: string): LawView => ({ ...law, isRepealed: isRepealed(law.entry, today) });

/** GET /api/laws: the register, searched by name or alias, by level, repealed or in force. */
export async function listLaws(deps: { db: Db; clock: Clock }, call: Call, search: LawSearch): Promise<{ items: LawView[] }> {
  requireRole(call.actor, READERS);
  const today = deps.clock.today();
  const q = search.q === undefined ? undefined : normaliseLawName(search.q);
  const items = (await listStoredLaws(readerOf(deps.db, call)))
    .map((law) => viewOf(law, today))
    .filter(({ entry, isRepealed: repealed }) => {
      if (search.level !== undefined && entry.level !== search.level) return false;
      if (search.repealed !== undefined && repealed !== search.repealed) return false;
      if (!q) return true;
      return [entry.name, ...(entry.aliases ?? [])].some((name) => normaliseLawName(name).includes(q));
    });
  return { items };
}

export async function getLaw(deps: { db: Db; clock: Clock }, call: Call, { id }: { id: string }): Promise<LawView> {
  requireRole(call.actor, READERS);
  const law = await findStoredLaw(readerOf(deps.db, call), id);
  if (!law) throw fail('LAW_NOT_FOUND', { id });
  return viewOf(law, deps.clock.today());
}

/**
 * PUT /api/laws/{id}: adds or replaces an entry (legal or sysadmin), validated with field issues,
 * audited with the previous entry in the same transaction. Matters citing it are not touched: the
 * quality report and the publish checks read the register as it is now.
 */
export async function putLaw(
  deps: { db: Db; clock: Clock },
  call: Call,
  { id, body }: { id: string; body: Record<string, unknown> },
): Promise<LawView> {
  requireRole(call.actor, EDITORS);
  if (body.id !== undefined && body.id !== id) {
    throw fail('LAW_INVALID', [
      { pointer: '/id', code: 'law.id_mismatch', message: `条目标识“${String(body.id)}”与地址中的“${id}”不一致` },
    ]);
  }
  const entry = { ...body, id };
  const at = deps.clock.now().toISOString();
  return inTransaction(deps.db, call, async (tx) => {
    const knownIds = new Set((await listStoredLaws(tx)).map((law) => law.entry.id));
    const issues = checkLawEntry(entry, { knownIds });
    if (issues.length > 0) throw fail('LAW_INVALID', issues);
    const before = await findStoredLaw(tx, id, { isForUpdate: true });
    const stored: StoredLaw = {
      entry: entry as LawEntry,
      updatedBy: call.actor.kind === 'user' ? call.actor.username : 'system',
      updatedAt: at,
    };
    await upsertLaw(tx, stored);
    await recordAudit(
      deps,
      { ...call, tx },
      {
        action: before ? 'law.update' : 'law.create',
        targetType: 'law',
        targetId: id,
        details: { entry, ...(before ? { previous: before.entry } : {}) },
      },
    );
    return viewOf(stored, deps.clock.today());
  });
}
