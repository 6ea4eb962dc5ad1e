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

/** Further events of a submit besides its first (e.g. `plugin_failed`), in the submit's transaction. */
export async function appendEvents(
  q: Queryable,
  applicationId: number,
  events: readonly { at: Date; type: string; details: Record<string, unknown> }[],
): Promise<void> {
  if (events.length === 0) return;
  await q.query(
    `INSERT INTO application_events (application_id, at, type, details)
     SELECT $1, $2, event ->> 'type', event -> 'details' FROM jsonb_array_elements($3::jsonb) AS event`,
    [applicationId, events[0]?.at, JSON.stringify(events.map(({ type, details }) => ({ type, details })))],
  );
}
