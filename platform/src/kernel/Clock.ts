import { shanghaiDate } from '@matterflow/schemas';
/** Time source; tests pass a fixed clock to exercise future effective dates. */
export interface Clock {
  now(): Date;
  /** Today's date in Asia/Shanghai as YYYY-MM-DD: catalog dates are civil dates of the centre. */
  today(): string;
}

export function shanghaiToday(at: Date): string {
  return shanghaiDate(at);
}

export const systemClock: Clock = {
  now: () => new Date(),
  today: () => shanghaiToday(new Date()),
};

export function fixedClock(iso: string): Clock {
  const at = new Date(iso);
  return { now: () => at, today: () => shanghaiToday(at) };
}
