/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character alphabet (no I, O, S, V, Z);
 * the last is a check character over the first 17. Positions 9-17 are the organisation code
 * (GB 11714), which carries its own check character at position 17.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
const ORG_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Σ value(char) × weight, or undefined when a character is outside the alphabet or lengths differ. */
function weightedSum(text: string, alphabet: string, weights: readonly number[]): number | undefined {
  if (text.length !== weights.length) return undefined;
  let sum = 0;
  for (let i = 0; i < text.length; i += 1) {
    const value = alphabet.indexOf(text.charAt(i));
    if (value < 0) return undefined;
    sum += value * (weights[i] ?? 0);
  }
  return sum;
}

export function usccCheckChar(first17: string): string | undefined {
  const sum = weightedSum(first17, ALPHABET, WEIGHTS);
  return sum === undefined ? undefined : ALPHABET.charAt((31 - (sum % 31)) % 31);
}

/** GB 11714 check character for an 8-character organisation code body. */
export function orgCodeCheckChar(first8: string): string | undefined {
  const sum = weightedSum(first8, ORG_ALPHABET, ORG_WEIGHTS);
  if (sum === undefined) return undefined;
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

export function isValidUscc(code: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) return false;
  return usccCheckChar(code.slice(0, 17)) === code.charAt(17);
}

/** Builds a valid code from registration prefix (2), region (6) and organisation body (8). */
export function makeUscc({ prefix, region, orgBody }: { prefix: string; region: string; orgBody: string }): string {
  const orgCheck = orgCodeCheckChar(orgBody);
  if (!orgCheck) throw new Error(`bad organisation code body ${orgBody}`);
  const first17 = `${prefix}${region}${orgBody}${orgCheck}`;
  const check = usccCheckChar(first17);
  if (!check) throw new Error(`cannot build a code from ${first17}`);
  return first17 + check;
}
