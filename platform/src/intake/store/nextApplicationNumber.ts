import { fail, type Queryable } from '../../kernel';

/** 4 digits after the date, as the numbering rule `<实施编码><yyyyMMdd><4-digit sequence>` says. */
export const MAX_DAILY_SEQUENCE = 9999;

/**
 * The next number of a matter on a day. The counter row is updated in the submitting transaction,
 * so a rolled-back submit gives its number back and concurrent submits queue on the row: numbers
 * are gap-free and never given twice, on PGlite and on PostgreSQL.
 */
export async function nextApplicationNumber(
  q: Queryable,
  { matterCode, day }: { matterCode: string; day: string },
): Promise<string> {
  const prefix = `${matterCode}${day.replaceAll('-', '')}`;
  const { rows } = await q.query<{ last: number }>(
    `INSERT INTO application_numbers (prefix, last) VALUES ($1, 1)
     ON CONFLICT (prefix) DO UPDATE SET last = application_numbers.last + 1 RETURNING last`,
    [prefix],
  );
  const last = rows[0]?.last ?? 1;
  if (last > MAX_DAILY_SEQUENCE) throw fail('APPLICATION_NUMBERS_EXHAUSTED', { matterCode, day });
  return `${prefix}${String(last).padStart(4, '0')}`;
}
