import type { Queryable } from '../../kernel';

export interface CaseEvent {
  at: Date;
  type: string;
  actorUserId: number | null;
  actorName: string | null;
  details: Record<string, unknown>;
}

/**
 * Appends to the application's timeline (intake's application_events, which the case engine
 * continues): the citizen's status page and the staff's case read the same rows.
 */
export async function appendCaseEvent(q: Queryable, applicationId: number, event: CaseEvent): Promise<void> {
  await q.query(
    `INSERT INTO application_events (application_id, at, type, actor_user_id, actor_name, details)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [applicationId, event.at, event.type, event.actorUserId, event.actorName, JSON.stringify(event.details)],
  );
}
