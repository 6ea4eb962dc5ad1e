import type { Queryable } from '../../kernel';
import { SYSTEM_ACTOR } from '../../kernel';
import { buildLatestVersions } from '../operations/searchMatters';
import type { QualityMatter } from './QualityRule';

/**
 * The document fields the rules comparing matters read (三级四同, 互为前置, 实施编码重复). Publishing
 * reads only these of every other matter: a slim catalog is a fraction of the documents.
 */
export const CATALOG_RULE_FIELDS = ['code', 'name', 'catalogCode', 'type', 'legalBasis', 'timeLimits', 'prerequisites'] as const;

/**
 * Every matter's newest version, whoever may see it (a cycle runs across departments), with only
 * the fields of CATALOG_RULE_FIELDS.
 */
export async function listSlimCatalog(q: Queryable, { today }: { today: string }): Promise<QualityMatter[]> {
  const { cte, params } = buildLatestVersions({ actor: SYSTEM_ACTOR, filters: {}, today });
  const fields = CATALOG_RULE_FIELDS.map((field) => `'${field}', v.document -> '${field}'`).join(', ');
  const result = await q.query<{ code: string; version: number; state: string; document: unknown }>(
    `${cte} SELECT l.code, l.version, l.state, jsonb_strip_nulls(jsonb_build_object(${fields})) AS document
     FROM latest l JOIN matter_versions v ON v.code = l.code AND v.version = l.version ORDER BY l.code`,
    params,
  );
  return result.rows.map((row) => ({ code: row.code, version: Number(row.version), status: row.state, document: row.document }));
}
