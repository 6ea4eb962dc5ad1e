/** GB 11643-1999: the 18th character of a 居民身份证号码 from the weighted sum of the first 17 digits. */
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

export function isValidIdNumber(value: string): boolean {
  const id = value.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(id.charAt(i)) * (ID_WEIGHTS[i] ?? 0);
  return ID_CHECK.charAt(sum % 11) === id.charAt(17);
}

/** GB 32100-2015: 统一社会信用代码, 31 characters (no I, O, S, V, Z), the 18th a check over the first 17. */
const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function isValidCreditCode(value: string): boolean {
  const code = value.trim();
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += USCC_ALPHABET.indexOf(code.charAt(i)) * (USCC_WEIGHTS[i] ?? 0);
  return USCC_ALPHABET.charAt((31 - (sum % 31)) % 31) === code.charAt(17);
}
