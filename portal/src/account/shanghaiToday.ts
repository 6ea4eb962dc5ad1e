const format = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today as the platform counts it (YYYY-MM-DD in Asia/Shanghai), for checking a birth date before sending. */
export function shanghaiToday(): string {
  return format.format(new Date());
}
