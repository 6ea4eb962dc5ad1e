import { parseCivilDate } from '../calendar/civilDay';

/**
 * 居民身份证号码 (GB 11643-1999): 6-digit region code (GB/T 2260), 8-digit birth date, 3-digit
 * sequence, one check character (ISO 7064 MOD 11-2). Isomorphic: the server validates with it and
 * the portal checks before sending, so both give the same Chinese reason.
 */
export const ID_NUMBER_LENGTH = 18;

const SHAPE = /^\d{17}[\dX]$/;
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
/** The check character for each remainder of the weighted sum mod 11. */
const CHECK_CHARACTERS = '10X98765432';
/**
 * Province-level codes of GB/T 2260 (and 81/82/83 for the residence permits of Hong Kong, Macao and
 * Taiwan residents, which share this number's format). A county's code changes over the years, so
 * only the province is held to a list: a number issued under an old county code stays valid.
 */
const PROVINCES = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
  '83',
]);
const EARLIEST_BIRTH_YEAR = 1900;

export type IdNumberIssueCode =
  'citizen.id_number_format' | 'citizen.id_number_region' | 'citizen.id_number_birth_date' | 'citizen.id_number_check_digit';

export interface IdNumberIssue {
  code: IdNumberIssueCode;
  message: string;
}

/** Trims and uppercases the check character, as the number is stored and used as a user name. */
export function normalizeIdNumber(value: string): string {
  return value.trim().toUpperCase();
}

/** The check character the first 17 digits call for. */
export function idNumberCheckCharacter(first17: string): string {
  let sum = 0;
  for (let index = 0; index < WEIGHTS.length; index += 1) sum += Number(first17[index]) * (WEIGHTS[index] ?? 0);
  return CHECK_CHARACTERS[sum % 11] ?? '';
}

/**
 * Null when `value` (normalised first) is a well-formed 18-digit number whose birth date is a real
 * day between 1900-01-01 and `today` (YYYY-MM-DD, the caller's clock), else the first problem found.
 */
export function checkIdNumber(value: string, today: string): IdNumberIssue | null {
  const id = normalizeIdNumber(value);
  if (!SHAPE.test(id)) {
    return { code: 'citizen.id_number_format', message: '身份证号应为 18 位，前 17 位是数字，最后一位是数字或 X' };
  }
  const region = id.slice(0, 6);
  if (!PROVINCES.has(region.slice(0, 2)) || region.slice(2) === '0000') {
    return { code: 'citizen.id_number_region', message: '身份证号前 6 位不是有效的行政区划代码' };
  }
  const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  const parts = parseCivilDate(birth);
  if (!parts || parts.year < EARLIEST_BIRTH_YEAR || birth > today) {
    return { code: 'citizen.id_number_birth_date', message: '身份证号中的出生日期（第 7–14 位）不是有效日期' };
  }
  if (idNumberCheckCharacter(id) !== id[17]) {
    return { code: 'citizen.id_number_check_digit', message: '身份证号校验位不正确，请核对后重新输入' };
  }
  return null;
}

/** Shows the region's first four and the last four characters: enough to recognise, not to reuse. */
export function maskIdNumber(value: string): string {
  const id = normalizeIdNumber(value);
  if (id.length <= 8) return '*'.repeat(id.length);
  return `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}`;
}

/** Mainland mobile numbers: 11 digits beginning 13–19. */
export const PHONE_PATTERN = /^1[3-9]\d{9}$/;
