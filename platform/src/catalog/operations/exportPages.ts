import { readerOf, type Call, type Clock, type Db, type Queryable } from '../../kernel';
import type { MatterPages } from '../exchange';
import type { MatterStatus } from '../MatterVersion';
import { buildLatestVersions, type MatterFilters } from './searchMatters';

export interface ExportKey {
  code: string;
  version: number;
  revision: number;
  status: MatterStatus;
}

/** Which version of each matter an export contains: the newest the user may see, without documents. */
export async function listExportKeys(
  deps: { db: Db; clock: Clock },
  call: Call,
  { filters }: { filters: MatterFilters },
): Promise<ExportKey[]> {
  const { cte, params } = buildLatestVersions({ actor: call.actor, filters, today: deps.clock.today() });
  const result = await readerOf(deps.db, call).query<ExportKey & { state: MatterStatus }>(
    `${cte} SELECT l.code, l.version, l.state, v.revision FROM latest l
     JOIN matter_versions v ON v.code = l.code AND v.version = l.version ORDER BY l.code`,
    params,
  );
  return result.rows.map((row) => ({ code: row.code, version: row.version, revision: row.revision, status: row.state }));
}

/**
 * Pages of the chosen versions, `pageSize` matters at a time, selecting only the JSON at the
 * requested paths (`document #> path`), so the 申请材料 pass does not parse whole documents.
 * A version whose revision moved since the keys were listed was edited during the export: the
 * sheets would disagree, so the export stops instead (the client downloads again).
 */
export function databasePages(q: Queryable, keys: readonly ExportKey[], { pageSize }: { pageSize?: number } = {}): MatterPages {
  return async function* (paths) {
    const size = pageSize ?? pageSizeFor(paths);
    // `#>` gives SQL NULL for an absent path and jsonb null for a stored null; the array wrapper keeps them apart.
    const columns = paths
      .map(
        (_, i) =>
          `CASE WHEN v.document #> $${i + 3}::text[] IS NULL THEN NULL ELSE jsonb_build_array(v.document #> $${i + 3}::text[]) END AS p${i}`,
      )
      .join(', ');
    for (let at = 0; at < keys.length; at += size) {
      const page = keys.slice(at, at + size);
      const result = await q.query<Record<string, unknown> & { code: string; revision: number }>(
        `SELECT k.code, v.revision, ${columns}
         FROM unnest($1::text[], $2::int[]) WITH ORDINALITY AS k(code, version, n)
         JOIN matter_versions v ON v.code = k.code AND v.version = k.version
         ORDER BY k.n`,
        [page.map((key) => key.code), page.map((key) => key.version), ...paths.map((path) => [...path])],
      );
      if (result.rows.length !== page.length) throw new Error('导出期间事项版本发生变化，请重新导出');
      yield result.rows.map((row, i) => {
        const key = page[i] as ExportKey;
        if (row.code !== key.code || row.revision !== key.revision) {
          throw new Error(`导出期间事项 ${key.code} 被修改，请重新导出`);
        }
        return {
          code: key.code,
          version: key.version,
          revision: key.revision,
          status: key.status,
          values: paths.map((_, p) => {
            const wrapped = row[`p${p}`];
            return Array.isArray(wrapped) ? wrapped[0] : undefined;
          }),
        };
      });
    }
  };
}

/**
 * Matters per page, so that one page (the query runs on the event loop with PGlite, then the rows
 * are parsed and written) stays under ~100 ms on a busy two-core machine: 200 whole documents took
 * 270 ms there, 50 took 90 ms; a single list (申请材料 …) is lighter.
 */
function pageSizeFor(paths: readonly (readonly string[])[]): number {
  const isOneList = paths.length === 1 && (paths[0]?.length ?? 0) > 0;
  return isOneList ? 100 : 50;
}
