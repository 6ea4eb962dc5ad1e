import type { Queryable } from '../store';
import type { Actor } from '../identity/Actor';

/**
 * Appends one audit entry. Call it with the transaction that makes the change, so that an action
 * and its audit record commit or roll back together.
 */
export async function recordAudit(
  q: Queryable,
  { actor, action, targetType, targetId, details, ip }: {
    actor: Actor;
    action: string;
    targetType: string;
    targetId?: string | null;
    details?: unknown;
    ip?: string | null;
  },
): Promise<void> {
  const userId = actor.kind === 'user' && actor.userId > 0 ? actor.userId : null;
  const username = actor.kind === 'user' ? actor.username : 'anonymous';
  await q.query(
    `INSERT INTO audit_log (user_id, username, action, target_type, target_id, details, ip)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [userId, username, action, targetType, targetId ?? null, details === undefined ? null : JSON.stringify(details), ip ?? null],
  );
}
