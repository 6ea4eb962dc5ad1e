import { shanghaiDate } from './shanghaiDate';

/**
 * “2026年12月2日” for a civil date (YYYY-MM-DD), or for an instant on its day in Asia/Shanghai:
 * notices, the portal and the workbench write dates one way, never in ISO. Anything else is shown
 * as given rather than as “NaN年”.
 */
export function chineseDate(value: string): string {
  const civil = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (civil) return `${civil[1]}年${Number(civil[2])}月${Number(civil[3])}日`;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : chineseDate(shanghaiDate(date));
}
