import { readerOf, type Call, type Clock, type Db } from '../../kernel';
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
  deps: { db: Db; clock: Clock },
  call: Call,
  { filters }: { filters: MatterFilters },
): Promise<LatestDocument[]> {
  const { cte, params } = buildLatestVersions({ actor: call.actor, filters, today: deps.clock.today() });
  const result = await readerOf(deps.db, call).query<{
    code: string;
    version: number;
    state: MatterStatus;
    document: MatterDocument;
  }>(
    `${cte} SELECT l.code, l.version, l.state, v.document FROM latest l
     JOIN matter_versions v ON v.code = l.code AND v.version = l.version ORDER BY l.code`,
    params,
  );
  return result.rows.map((row) => ({ code: row.code, version: row.version, status: row.state, document: row.document }));
}
