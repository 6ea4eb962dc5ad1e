import type { Call, Clock, Queryable } from '../kernel';

export interface AuditEntry {
  action: string;
  targetType: string;
  targetId?: string | null;
  details?: unknown;
}

/**
 * Appends one audit entry inside the transaction that makes the change (`tx`), so an action and
 * its record commit or roll back together. The time comes from the injected clock.
 */
export async function recordAudit(deps: { clock: Clock }, call: Call & { tx: Queryable }, entry: AuditEntry): Promise<void> {
  const { actor } = call;
  const userId = actor.kind === 'user' && actor.userId > 0 ? actor.userId : null;
  const username = actor.kind === 'user' ? actor.username : 'anonymous';
  await call.tx.query(
    `INSERT INTO audit_log (at, user_id, username, action, target_type, target_id, details, ip)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      deps.clock.now(),
      userId,
      username,
      entry.action,
      entry.targetType,
      entry.targetId ?? null,
      entry.details === undefined ? null : JSON.stringify(entry.details),
      call.ip ?? null,
    ],
  );
}
