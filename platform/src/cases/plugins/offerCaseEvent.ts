import type { HookInput } from '@matterflow/schemas';
import { getMatterVersion } from '../../catalog';
import { eventTitle, hookMatter, hookTargetOf } from '../../intake';
import { SYSTEM_ACTOR, type Call, type HookOutcome, type Queryable } from '../../kernel';
import type { TimerHandlers } from '../../scheduler';
import type { CaseDeps } from '../caseDeps';
import { appendUnofferedEvents } from '../store/caseEventStore';
import { PLUGIN_EVENT_TIMER } from './pluginEventTimer';

interface EventRow {
  application_id: string;
  at: Date;
  type: string;
  details: Record<string, unknown> | null;
  number: string;
  matter_code: string;
  version: number;
  plugin_versions: Record<string, string> | null;
}

/**
 * Offers one case event to the pinned `onEvent` plugins: scheduled by appendCaseEvent in the
 * event's own transaction (so an event is offered only once it committed, and still after a
 * crash), run by the scheduler. One attempt per event: a plugin's failure is an outcome, noted on
 * the case for the staff and in the plugin's health, never a reason to try again.
 */
export async function offerCaseEvent(
  deps: CaseDeps,
  call: Call & { tx: Queryable },
  { eventId }: { eventId: number },
): Promise<void> {
  const { tx } = call;
  if (!deps.plugins) return;
  const { rows } = await tx.query<EventRow>(
    `SELECT e.application_id, e.at, e.type, e.details, a.number, a.matter_code, a.version, a.plugin_versions
     FROM application_events e JOIN applications a ON a.id = e.application_id WHERE e.id = $1`,
    [eventId],
  );
  const row = rows[0];
  if (!row) return;
  const matter = await getMatterVersion(deps, { actor: SYSTEM_ACTOR, tx }, { code: row.matter_code, version: row.version });
  const target = hookTargetOf(matter);
  if (!target) return;
  const stepId = row.details?.stepId;
  const input: HookInput<'onEvent'> = {
    matter: hookMatter(target),
    caseNumber: row.number,
    event: {
      type: row.type,
      at: row.at.toISOString(),
      title: eventTitle(row.type),
      ...(typeof stepId === 'string' ? { stepId } : {}),
    },
  };
  const outcomes: HookOutcome<'onEvent'>[] = await deps.plugins.run<'onEvent'>(call, target, 'onEvent', input, {
    versions: row.plugin_versions ?? {},
    caseNumber: row.number,
  });
  const failed: Record<string, unknown>[] = [];
  for (const outcome of outcomes) {
    if (outcome.ok) continue;
    const { kind, message } = outcome.failure;
    failed.push({ pluginId: outcome.pluginId, version: outcome.version, hook: 'onEvent', eventType: row.type, kind, message });
  }
  await appendUnofferedEvents(tx, row.application_id, { at: deps.clock.now(), type: 'plugin_failed', details: failed });
}

/** The scheduler's handler for PLUGIN_EVENT_TIMER (the subject is the event's id). */
export function pluginEventHandlers(deps: CaseDeps): TimerHandlers {
  return { [PLUGIN_EVENT_TIMER]: (call, timer) => offerCaseEvent(deps, call, { eventId: Number(timer.subject) }) };
}
