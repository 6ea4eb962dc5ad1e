import { shanghaiToday, type Clock } from '../../platform/src/kernel';

/** A clock the test moves, to watch future effective and cancel dates take effect. */
export function mutableClock(startIso: string): Clock & { set(iso: string): void } {
  let at = new Date(startIso);
  return {
    now: () => at,
    today: () => shanghaiToday(at),
    set(iso: string) {
      at = new Date(iso);
    },
  };
}
