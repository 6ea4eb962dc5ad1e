/**
 * Civil dates ('YYYY-MM-DD', the centre's calendar in Asia/Shanghai) as whole day numbers since
 * 1970-01-01. Arithmetic on integers never meets a time zone or a daylight-saving hour, which is
 * where `Date` arithmetic on local midnights goes wrong. Conversions follow H. Hinnant's
 * days-from-civil algorithms (proleptic Gregorian).
 */
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function dayNumberOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The parts of a valid 'YYYY-MM-DD', or undefined (2025-02-29 and 2025-13-01 are not dates). */
export function parseCivilDate(text: string): { year: number; month: number; day: number } | undefined {
  const match = DATE_PATTERN.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

export function isCivilDate(text: string): boolean {
  return parseCivilDate(text) !== undefined;
}

/** Day number of a civil date; throws on text that is not one (callers validate user input first). */
export function toDayNumber(text: string): number {
  const parts = parseCivilDate(text);
  if (!parts) throw new RangeError(`not a civil date (YYYY-MM-DD): ${text}`);
  return dayNumberOf(parts.year, parts.month, parts.day);
}

export function civilOf(dayNumber: number): { year: number; month: number; day: number } {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

export function toCivilDate(dayNumber: number): string {
  const { year, month, day } = civilOf(dayNumber);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

export function yearOf(dayNumber: number): number {
  return civilOf(dayNumber).year;
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

export function isWeekend(dayNumber: number): boolean {
  const weekday = weekdayOf(dayNumber);
  return weekday === 0 || weekday === 6;
}

/**
 * 民法典第二百零二条: a period in months ends on the corresponding day of the last month, or on
 * that month's last day when it has no such day (01-31 + 1 month → 02-28 or 02-29).
 */
export function addMonths(dayNumber: number, months: number): number {
  const { year, month, day } = civilOf(dayNumber);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  return dayNumberOf(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}
