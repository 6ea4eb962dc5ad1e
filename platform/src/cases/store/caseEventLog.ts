import type { Queryable } from '../../kernel';

export interface LoggedCaseEvent {
  at: string;
  type: string;
  actorName: string | null;
  details: Record<string, unknown>;
}

/** A case's timeline with each event's details, oldest first (the rows appendCaseEvent writes). */
export async function listCaseEventLog(q: Queryable, applicationId: number): Promise<LoggedCaseEvent[]> {
  const { rows } = await q.query<{ at: Date; type: string; actor_name: string | null; details: Record<string, unknown> | null }>(
    `SELECT at, type, actor_name, details FROM application_events WHERE application_id = $1 ORDER BY id`,
    [applicationId],
  );
  return rows.map((row) => ({ at: row.at.toISOString(), type: row.type, actorName: row.actor_name, details: row.details ?? {} }));
}
