/**
 * Lenient readers for values that arrive from other systems or from spreadsheet cells: they accept
 * codes or Chinese names, numbers typed as text and the usual Chinese list separators. They never
 * guess: what they cannot read comes back as a message for the caller to report.
 */
export type Decoded = { ok: true; value: unknown } | { ok: false; message: string };

export interface EnumOption {
  code: string;
  name: string;
  /** Other spellings accepted on input (national codes for time units). */
  aliases?: readonly string[];
}

const ABSENT: Decoded = { ok: true, value: undefined };
const ok = (value: unknown): Decoded => ({ ok: true, value });
const bad = (message: string): Decoded => ({ ok: false, message });

function isBlank(raw: unknown): boolean {
  return raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');
}

export function decodeString(raw: unknown): Decoded {
  if (raw === undefined || raw === null) return ABSENT;
  if (typeof raw === 'string') return ok(raw);
  if (typeof raw === 'number') return ok(String(raw));
  return bad('应为文本');
}

export function decodeInteger(raw: unknown): Decoded {
  if (isBlank(raw)) return ABSENT;
  if (typeof raw === 'number' && Number.isInteger(raw)) return ok(raw);
  if (typeof raw === 'string' && /^\s*-?\d{1,9}\s*$/.test(raw)) return ok(Number(raw.trim()));
  return bad(`“${String(raw)}”不是整数`);
}

const TRUE_WORDS = new Set(['1', '是', 'true', 'y', 'yes']);
const FALSE_WORDS = new Set(['0', '否', 'false', 'n', 'no']);

export function decodeBoolean(raw: unknown): Decoded {
  if (isBlank(raw)) return ABSENT;
  if (typeof raw === 'boolean') return ok(raw);
  const word = String(raw).trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return ok(true);
  if (FALSE_WORDS.has(word)) return ok(false);
  return bad(`“${String(raw)}”应填写“是”或“否”`);
}

export function decodeEnum(raw: unknown, options: readonly EnumOption[], label: string): Decoded {
  if (isBlank(raw)) return ABSENT;
  if (typeof raw !== 'string' && typeof raw !== 'number') return bad(`${label}应为文本`);
  const text = String(raw).trim();
  const match = options.find((option) => option.code === text || option.name === text || option.aliases?.includes(text));
  if (match) return ok(match.code);
  return bad(`“${text}”不是有效的${label}，可选：${options.map((option) => option.name).join('、')}`);
}

const LIST_SEPARATORS = /[,，、;；\s]+/;

const LEADING_SEPARATORS = /^[,，、;；\s]+/;

/**
 * Splits a list cell into items. Option names may themselves contain a separator (镇（乡、街道）级),
 * so a known name or code at the start of the rest is taken whole, longest first; anything else runs
 * to the next separator and is reported.
 */
function splitEnumList(text: string, options: readonly EnumOption[]): string[] {
  const words = options
    .flatMap((option) => [option.name, option.code, ...(option.aliases ?? [])])
    .sort((a, b) => b.length - a.length);
  const parts: string[] = [];
  let rest = text.replace(LEADING_SEPARATORS, '');
  while (rest !== '') {
    const known = words.find(
      (word) => rest.startsWith(word) && (rest.length === word.length || LEADING_SEPARATORS.test(rest.slice(word.length))),
    );
    const part = known ?? rest.split(LIST_SEPARATORS)[0] ?? rest;
    parts.push(part);
    rest = rest.slice(part.length).replace(LEADING_SEPARATORS, '');
  }
  return parts;
}

/** An empty string is an empty list (our own exports write [] that way); a missing value is absent. */
export function decodeEnumList(raw: unknown, options: readonly EnumOption[], label: string): Decoded {
  if (raw === undefined || raw === null) return ABSENT;
  const parts = Array.isArray(raw)
    ? raw
    : typeof raw === 'string' || typeof raw === 'number'
      ? splitEnumList(String(raw), options)
      : undefined;
  if (!parts) return bad(`${label}应为以顿号分隔的列表`);
  const codes: string[] = [];
  const problems: string[] = [];
  for (const part of parts) {
    if (isBlank(part)) continue;
    const decoded = decodeEnum(part, options, label);
    if (decoded.ok) codes.push(String(decoded.value));
    else problems.push(decoded.message);
  }
  return problems.length > 0 ? bad(problems.join('；')) : ok(codes);
}

/** Article numbers (第十二条) never contain 、, so joining with it is lossless. */
export function decodeStringList(raw: unknown): Decoded {
  if (raw === undefined || raw === null) return ABSENT;
  if (Array.isArray(raw)) return raw.every((part) => typeof part === 'string') ? ok(raw) : bad('应为文本列表');
  if (typeof raw !== 'string') return bad('应为以顿号分隔的文本');
  return ok(
    raw
      .split(/[、,，;；]/)
      .map((part) => part.trim())
      .filter((part) => part !== ''),
  );
}

export function decodeJson(raw: unknown): Decoded {
  if (isBlank(raw)) return ABSENT;
  if (typeof raw !== 'string') return typeof raw === 'object' ? ok(raw) : bad('应为 JSON 文本');
  try {
    return ok(JSON.parse(raw));
  } catch {
    return bad('不是合法的 JSON');
  }
}

/**
 * National anticipate_type / promise_type codes. Our choice, following the published tables:
 * "1" 工作日, "2" 自然日, "3" 月; `workday` is the document default when the unit is missing.
 */
export const NATIONAL_UNIT_CODES: Readonly<Record<string, string>> = { workday: '1', day: '2', month: '3' };

export function withNationalUnitAliases(options: readonly EnumOption[]): EnumOption[] {
  return options.map((option) => {
    const national = NATIONAL_UNIT_CODES[option.code];
    return national ? { ...option, aliases: [national] } : option;
  });
}
