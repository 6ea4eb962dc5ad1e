import { requireRole, type Call, type Db } from '../kernel';

export interface AuditRecord {
  id: number;
  at: string;
  username: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  details: unknown;
}

export interface AuditQuery {
  targetType?: string | undefined;
  targetId?: string | undefined;
  limit: number;
}

/** The audit trail, newest first: for supervision, system administration and legal review. */
export async function listAudit(deps: { db: Db }, call: Call, query: AuditQuery): Promise<AuditRecord[]> {
  requireRole(call.actor, ['supervisor', 'sysadmin', 'legal']);
  const result = await deps.db.query<{
    id: string | number;
    at: Date;
    username: string | null;
    action: string;
    target_type: string;
    target_id: string | null;
    details: unknown;
  }>(
    `SELECT id, at, username, action, target_type, target_id, details FROM audit_log
     WHERE ($1::text IS NULL OR target_type = $1) AND ($2::text IS NULL OR target_id = $2)
     ORDER BY id DESC LIMIT $3`,
    [query.targetType ?? null, query.targetId ?? null, query.limit],
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
