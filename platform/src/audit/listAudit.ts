import type { Queryable } from '../store';

export interface AuditEntry {
  id: number;
  at: string;
  username: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  details: unknown;
}

export async function listAudit(
  q: Queryable,
  { targetType, targetId, limit = 100 }: { targetType?: string; targetId?: string; limit?: number },
): Promise<AuditEntry[]> {
  const result = await q.query<{ id: string | number; at: Date; username: string | null; action: string; target_type: string; target_id: string | null; details: unknown }>(
    `SELECT id, at, username, action, target_type, target_id, details FROM audit_log
     WHERE ($1::text IS NULL OR target_type = $1) AND ($2::text IS NULL OR target_id = $2)
     ORDER BY id DESC LIMIT $3`,
    [targetType ?? null, targetId ?? null, limit],
  );
  return result.rows.map((row) => ({
    id: Number(row.id),
    at: new Date(row.at).toISOString(),
    username: row.username,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    details: row.details,
  }));
}
