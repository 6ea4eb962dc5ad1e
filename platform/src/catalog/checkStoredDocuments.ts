import { CURRENT_META_SCHEMA_VERSION, migrateDocument } from '@matterflow/schemas';
import type { Deps } from '../kernel';
import { documentIssues } from './validateDocument';
import { validationStamp } from './validationStamp';

/** Rows read per round trip: bounds memory when a new meta-schema makes every row due at once. */
const PAGE = 500;

/**
 * Start-up check: every stored matter document is migrated to the current meta-schema and must
 * validate. Documents that cannot be read stop the server, named by code and version, instead of
 * failing later in front of a citizen. Only rows whose validation stamp is not the current one are
 * read (written before a meta-schema change, loaded in bulk, or changed outside the application);
 * each row that passes gets the stamp, so the next start-up skips it.
 */
export async function checkStoredDocuments(deps: Pick<Deps, 'db' | 'logger'>): Promise<{ checked: number; migrated: number }> {
  const stamp = validationStamp();
  const unreadable: string[] = [];
  let checked = 0;
  let migrated = 0;
  let after: { code: string; version: number } = { code: '', version: 0 };
  for (;;) {
    const result = await deps.db.query<{
      code: string;
      version: number;
      meta_schema_version: number;
      document: Record<string, unknown>;
    }>(
      `SELECT code, version, meta_schema_version, document FROM matter_versions
       WHERE validated_with IS DISTINCT FROM $1 AND (code, version) > ($2, $3)
       ORDER BY code, version LIMIT ${PAGE}`,
      [stamp, after.code, after.version],
    );
    const last = result.rows.at(-1);
    if (!last) break;
    after = { code: last.code, version: last.version };
    checked += result.rows.length;
    const valid: { code: string; version: number }[] = [];
    const upgrades: { code: string; version: number; document: Record<string, unknown> }[] = [];
    for (const row of result.rows) {
      try {
        const document = migrateDocument(row.document);
        const issues = documentIssues(document);
        if (issues.length > 0) {
          unreadable.push(
            `${row.code} v${row.version}: ${issues
              .slice(0, 3)
              .map((i) => `${i.pointer} ${i.message}`)
              .join('; ')}`,
          );
        } else if (row.meta_schema_version !== CURRENT_META_SCHEMA_VERSION) {
          upgrades.push({ code: row.code, version: row.version, document });
        } else {
          valid.push(row);
        }
      } catch (error) {
        unreadable.push(`${row.code} v${row.version}: ${(error as Error).message}`);
      }
    }
    await deps.db.transaction(async (tx) => {
      if (valid.length > 0) {
        await tx.query(
          `UPDATE matter_versions v SET validated_with = $3
           FROM unnest($1::text[], $2::int[]) AS k(code, version) WHERE v.code = k.code AND v.version = k.version`,
          [valid.map((row) => row.code), valid.map((row) => row.version), stamp],
        );
      }
      for (const upgrade of upgrades) {
        await tx.query(
          'UPDATE matter_versions SET document = $3, meta_schema_version = $4, validated_with = $5 WHERE code = $1 AND version = $2',
          [upgrade.code, upgrade.version, JSON.stringify(upgrade.document), CURRENT_META_SCHEMA_VERSION, stamp],
        );
      }
    });
    migrated += upgrades.length;
  }
  if (unreadable.length > 0) {
    throw new Error(
      `无法读取 ${unreadable.length} 个已存储的事项文档 / unreadable matter documents:\n  ${unreadable.join('\n  ')}`,
    );
  }
  if (migrated > 0) deps.logger.info({ migrated }, 'matter documents migrated to the current meta-schema');
  return { checked, migrated };
}
