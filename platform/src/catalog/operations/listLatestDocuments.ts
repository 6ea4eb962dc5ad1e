import type { Queryable } from '../../store';
import type { Actor } from '../../identity/Actor';
import type { MatterDocument, MatterStatus } from '../MatterVersion';
import { buildLatestVersions, type MatterFilters } from './searchMatters';

export interface LatestDocument {
  code: string;
  version: number;
  status: MatterStatus;
  document: MatterDocument;
}

/** Every matter's newest visible version with its document (export and quality report). */
export async function listLatestDocuments(
  q: Queryable,
  { actor, filters, today }: { actor: Actor; filters: MatterFilters; today: string },
): Promise<LatestDocument[]> {
  const { cte, params } = buildLatestVersions({ actor, filters, today });
  const result = await q.query<{ code: string; version: number; state: MatterStatus; document: MatterDocument }>(
    `${cte} SELECT l.code, l.version, l.state, v.document FROM latest l
     JOIN matter_versions v ON v.code = l.code AND v.version = l.version ORDER BY l.code`,
    params,
  );
  return result.rows.map((row) => ({ code: row.code, version: row.version, status: row.state, document: row.document }));
}
