import type { Clock, Db } from '../kernel';
import type { Logger } from 'pino';
import { runDueTimers } from './runDueTimers';
import type { TimerHandlers } from './Timer';

export interface RunningScheduler {
  /** Stops polling and waits for a round in progress to commit. */
  stop(): Promise<void>;
}

/**
 * Polls for due timers every `intervalMs` until stopped; a full round (as many as `limit`) is
 * followed at once by another, so a backlog after downtime drains without waiting an interval per
 * batch. A round that fails (the database away) is logged and tried again next interval: the timers
 * are still pending in the database, nothing is lost.
 */
export function startScheduler(
  deps: { db: Db; clock: Clock; logger: Pick<Logger, 'error'> },
  { handlers, intervalMs = 5_000, limit = 100 }: { handlers: TimerHandlers; intervalMs?: number; limit?: number },
): RunningScheduler {
  let stopped = false;
  let timeout: ReturnType<typeof setTimeout> | undefined;
  let round: Promise<void> = Promise.resolve();

  const poll = async () => {
    try {
      for (;;) {
        if (stopped) return;
        const outcome = await runDueTimers(deps, { handlers, limit });
        if (outcome.claimed < limit) break;
      }
    } catch (error) {
      deps.logger.error({ err: error }, 'scheduler: a round of due timers failed');
    }
    if (!stopped) timeout = setTimeout(tick, intervalMs);
  };
  const tick = () => {
    round = poll();
  };
  tick();
  return {
    async stop() {
      stopped = true;
      if (timeout) clearTimeout(timeout);
      await round;
    },
  };
}
