import type { Queryable } from '../../kernel';
import { appendCaseEvent, appendUnofferedEvents } from '../store/caseEventStore';
import type { PluginNote } from './routeAtAcceptance';

/** The route hook's choices (offered to onEvent like any event) and failures (not offered). */
export async function appendPluginNotes(
  q: Queryable,
  applicationId: number,
  at: Date,
  notes: readonly PluginNote[],
): Promise<void> {
  for (const note of notes) {
    if (note.type === 'plugin_routed')
      await appendCaseEvent(q, applicationId, { at, type: note.type, actorUserId: null, actorName: null, details: note.details });
    else await appendUnofferedEvents(q, applicationId, { at, type: note.type, details: [note.details] });
  }
}
