const format = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * The civil date (YYYY-MM-DD) of an instant in Asia/Shanghai, the centre's calendar. The platform's
 * clock and both web apps use this one, so a browser on UTC does not offer yesterday for eight
 * hours a day.
 */
export const shanghaiDate = (at: Date): string => format.format(at);

const clock = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Shanghai',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The time of day (HH:mm) of an instant in Asia/Shanghai: a receipt's time belongs with its day. */
export const shanghaiTime = (at: Date): string => clock.format(at);
