/** Time source; tests pass a fixed clock to exercise future effective dates. */
export interface Clock {
  now(): Date;
  /** Today's date in Asia/Shanghai as YYYY-MM-DD: catalog dates are civil dates of the centre. */
  today(): string;
}

const shanghaiDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

export function shanghaiToday(at: Date): string {
  return shanghaiDate.format(at);
}

export const systemClock: Clock = {
  now: () => new Date(),
  today: () => shanghaiToday(new Date()),
};

export function fixedClock(iso: string): Clock {
  const at = new Date(iso);
  return { now: () => at, today: () => shanghaiToday(at) };
}
