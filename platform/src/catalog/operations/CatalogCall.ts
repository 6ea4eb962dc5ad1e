import type { AppContext } from '../../http/AppContext';
import type { Actor } from '../../identity/Actor';

/** What every catalog operation receives: the app context, who acts, and from where. */
export interface CatalogCall {
  ctx: AppContext;
  actor: Actor;
  ip?: string | null;
}

export function userIdOf(actor: Actor): number | null {
  return actor.kind === 'user' && actor.userId > 0 ? actor.userId : null;
}
