import type { Db } from '../../kernel';
import { namePinyin } from './namePinyin';

/**
 * Versions stored before the pinyin columns existed (or bulk-loaded without them) get them, so a
 * search by initials finds every matter. One statement for the lot; nothing to do on most starts.
 */
export async function backfillNamePinyin({ db }: { db: Db }): Promise<number> {
  const missing = await db.query<{ code: string; version: number; name: string }>(
    'SELECT code, version, name FROM matter_versions WHERE name_pinyin IS NULL',
  );
  if (missing.rows.length === 0) return 0;
  const rows = missing.rows.map(({ code, version, name }) => ({
    code,
    version,
    initials: namePinyin(name).initials,
    pinyin: namePinyin(name).full,
  }));
  await db.query(
    `UPDATE matter_versions v SET name_initials = r.initials, name_pinyin = r.pinyin
     FROM jsonb_to_recordset($1::jsonb) AS r(code text, version int, initials text, pinyin text)
     WHERE v.code = r.code AND v.version = r.version`,
    [JSON.stringify(rows)],
  );
  return rows.length;
}
