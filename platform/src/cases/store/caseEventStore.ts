import type { Queryable } from '../../kernel';
import { PLUGIN_EVENT_TIMER } from '../plugins/pluginEventTimer';

export interface CaseEvent {
  at: Date;
  type: string;
  actorUserId: number | null;
  actorName: string | null;
  details: Record<string, unknown>;
}

/**
 * Appends to the application's timeline (intake's application_events, which the case engine
 * continues): the citizen's status page and the staff's case read the same rows. When the matter
 * version pins plugins, the same statement schedules the event's offer to them (PLUGIN_EVENT_TIMER,
 * subject the event's id): durable with the event, and no extra round trip for any event.
 */
export async function appendCaseEvent(q: Queryable, applicationId: number, event: CaseEvent): Promise<void> {
  await q.query(
    `WITH appended AS (
       INSERT INTO application_events (application_id, at, type, actor_user_id, actor_name, details)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id
     )
     INSERT INTO timers (kind, subject, due_at, run_at, created_at)
     SELECT $7, appended.id::text, $2, $2, $2
     FROM appended, applications a JOIN matter_versions v ON v.code = a.matter_code AND v.version = a.version
     WHERE a.id = $1 AND jsonb_typeof(v.document -> 'plugins') = 'array' AND jsonb_array_length(v.document -> 'plugins') > 0`,
    [applicationId, event.at, event.type, event.actorUserId, event.actorName, JSON.stringify(event.details), PLUGIN_EVENT_TIMER],
  );
}

/**
 * Events the plugins are not offered: their own failures (`plugin_failed`, for the staff), so a
 * failing onEvent plugin is called once per event and never about itself.
 */
export async function appendUnofferedEvents(
  q: Queryable,
  applicationId: number | string,
  { at, type, details }: { at: Date; type: string; details: readonly Record<string, unknown>[] },
): Promise<void> {
  if (details.length === 0) return;
  await q.query(
    `INSERT INTO application_events (application_id, at, type, details)
     SELECT $1, $2, $3, detail FROM jsonb_array_elements($4::jsonb) AS detail`,
    [applicationId, at, type, JSON.stringify(details)],
  );
}
