/** 4 digits after the date, as the numbering rule `<实施编码><yyyyMMdd><4-digit sequence>` says. */
export const MAX_DAILY_SEQUENCE = 9999;

/** `<实施编码><yyyyMMdd>`: the counter row's key, one per matter and day. */
export const numberPrefix = (matterCode: string, day: string): string => `${matterCode}${day.replaceAll('-', '')}`;

/**
 * The next number of a matter on a day, as a data-modifying CTE `numbered (last, number)` over the
 * prefix in `$1`, for the statement that writes the application (insertApplication). The counter
 * row is updated in the submitting transaction, so a rolled-back submit gives its number back and
 * concurrent submits queue on the row: numbers are gap-free and never given twice, on PGlite and on
 * PostgreSQL. A `last` past MAX_DAILY_SEQUENCE is returned too; the statement writes nothing then.
 */
export const NEXT_APPLICATION_NUMBER = `numbered AS (
       INSERT INTO application_numbers (prefix, last) VALUES ($1, 1)
       ON CONFLICT (prefix) DO UPDATE SET last = application_numbers.last + 1
       RETURNING last, prefix || lpad(last::text, 4, '0') AS number
     )`;
