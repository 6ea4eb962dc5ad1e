const format = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * Today as the platform counts it (YYYY-MM-DD in Asia/Shanghai): a browser on UTC would otherwise
 * offer yesterday as the effective date for eight hours a day, which the platform refuses as past.
 */
export const shanghaiToday = (now: Date = new Date()): string => format.format(now);
