import type { Queryable } from '../../kernel';

export interface EventRecord {
  at: string;
  type: string;
  actorUserId: number | null;
  actorName: string | null;
  details: Record<string, unknown> | null;
}

export async function listEvents(q: Queryable, applicationId: number): Promise<EventRecord[]> {
  const { rows } = await q.query<{
    at: Date;
    type: string;
    actor_user_id: number | null;
    actor_name: string | null;
    details: Record<string, unknown> | null;
  }>(`SELECT at, type, actor_user_id, actor_name, details FROM application_events WHERE application_id = $1 ORDER BY id`, [
    applicationId,
  ]);
  return rows.map((row) => ({
    at: row.at.toISOString(),
    type: row.type,
    actorUserId: row.actor_user_id,
    actorName: row.actor_name,
    details: row.details,
  }));
}
